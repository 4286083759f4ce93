import path from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';
import { AppProcess } from '../helpers/app-process';
import { startLocalS3, type LocalS3 } from '../helpers/s3-server';
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

/** A small photo with some detail, different per upload (each is a real encode). */
const photo = (i: number) =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: `#${(0x204080 + i * 0x0a0b0c).toString(16).slice(-6)}` } })
    .composite([{ input: { create: { width: 300, height: 600, channels: 3, background: '#c83228' } }, left: (i * 37) % 600, top: 0 }])
    .jpeg()
    .toBuffer();

/**
 * The production topology as a whole (docs/deploy.md): two app processes on one PostgreSQL
 * database, one Redis and one S3-compatible store, behind nginx. Each check goes through the proxy, as a website or an
 * editor would, and reads which instance answered from nginx's `X-Upstream`.
 */
describePostgres('two instances behind nginx on one PostgreSQL database and one Redis', () => {
  let drop: () => Promise<void>;
  let proxy: Proxy;
  let s3: LocalS3;
  let db: Client;
  let env: Record<string, string>;
  const instances: AppProcess[] = [];
  const ports: number[] = [];
  const start = (extra: Record<string, string> = {}) =>
    new AppProcess({ ...env, ...extra }, { commands: path.join(__dirname, 'commands', 'topology.js'), listen: true, stdout: 'ignore' });

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
    s3 = await startLocalS3(['media']);
    const unique = `tdkt-topology-${process.pid}-${Date.now()}`;
    env = {
      ...test.env,
      ...s3.env('media'),
      SEED_SAMPLE_DATA: 'false',
      SCHEDULED_PUBLISHING: 'true',
      SCHEDULER_RULE: '*/2 * * * * *',
      CACHE_REDIS_URL: 'redis://127.0.0.1:6379',
      CACHE_REDIS_PREFIX: `${unique}:cache:`,
      RATE_LIMIT_REDIS_PREFIX: `${unique}:rate:`,
      RATE_LIMIT_SEARCH: `${SEARCH_LIMIT}/min`,
      IS_PROXIED: 'true',
      SHUTDOWN_ANNOUNCE_MS: '500',
      IMAGE_FORMATS: 'webp,avif',
      // Workers look for due jobs twice a second, and a dead instance's job is free after 4 s.
      JOBS_POLL_MS: '500',
      JOBS_LEASE_MS: '4000',
    };
    // One after the other: the first makes the schema.
    for (let i = 0; i < 2; i += 1) {
      const instance = start();
      instances.push(instance);
      ports.push((await instance.ready).port as number);
    }
    db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    proxy = await startProxy(ports);
  }, 180_000);

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all(instances.map((i) => i.stop()));
    await db?.end();
    await drop?.();
    await s3?.stop();
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

  it('twenty uploads over both instances, one SIGKILLed mid-way: every image gets every format, each stored once, nothing lost', async () => {
    const { accessKey } = (await instances[0].ask({ cmd: 'token' })) as { accessKey: string };
    const ids: number[] = [];
    const statuses: number[] = [];
    let killedAfter = -1;
    for (let i = 0; i < 20; i += 1) {
      const form = new FormData();
      form.append('files', new Blob([await photo(i)], { type: 'image/jpeg' }), `thi-dua-${i}.jpg`);
      form.append('fileInfo', JSON.stringify({ alternativeText: `Ảnh hội nghị thi đua số ${i}` }));
      const answer = await call('/api/upload', { method: 'POST', headers: { authorization: `Bearer ${accessKey}` }, body: form });
      statuses.push(answer.status);
      if (answer.status === 201) ids.push(...(answer.body as unknown as { id: number }[]).map((f) => f.id));
      // Past the middle, right after an upload that instance 2 took: its worker is busy encoding.
      if (killedAfter < 0 && i >= 9 && answeredBy(answer) === String(ports[1])) {
        instances[1].signal('SIGKILL');
        expect(await instances[1].exited).toBe('SIGKILL');
        killedAfter = i;
      }
    }
    expect(killedAfter).toBeGreaterThanOrEqual(9);
    // nginx takes the uploads after the kill to the live instance (the refused connection is retried).
    expect(statuses).toEqual(statuses.map(() => 201));
    expect(ids).toHaveLength(20);

    // The killed instance comes back on its port, as an orchestrator restarts it.
    instances[1] = start({ PORT: String(ports[1]) });
    await instances[1].ready;

    // Every job ends: the killed instance's running job once its lease ran out, by a live instance.
    const deadline = Date.now() + 240_000;
    let open = Infinity;
    while (open > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      open = Number((await db.query(`select count(*) as n from background_jobs where state in ('pending', 'running')`)).rows[0].n);
    }
    expect(open).toBe(0);
    const jobs = (await db.query(`select job_key, state, attempts from background_jobs where name = 'image-formats'`)).rows as { job_key: string; state: string; attempts: number }[];
    expect(jobs.filter((j) => j.state !== 'done' && j.state !== 'superseded')).toEqual([]);
    const retried = jobs.filter((j) => Number(j.attempts) > 1).map((j) => Number(j.job_key));
    // The job the kill interrupted was taken over (a second try) rather than lost.
    expect(retried.length).toBeGreaterThanOrEqual(1);

    const { files } = (await instances[0].ask({ cmd: 'media', ids })) as { files: { fileId: number; formats: string[]; planned: string[]; urls: string[] }[] };
    expect(files).toHaveLength(20);
    for (const file of files) expect(file.formats).toEqual(file.planned);
    expect(files.every((f) => f.formats.some((k) => k.endsWith('_avif')) && f.formats.some((k) => k.endsWith('_webp')))).toBe(true);

    // The bucket holds exactly what the rows name: nothing missing, nothing orphaned.
    const keyOf = (url: string) => url.slice(s3.publicUrl.length + 1);
    const named = files.flatMap((f) => f.urls.map(keyOf)).sort();
    expect(await s3.keys('media')).toEqual(named);
    // Each derivative was stored once, except those of the interrupted file(s), made again by the
    // instance that took the job over.
    const writes = s3.writes('media');
    const again = new Set(files.filter((f) => retried.includes(f.fileId)).flatMap((f) => f.urls.map(keyOf)));
    const twice = [...writes].filter(([key, n]) => n > 1 && !again.has(key));
    expect(twice).toEqual([]);
    const encodes = [...writes.values()].reduce((a, b) => a + b, 0);
    console.log(`[topology] 20 uploads, instance 2 killed after upload ${killedAfter + 1}: ${named.length} objects, ${encodes} writes, ${retried.length} job(s) taken over`);
  }, 360_000);

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
