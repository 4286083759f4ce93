import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const PASSWORD = 'MatKhau-Manh-2024!';
const SECRET = 'khoa-ky-webhook-0123456789';

describeIntegration(`revalidate admin API (${testDatabase})`, () => {
  let app: TestApp;
  let port: number;
  const received: { id: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ id: String(req.headers['x-webhook-id']), body });
      res.writeHead(req.url === '/down' ? 500 : 204).end();
    });
  });
  const api = () => request(app.strapi.server.httpServer);

  async function signIn(code: string, email: string): Promise<string> {
    const role = await app.strapi.service('admin::role').findOne({ code });
    await app.strapi.service('admin::user').create({ email, firstname: 'Thử', lastname: code, password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
    return (await api().post('/admin/login').send({ email, password: PASSWORD }).expect(200)).body.data.token;
  }

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    app = await startApp({
      REVALIDATE_WEBHOOK_URLS: `http://127.0.0.1:${port}/hook,http://127.0.0.1:${port}/down`,
      REVALIDATE_WEBHOOK_SECRET: SECRET,
      OUTBOUND_ALLOW: '127.0.0.1',
    });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    server.close();
  });

  it('is for administrators with the permission only', async () => {
    await api().get('/revalidate/deliveries').expect(401);
    await api().post('/revalidate/test').expect(401);
    const editor = await signIn('tdkt-editor', 'bien-tap-lam-moi@example.vn');
    await api().get('/revalidate/deliveries').set('Authorization', `Bearer ${editor}`).expect(403);
    await api().post('/revalidate/test').set('Authorization', `Bearer ${editor}`).expect(403);
  });

  it('"gửi thử" sends a signed test event to every receiver and the overview lists deliveries and failures, never the secret', async () => {
    const role = await app.strapi.service('admin::role').getSuperAdmin();
    const admin = await signIn(role.code, 'quan-tri-lam-moi@example.vn');
    const auth = { Authorization: `Bearer ${admin}` };
    const sent = await api().post('/revalidate/test').set(auth).expect(200);
    const id = sent.body.event.id;
    expect(received.filter((r) => r.id === id)).toHaveLength(2);
    const byReceiver = Object.fromEntries(sent.body.deliveries.map((d: { receiver: string; status: number }) => [new URL(d.receiver).pathname, d.status]));
    expect(byReceiver).toEqual({ '/hook': 204, '/down': 500 });

    const overview = await api().get('/revalidate/deliveries').set(auth).expect(200);
    expect(overview.body.receivers).toEqual([`http://127.0.0.1:${port}/hook`, `http://127.0.0.1:${port}/down`]);
    expect(overview.body.signed).toBe(true);
    expect(overview.body.recent.map((d: { eventId: string }) => d.eventId)).toContain(id);
    const failure = overview.body.failures.find((d: { eventId: string }) => d.eventId === id);
    expect(failure).toMatchObject({ status: 500, error: 'HTTP 500', deliveredAt: null, gaveUpAt: null });
    expect(new Date(failure.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    expect(JSON.stringify(overview.body)).not.toContain(SECRET);
  });
});
