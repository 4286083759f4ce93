import path from 'node:path';
import { AppProcess } from '../helpers/app-process';
import { PrivatePostgres } from '../helpers/private-postgres';
import { createTestEnv } from '../helpers/test-env';

// PostgreSQL restarted under load: while it is down the app answers 503 with Retry-After (never a
// 500, never a crash), and once it is back the same process answers 200 again with no restart.
describe('PostgreSQL restarted while the app serves requests', () => {
  const pg = new PrivatePostgres();
  let app: AppProcess;
  let drop: () => Promise<void>;
  let port = 0;
  const get = async (url: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${url}`);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { data?: unknown; error?: { message: string } } };
  };

  beforeAll(async () => {
    await pg.init();
    pg.start();
    const test = await createTestEnv('postgres', 'tdkt_restart', pg.url);
    drop = test.drop;
    // The cache would answer from memory while the database is down; this test is about the database.
    // Three articles of its own instead of the seeded sample (seeding it here, covers included, was
    // most of this file's time).
    app = new AppProcess(
      { ...test.env, API_CACHE: 'off', SCHEDULED_PUBLISHING: 'false', SEED_SAMPLE_DATA: 'false' },
      { commands: path.join(__dirname, 'commands', 'articles.js'), listen: true, stdout: 'ignore' }
    );
    port = (await app.ready).port as number;
    for (const title of ['Tin thứ nhất trước khi máy chủ dừng', 'Tin thứ hai trước khi máy chủ dừng', 'Tin thứ ba trước khi máy chủ dừng']) {
      await app.ask({ cmd: 'publish', title });
    }
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    try {
      pg.start();
    } catch {
      // already running
    }
    await drop?.().catch(() => {});
    pg.remove();
  }, 60_000);

  it('answers 503 while the database is down and recovers by itself', async () => {
    const before = await get('/api/articles');
    expect(before.status).toBe(200);
    const count = (before.body.data as unknown[]).length;
    expect(count).toBe(3);

    // Requests keep coming while the server stops and starts.
    const statuses: number[] = [];
    let running = true;
    const load = (async () => {
      while (running) {
        try {
          statuses.push((await get('/api/articles')).status);
        } catch {
          statuses.push(0); // connection refused or reset by the app: must never happen
        }
      }
    })();

    pg.stop();
    const during = await get('/api/articles?pagination[pageSize]=3');
    expect(during.status).toBe(503);
    expect(during.retryAfter).toBe('5');
    expect(during.body.error?.message).toMatch(/Cơ sở dữ liệu tạm thời không truy cập được/);
    pg.start();

    // The pool reconnects on its own: the first good answer must come within a few seconds.
    let after = await get('/api/articles');
    for (let i = 0; i < 50 && after.status !== 200; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      after = await get('/api/articles');
    }
    running = false;
    await load;
    expect(after.status).toBe(200);
    expect((after.body.data as unknown[]).length).toBe(count);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses).toContain(503);
  }, 120_000);
});
