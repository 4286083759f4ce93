import path from 'node:path';
import { Client } from 'pg';
import { AppProcess } from '../helpers/app-process';
import { createTestEnv } from '../helpers/test-env';

const describePostgres = process.env.TEST_POSTGRES_AVAILABLE === '1' ? describe : describe.skip;

describePostgres('scheduled publishing across two processes on one PostgreSQL database', () => {
  let drop: () => Promise<void>;
  let db: Client;
  const instances: AppProcess[] = [];

  beforeAll(async () => {
    const test = await createTestEnv('postgres', 'tdkt_sched');
    drop = test.drop;
    const env: Record<string, string> = { ...test.env, SEED_SAMPLE_DATA: 'false', SCHEDULED_PUBLISHING: 'true', SCHEDULER_RULE: '*/2 * * * * *' };
    // One after the other: the first creates the schema.
    for (let i = 0; i < 2; i += 1) {
      // A second and third app process on one PostgreSQL database, as two servers behind a load balancer.
      const instance = new AppProcess(env, { commands: path.join(__dirname, 'commands', 'scheduler.js') });
      instances.push(instance);
      await instance.ready;
    }
    db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await db?.end();
    await drop?.();
  }, 60_000);

  const publishCounts = async () => {
    const all: Record<string, number> = {};
    for (const instance of instances) {
      const { publishes } = (await instance.ask({ cmd: 'publishes' })) as { publishes: Record<string, number> };
      for (const [id, n] of Object.entries(publishes)) all[id] = (all[id] ?? 0) + n;
    }
    return all;
  };

  it('publishes each due article once when both instances run at the same instant', async () => {
    const due = Date.now() + 3_600_000; // ahead of the real cron
    const { ids } = (await instances[0].ask({ cmd: 'create', count: 8, title: 'Tin chạy đua hai máy', publishAt: due })) as { ids: string[] };
    const startAt = Date.now() + 500;
    const replies = await Promise.all(instances.map((i) => i.ask({ cmd: 'race', startAt, now: due, parallel: 4 })));
    expect(replies.reduce((n, r) => n + (r.done as number), 0)).toBe(8);

    const counts = await publishCounts();
    for (const id of ids) expect(counts[id]).toBe(1);
    const { rows } = await db.query(
      'select document_id, count(*)::int as n from articles where document_id = any($1) and published_at is not null group by document_id',
      [ids]
    );
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  }, 60_000);

  it('publishes on time from the real cron task of both instances, once', async () => {
    const publishAt = Date.now() + 2_000;
    const { ids } = (await instances[1].ask({ cmd: 'create', count: 1, title: 'Tin hẹn giờ thật', publishAt })) as { ids: string[] };
    let publishedAt: Date | null = null;
    const deadline = Date.now() + 45_000;
    while (!publishedAt && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const { rows } = await db.query('select published_at from articles where document_id = $1 and published_at is not null', [ids[0]]);
      publishedAt = rows[0]?.published_at ?? null;
    }
    expect(publishedAt).not.toBeNull();
    const delay = (publishedAt as Date).getTime() - publishAt;
    console.log(`[scheduling] real cron (rule */2 s, 2 instances): published ${(delay / 1000).toFixed(1)} s after publishAt`);
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThan(60_000);
    expect((await publishCounts())[ids[0]]).toBe(1);
  }, 60_000);
});
