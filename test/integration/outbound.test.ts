import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import request from 'supertest';
import { URL_IMPORT_MESSAGES } from '../../src/plugins/image-pipeline/server/src/utils/url-import';
import { zip } from '../../src/plugins/image-pipeline/tests/office-files';
import { HOSTS } from '../helpers/address-forms';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const PASSWORD = 'Mat-khau-thu-1234';
const DOCX = zip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document/>']]);
const DOCM = zip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document/>'], ['word/vbaProject.bin', 'VBA']]);
// 127.0.0.2 is loopback too: the operator's exception (OUTBOUND_ALLOW) for the controls and the redirects.
const ALLOWED_HOST = '127.0.0.2';

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

describeIntegration(`server-side requests reach public addresses only (${testDatabase})`, () => {
  let app: TestApp;
  let token: string;
  let png: Buffer;
  /** What must never be reached: a service on this machine. */
  let inside: http.Server;
  let insideHits = 0;
  let insidePort: number;
  /** The allowed server: images, redirects, disguised answers. */
  let allowed: http.Server;
  let allowedPort: number;
  let allowedHits = 0;
  const api = () => request(app.strapi.server.httpServer);

  const listen = async (server: http.Server, host: string) => {
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    return (server.address() as AddressInfo).port;
  };

  /** The non-public address forms of the classifier's table, as URLs of the inside server. */
  const blockedUrls = () =>
    HOSTS.filter(([, kind]) => kind !== 'public' && kind !== 'invalid' && kind !== 'name')
      .map(([host]) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host))
      .map((host) => `http://${host}:${insidePort}/anh.png`)
      .concat([`http://localhost:${insidePort}/anh.png`, `http://LOCALHOST.:${insidePort}/anh.png`]);

  /** POST /upload/actions/upload-from-urls (at most 20 URLs a request), read as its server-sent events. */
  async function uploadFromUrls(urls: string[]): Promise<SseEvent[]> {
    const events: SseEvent[] = [];
    for (let i = 0; i < urls.length; i += 20) {
      const res = await api()
        .post('/upload/actions/upload-from-urls')
        .set('Authorization', `Bearer ${token}`)
        .send({ urls: urls.slice(i, i + 20) })
        .buffer(true)
        .parse((response, done) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => done(null, text));
        });
      expect(res.status).toBe(200);
      for (const block of String(res.body).split('\n\n').filter(Boolean)) {
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
        const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>;
        events.push({ event, data: event === 'stream:complete' ? data : { ...data, index: Number(data.index) + i } });
      }
    }
    return events;
  }

  /** Everything the route told the editor, URLs aside (they are the editor's own). */
  const said = (events: SseEvent[]) =>
    events.flatMap((e) => {
      const { url: _own, index: _index, total: _total, ...rest } = e.data;
      return e.event === 'stream:complete' ? ((rest.errors as { message: string }[]) ?? []).map((x) => x.message) : Object.values(rest).map(String);
    });

  const fileCount = () => app.strapi.db.query('plugin::upload.file').count();

  beforeAll(async () => {
    png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a6' } }).png().toBuffer();
    inside = http.createServer((_req, res) => {
      insideHits += 1;
      res.writeHead(200, { 'Content-Type': 'image/png' }).end(png);
    });
    insidePort = await listen(inside, '127.0.0.1');
    allowed = http.createServer((req, res) => {
      allowedHits += 1;
      const url = new URL(req.url ?? '/', 'http://x');
      const to = url.searchParams.get('to');
      // A header is ASCII: forms written with other characters (fullwidth digits) go percent-encoded, as a server would send them.
      if (to) return void res.writeHead(Number(url.searchParams.get('status') ?? 302), { Location: /^[\x20-\x7e]*$/.test(to) ? to : encodeURI(to) }).end();
      if (url.pathname === '/json') return void res.writeHead(200, { 'Content-Type': 'image/png' }).end(JSON.stringify({ secret: 'x'.repeat(5000) }));
      if (url.pathname === '/html') return void res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(`<!doctype html><title>nội bộ</title>${'x'.repeat(7000)}`);
      if (url.pathname === '/huge') return void res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(2 ** 31) }).end();
      if (url.pathname === '/van-ban.docx') return void res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(DOCX);
      if (url.pathname === '/ke-hoach.docx') return void res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(DOCM);
      if (url.pathname === '/missing') return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here, 1234 bytes');
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Disposition': "inline; filename*=UTF-8''hoa-don%E2%80%AEgnp.exe" }).end(png);
    });
    allowedPort = await listen(allowed, ALLOWED_HOST);

    app = await startApp({ OUTBOUND_ALLOW: ALLOWED_HOST });
    const role = await app.strapi.service('admin::role').getSuperAdmin();
    await app.strapi.service('admin::user').create({
      email: 'quantri@example.vn',
      firstname: 'Quản',
      lastname: 'Trị',
      password: PASSWORD,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    token = (await api().post('/admin/login').send({ email: 'quantri@example.vn', password: PASSWORD }).expect(200)).body.data.token;
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await Promise.all([inside, allowed].map((s) => new Promise((resolve) => s?.close(resolve))));
  });

  it('tests more than 30 address forms', () => {
    expect(blockedUrls().length).toBeGreaterThan(30);
  });

  it('refuses every non-public address form in upload from URLs, never reaching the server, storing nothing', async () => {
    const urls = blockedUrls();
    const before = await fileCount();
    const events = await uploadFromUrls(urls);
    const errors = events.filter((e) => e.event === 'file:error');
    expect(errors.map((e) => e.data.url)).toEqual(urls);
    for (const e of errors) expect(e.data.message).toBe(URL_IMPORT_MESSAGES.unreachable);
    expect(events.filter((e) => ['file:progress', 'file:uploading', 'file:complete'].includes(e.event))).toEqual([]);
    expect(insideHits).toBe(0);
    expect(await fileCount()).toBe(before);
  });

  it('refuses redirects (301, 302, 303, 307, 308) from an allowed server to every non-public form', async () => {
    const statuses = [301, 302, 303, 307, 308];
    const urls = blockedUrls().map((to, i) => `http://${ALLOWED_HOST}:${allowedPort}/r?status=${statuses[i % statuses.length]}&to=${encodeURIComponent(to)}`);
    const before = await fileCount();
    const hitsBefore = allowedHits;
    const events = await uploadFromUrls(urls);
    const errors = events.filter((e) => e.event === 'file:error');
    expect(errors).toHaveLength(urls.length);
    for (const e of errors) expect(e.data.message).toBe(URL_IMPORT_MESSAGES.unreachable);
    // The first hop was made (the test would prove nothing otherwise); the second never was.
    expect(allowedHits - hitsBefore).toBe(urls.length);
    expect(insideHits).toBe(0);
    expect(await fileCount()).toBe(before);
  });

  it('imports an image from an allowed server, its name without the right-to-left override (the control)', async () => {
    const before = await fileCount();
    const events = await uploadFromUrls([`http://${ALLOWED_HOST}:${allowedPort}/anh.png`]);
    const complete = events.find((e) => e.event === 'file:complete');
    expect(complete).toBeDefined();
    expect(await fileCount()).toBe(before + 1);
    const stored = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: (complete!.data.file as { id: number }).id } });
    expect(stored.name).toBe('hoa-dongnp.png');
    expect(stored.mime).toBe('image/png');
  });

  it('imports a văn bản (DOCX, told apart by the upload guard reading it whole) and refuses one with macros', async () => {
    const before = await fileCount();
    const docx = await uploadFromUrls([`http://${ALLOWED_HOST}:${allowedPort}/van-ban.docx`]);
    const complete = docx.find((e) => e.event === 'file:complete');
    expect(complete).toBeDefined();
    const stored = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: (complete!.data.file as { id: number }).id } });
    expect([stored.mime, stored.ext]).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.docx']);
    const docm = await uploadFromUrls([`http://${ALLOWED_HOST}:${allowedPort}/ke-hoach.docx`]);
    expect(docm.find((e) => e.event === 'file:complete')).toBeUndefined();
    expect(docm.find((e) => e.event === 'file:error')?.data.message).toMatch(/macro/);
    expect(await fileCount()).toBe(before + 1);
  });

  it.each([
    ['JSON served as image/png', '/json'],
    ['HTML served as image/jpeg', '/html'],
    ['a declared 2 GB', '/huge'],
  ])('refuses %s without telling its size or type', async (_case, path) => {
    const before = await fileCount();
    const events = await uploadFromUrls([`http://${ALLOWED_HOST}:${allowedPort}${path}`]);
    expect(events.filter((e) => e.event !== 'file:fetching' && e.event !== 'file:error' && e.event !== 'stream:complete')).toEqual([]);
    const error = events.find((e) => e.event === 'file:error')!;
    expect(error.data.message).toBe(URL_IMPORT_MESSAGES.notAccepted(50, app.strapi.config.get('plugin::image-pipeline.allowedTypes') as string[]));
    expect(said(events).join(' ')).not.toMatch(/json|html|octet|\b\d{4,}\b/i);
    expect(await fileCount()).toBe(before);
  });

  it('says the same for an error status as for an unreachable address', async () => {
    const events = await uploadFromUrls([`http://${ALLOWED_HOST}:${allowedPort}/missing`]);
    expect(events.find((e) => e.event === 'file:error')!.data.message).toBe(URL_IMPORT_MESSAGES.unreachable);
    expect(said(events).join(' ')).not.toMatch(/404|1234|text\/plain/);
  });

  it('refuses URLs that are not http(s), or carry credentials, before any request', async () => {
    const hitsBefore = allowedHits;
    const urls = ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_INFO', `ftp://${ALLOWED_HOST}/a.png`, `http://u:p@${ALLOWED_HOST}:${allowedPort}/anh.png`, 'data:image/png;base64,iVBORw0KGgo='];
    const events = await uploadFromUrls(urls);
    const errors = events.filter((e) => e.event === 'file:error');
    expect(errors).toHaveLength(urls.length);
    for (const e of errors) expect(e.data.message).toBe(URL_IMPORT_MESSAGES.badUrl);
    expect(allowedHits).toBe(hitsBefore);
  });

  it('blocks webhooks to non-public addresses (the trigger button would show the answer), allows the listed one', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const hook = async (url: string) => (await api().post('/admin/webhooks').set(auth).send({ name: `Thử ${url}`, url, headers: {}, events: ['entry.create'] }).expect(201)).body.data;
    // The forms Strapi's own webhook URL pattern lets through (it checks nothing outside production, and then only the name).
    const forms = ['127.0.0.1', 'localhost', 'localhost.', '2130706433', '0177.0.0.1', '0x7f.1', '127.1', '0', '0.0.0.0', '0x7f000001', '017700000001', '10.0.0.1', '169.254.169.254'];
    for (const url of forms.map((host) => `http://${host}:${insidePort}/hook`)) {
      const created = await hook(url);
      const triggered = await api().post(`/admin/webhooks/${created.id}/trigger`).set(auth).expect(200);
      expect(triggered.body.data.statusCode).not.toBe(200);
      expect(JSON.stringify(triggered.body)).not.toContain('PNG');
    }
    expect(insideHits).toBe(0);
    const hitsBefore = allowedHits;
    const control = await hook(`http://${ALLOWED_HOST}:${allowedPort}/anh.png`);
    expect((await api().post(`/admin/webhooks/${control.id}/trigger`).set(auth).expect(200)).body.data.statusCode).toBe(200);
    expect(allowedHits).toBe(hitsBefore + 1);
  });

  it('reads stored files back (image pipeline) through the same guard', async () => {
    const processor = app.strapi.plugin('image-pipeline').service<{ readStored(row: { url: string }): Promise<Buffer> }>('processor');
    for (const url of blockedUrls().slice(0, 10)) await expect(processor.readStored({ url })).rejects.toThrow();
    expect(insideHits).toBe(0);
    expect(await processor.readStored({ url: `http://${ALLOWED_HOST}:${allowedPort}/anh.png` })).toEqual(png);
  });
});
