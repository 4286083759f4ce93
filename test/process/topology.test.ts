import path from 'node:path';
import { AppProcess } from '../helpers/app-process';
import { startProxy, type Proxy } from '../helpers/proxy';
import { createTestEnv } from '../helpers/test-env';

const describePostgres = process.env.TEST_POSTGRES_AVAILABLE === '1' ? describe : describe.skip;

const ADMIN = { email: 'quan-tri@example.vn', password: 'MatKhau-Topology-2026', firstname: 'Quản', lastname: 'Trị' };
const SEARCH_LIMIT = 10;

interface Answer {
  status: number;
  upstream: string;
  cache: string | null;
  body: { data?: unknown; error?: { message?: string } };
}

/**
 * The production topology as a whole (docs/deploy.md): two app processes on one PostgreSQL
 * database and one Redis, behind nginx. Each check goes through the proxy, as a website or an
 * editor would, and reads which instance answered from nginx's `X-Upstream`.
 */
describePostgres('two instances behind nginx on one PostgreSQL database and one Redis', () => {
  let drop: () => Promise<void>;
  let proxy: Proxy;
  const instances: AppProcess[] = [];
  const ports: number[] = [];

  const call = async (url: string, init: RequestInit = {}, base = proxy.url): Promise<Answer> => {
    const res = await fetch(`${base}${url}`, init);
    const text = await res.text();
    return { status: res.status, upstream: res.headers.get('x-upstream') ?? '', cache: res.headers.get('x-cache'), body: text ? JSON.parse(text) : {} };
  };
  const json = (method: string, body: unknown, token?: string): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  /** Which instance (by port) an answer came from; nginx lists every one it tried. */
  const answeredBy = (a: Answer) => a.upstream.split(',').pop()?.trim().split(':').pop() ?? '';

  beforeAll(async () => {
    const test = await createTestEnv('postgres', 'tdkt_topology');
    drop = test.drop;
    const unique = `tdkt-topology-${process.pid}-${Date.now()}`;
    const env: Record<string, string> = {
      ...test.env,
      SEED_SAMPLE_DATA: 'false',
      SCHEDULED_PUBLISHING: 'true',
      SCHEDULER_RULE: '*/2 * * * * *',
      CACHE_REDIS_URL: 'redis://127.0.0.1:6379',
      CACHE_REDIS_PREFIX: `${unique}:cache:`,
      RATE_LIMIT_REDIS_PREFIX: `${unique}:rate:`,
      RATE_LIMIT_SEARCH: `${SEARCH_LIMIT}/min`,
      IS_PROXIED: 'true',
      SHUTDOWN_ANNOUNCE_MS: '500',
    };
    // One after the other: the first makes the schema.
    for (let i = 0; i < 2; i += 1) {
      const instance = new AppProcess(env, { commands: path.join(__dirname, 'commands', 'topology.js'), listen: true, stdout: 'ignore' });
      instances.push(instance);
      ports.push((await instance.ready).port as number);
    }
    proxy = await startProxy(ports);
  }, 180_000);

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all(instances.map((i) => i.stop()));
    await drop?.();
  }, 60_000);

  it('spreads requests over both instances', async () => {
    const answers = [];
    for (let i = 0; i < 12; i += 1) answers.push(await call('/api/articles?locale=vi'));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map(answeredBy))).toEqual(new Set(ports.map(String)));
  });

  it('an administrator registers and signs in through the proxy, and the session works on either instance', async () => {
    const registered = await call('/admin/register-admin', json('POST', ADMIN));
    expect(registered.status).toBe(200);
    const login = await call('/admin/login', json('POST', { email: ADMIN.email, password: ADMIN.password }));
    expect(login.status).toBe(200);
    const token = (login.body.data as { token: string }).token;
    for (const port of ports) {
      const me = await call('/admin/users/me', { headers: { authorization: `Bearer ${token}` } }, `http://127.0.0.1:${port}`);
      expect([me.status, (me.body.data as { email: string }).email]).toEqual([200, ADMIN.email]);
    }
    // A wrong password is refused the same way whichever instance answers.
    const refused = await Promise.all([0, 1, 2, 3].map(() => call('/admin/login', json('POST', { email: ADMIN.email, password: 'sai-mat-khau' }))));
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400, 400]);
  });

  it('an edit through the proxy is what every instance serves next, however the answer was cached', async () => {
    const { documentId, slug } = await instances[0].ask({ cmd: 'publish', title: 'Hội nghị điển hình tiên tiến toàn tỉnh' });
    const url = `/api/articles/by-slug/${slug}?locale=vi`;
    const before = [];
    for (let i = 0; i < 6; i += 1) before.push(await call(url));
    expect(before.map((a) => (a.body.data as { title: string }).title)).toEqual(before.map(() => 'Hội nghị điển hình tiên tiến toàn tỉnh'));
    expect(before.some((a) => a.cache === 'HIT')).toBe(true);

    const login = await call('/admin/login', json('POST', { email: ADMIN.email, password: ADMIN.password }));
    const token = (login.body.data as { token: string }).token;
    const cm = `/content-manager/collection-types/api::article.article/${documentId}?locale=vi`;
    expect((await call(cm, json('PUT', { title: 'Hội nghị điển hình tiên tiến toàn tỉnh lần thứ VI' }, token))).status).toBe(200);
    const published = await call(`/content-manager/collection-types/api::article.article/${documentId}/actions/publish?locale=vi`, json('POST', {}, token));
    expect(published.status).toBe(200);

    const after = [];
    for (let i = 0; i < 6; i += 1) after.push(await call(url));
    expect(after.map((a) => (a.body.data as { title: string }).title)).toEqual(after.map(() => 'Hội nghị điển hình tiên tiến toàn tỉnh lần thứ VI'));
    expect(new Set(after.map(answeredBy)).size).toBe(2);
  });

  it('a scheduled article is published once, and both instances stop answering the 404 they had', async () => {
    const publishAt = Date.now() + 3_000;
    const { ids } = (await instances[1].ask({ cmd: 'create', count: 1, title: 'Tin hẹn giờ qua hai máy', publishAt })) as { ids: string[] };
    const list = `/api/articles?locale=vi&filters[documentId][$eq]=${ids[0]}`;
    // Cached as empty on both instances before it is due.
    for (let i = 0; i < 4; i += 1) expect((await call(list)).body.data).toEqual([]);

    const deadline = Date.now() + 45_000;
    let seen: Answer[] = [];
    while (Date.now() < deadline) {
      seen = [await call(list), await call(list)];
      if (seen.every((a) => (a.body.data as unknown[]).length === 1)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(seen.map((a) => (a.body.data as unknown[]).length)).toEqual([1, 1]);
    expect(new Set(seen.map(answeredBy)).size).toBe(2);

    let publishes = 0;
    for (const instance of instances) {
      const counts = ((await instance.ask({ cmd: 'publishes' })) as { publishes: Record<string, number> }).publishes;
      publishes += counts[ids[0]] ?? 0;
    }
    expect(publishes).toBe(1);
  }, 60_000);

  it('one client gets the search limit once across both instances, not once per instance', async () => {
    const answers = [];
    for (let i = 0; i < SEARCH_LIMIT + 6; i += 1) answers.push(await call(`/api/search?q=${encodeURIComponent(`hội nghị ${i}`)}`));
    const allowed = answers.filter((a) => a.status === 200);
    expect(allowed).toHaveLength(SEARCH_LIMIT);
    expect(answers.slice(SEARCH_LIMIT).map((a) => a.status)).toEqual(answers.slice(SEARCH_LIMIT).map(() => 429));
    expect(new Set(allowed.map(answeredBy)).size).toBe(2);
  });

  it('an instance stopped with SIGTERM under reads costs no failed request', async () => {
    const statuses: number[] = [];
    let reading = true;
    const readers = [0, 1, 2, 3].map(async () => {
      while (reading) statuses.push((await call('/api/articles?locale=vi&pagination[pageSize]=5')).status);
    });
    await new Promise((r) => setTimeout(r, 500));
    instances[1].signal('SIGTERM');
    expect(await instances[1].exited).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    reading = false;
    await Promise.all(readers);
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const last = await call('/api/articles?locale=vi');
    expect([last.status, answeredBy(last)]).toEqual([200, String(ports[0])]);
  }, 60_000);
});
