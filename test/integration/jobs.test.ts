import knexFactory, { type Knex } from 'knex';
import request from 'supertest';
import { createStore, type Claimed, type Store } from '../../src/plugins/jobs/server/src/services/store';
import type { PluginConfig } from '../../src/plugins/jobs/server/src/config';
import type { Worker } from '../../src/plugins/jobs/server/src/services/worker';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const PASSWORD = 'MatKhau-Manh-2024!';
const TABLE = 'background_jobs';
const postgres = testDatabase === 'postgres';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The jobs plugin on a real database: runs, retries, dead letters, the admin's "thử lại", leases and racing claimers. */
describeIntegration(`background jobs (${testDatabase})`, () => {
  let app: TestApp;
  let other: Knex | undefined;
  const api = () => request(app.strapi.server.httpServer);
  const worker = () => app.strapi.plugin('jobs').service<Worker>('worker');
  const config = () => app.strapi.config.get('plugin::jobs') as PluginConfig;
  const rows = (name: string) => app.strapi.db.connection(TABLE).where({ name }).orderBy('id');
  /** A store on its own pool: another instance of the app, as far as the table can tell. */
  const storeOn = (knex: Knex): Store => createStore(() => knex, config);

  async function signIn(code: string, email: string): Promise<string> {
    const role = await app.strapi.service('admin::role').findOne({ code });
    await app.strapi.service('admin::user').create({ email, firstname: 'Thử', lastname: code, password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
    return (await api().post('/admin/login').send({ email, password: PASSWORD }).expect(200)).body.data.token;
  }

  /** Runs due jobs until `done` holds or 5 s pass (retries wait out a short backoff). */
  async function until(done: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!(await done()) && Date.now() < deadline) {
      await worker().idle();
      await sleep(30);
    }
  }

  beforeAll(async () => {
    app = await startApp();
    // Short backoff so the retries happen within the test; three tries before a job is dead.
    app.strapi.config.set('plugin::jobs.backoffBaseMs', 40);
    app.strapi.config.set('plugin::jobs.backoffCapMs', 200);
    app.strapi.config.set('plugin::jobs.maxAttempts', 3);
    if (postgres) other = knexFactory({ client: 'pg', connection: app.env.DATABASE_URL, pool: { min: 0, max: 4 } });
  }, 120_000);
  afterAll(async () => {
    await other?.destroy();
    await app?.stop();
  });

  it('runs a job once, however often the same key is queued while it waits', async () => {
    const seen: string[] = [];
    worker().register('test-once', async ({ key, payload }) => void seen.push(`${key}:${JSON.stringify(payload)}`));
    // Stopped, so that all three arrive while the job waits (a job queued while its key runs is new work).
    await worker().stop();
    try {
      await Promise.all([1, 2, 3].map((n) => worker().enqueue('test-once', 'file-1', { n })));
    } finally {
      worker().start();
    }
    await worker().idle();
    expect(seen).toHaveLength(1);
    // One payload of the three: the one whose enqueue committed last.
    expect(seen[0]).toMatch(/^file-1:\{"n":[123]\}$/);
    expect(await rows('test-once')).toEqual([expect.objectContaining({ job_key: 'file-1', state: 'done', attempts: 1, pending_key: null })]);
    // Done: the same key queued again is new work.
    await worker().enqueue('test-once', 'file-1');
    await worker().idle();
    expect(seen).toHaveLength(2);
  });

  it('the poll finds a job queued by another instance (no wake-up in this process)', async () => {
    const seen: string[] = [];
    worker().register('test-polled', async ({ key }) => void seen.push(key));
    // The test env polls once an hour (query counts): a short poll for this test.
    await worker().stop();
    app.strapi.config.set('plugin::jobs.pollMs', 50);
    worker().start();
    try {
      await storeOn(other ?? app.strapi.db.connection).enqueue(other ?? app.strapi.db.connection, 'test-polled', 'from-elsewhere', null);
      const deadline = Date.now() + 3000;
      while (seen.length === 0 && Date.now() < deadline) await sleep(20);
      expect(seen).toEqual(['from-elsewhere']);
    } finally {
      await worker().stop();
      app.strapi.config.set('plugin::jobs.pollMs', 3_600_000);
      worker().start();
    }
  });

  it('a job queued in a transaction that rolls back does not exist', async () => {
    await expect(
      app.strapi.db.transaction(async () => {
        await worker().enqueue('test-once', 'rolled-back');
        throw new Error('the write gives up');
      })
    ).rejects.toThrow('the write gives up');
    expect((await rows('test-once')).filter((r: { job_key: string }) => r.job_key === 'rolled-back')).toEqual([]);
  });

  describe('failures', () => {
    let failing = true;
    const tries: number[] = [];
    beforeAll(() => {
      worker().register('test-flaky', async ({ attempt }) => {
        tries.push(Date.now());
        if (failing) throw new Error(`không kết nối được kho lưu trữ (lần ${attempt})`);
      });
    });

    it('retries with a growing delay, then gives up (dead) with the last error', async () => {
      await worker().enqueue('test-flaky', 'photo-7');
      await until(async () => (await rows('test-flaky'))[0]?.state === 'dead');
      const [job] = await rows('test-flaky');
      expect(job).toMatchObject({ state: 'dead', attempts: 3, last_error: 'không kết nối được kho lưu trữ (lần 3)' });
      expect(tries).toHaveLength(3);
      // 40 ms then 80 ms (+ up to 20 %): each wait at least its backoff.
      expect(tries[1] - tries[0]).toBeGreaterThanOrEqual(40);
      expect(tries[2] - tries[1]).toBeGreaterThanOrEqual(80);
      // A dead job is not run again by itself.
      await sleep(300);
      await worker().idle();
      expect(tries).toHaveLength(3);
    });

    it('administrators list dead jobs and retry one ("thử lại"); others are refused', async () => {
      const [dead] = await rows('test-flaky');
      await api().get('/jobs/jobs').expect(401);
      await api().post(`/jobs/jobs/${dead.id}/retry`).expect(401);
      const editor = await signIn('tdkt-editor', 'bien-tap-viec-nen@example.vn');
      await api().get('/jobs/jobs').set('Authorization', `Bearer ${editor}`).expect(403);
      await api().post(`/jobs/jobs/${dead.id}/retry`).set('Authorization', `Bearer ${editor}`).expect(403);

      const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
      const auth = { Authorization: `Bearer ${await signIn(superAdmin.code, 'quan-tri-viec-nen@example.vn')}` };
      const list = await api().get('/jobs/jobs?state=dead').set(auth).expect(200);
      expect(list.body.data).toEqual([expect.objectContaining({ id: Number(dead.id), name: 'test-flaky', key: 'photo-7', state: 'dead', attempts: 3, error: expect.stringContaining('lần 3') })]);
      expect(list.body.data[0]).not.toHaveProperty('payload');
      expect(list.body.meta.counts).toMatchObject({ dead: 1 });

      // Bad input: 4xx with a message, never a 500.
      for (const [path, status] of [['/jobs/jobs?state=failed', 400], ['/jobs/jobs?page=0', 400], ['/jobs/jobs?pageSize=1000', 400]] as const) {
        const res = await api().get(path).set(auth).expect(status);
        expect(res.body.error.message).toMatch(/[ạảấầểệịốớờợủữ]/);
      }
      await api().post('/jobs/jobs/abc/retry').set(auth).expect(400);
      await api().post('/jobs/jobs/99999999/retry').set(auth).expect(404);
      const done = (await rows('test-once'))[0];
      await api().post(`/jobs/jobs/${done.id}/retry`).set(auth).expect(409);

      failing = false;
      const retried = await api().post(`/jobs/jobs/${dead.id}/retry`).set(auth).expect(200);
      expect(retried.body.data).toMatchObject({ id: Number(dead.id), state: expect.stringMatching(/pending|running|done/) });
      await until(async () => (await rows('test-flaky'))[0]?.state === 'done');
      expect((await rows('test-flaky'))[0]).toMatchObject({ state: 'done', attempts: 1, last_error: null });
      // Retried once only: it is no longer dead.
      await api().post(`/jobs/jobs/${dead.id}/retry`).set(auth).expect(409);
    });
  });

  describe('leases', () => {
    // Jobs of a name no worker of the app handles: only the stores below take them.
    const NAME = 'test-lease';
    const mine = (claimed: (Claimed | null)[]) => claimed.filter((j): j is Claimed => j !== null && j.name === NAME);

    it('a job whose instance died (lease ran out) is taken up by another, which alone may finish it', async () => {
      const a = storeOn(app.strapi.db.connection);
      const b = storeOn(other ?? app.strapi.db.connection);
      await a.enqueue(app.strapi.db.connection, NAME, 'expired', null);
      const first = mine([await a.claim([NAME])])[0];
      expect(first).toMatchObject({ state: 'running', attempts: 1 });
      // Leased: not claimable, and the heartbeat keeps it.
      expect(await b.claim([NAME])).toBeNull();
      expect(await a.heartbeat(first)).toBe(true);
      // Instance a dies: its lease runs out.
      await app.strapi.db.connection(TABLE).where({ id: first.id }).update({ lease_until: Date.now() - 1 });
      const second = mine([await b.claim([NAME])])[0];
      expect(second).toMatchObject({ id: first.id, attempts: 2 });
      expect(second.lease_token).not.toBe(first.lease_token);
      // Instance a, back from a pause, has lost it: its heartbeat says so and its "done" changes nothing.
      expect(await a.heartbeat(first)).toBe(false);
      await a.done(first);
      expect((await app.strapi.db.connection(TABLE).where({ id: first.id }))[0]).toMatchObject({ state: 'running' });
      await b.done(second);
      expect((await app.strapi.db.connection(TABLE).where({ id: first.id }))[0]).toMatchObject({ state: 'done' });
    });

    it('a job of a key that is running waits for it; one queued meanwhile is a new waiting job', async () => {
      const a = storeOn(app.strapi.db.connection);
      await a.enqueue(app.strapi.db.connection, NAME, 'same-file', null);
      const running = mine([await a.claim([NAME])])[0];
      await a.enqueue(app.strapi.db.connection, NAME, 'same-file', null);
      expect(await a.claim([NAME])).toBeNull();
      // The running one fails: the waiting one does the work, this one is superseded.
      expect(await a.failed(running, 'lỗi thử')).toBe('pending');
      expect((await app.strapi.db.connection(TABLE).where({ id: running.id }))[0]).toMatchObject({ state: 'superseded' });
      const next = mine([await a.claim([NAME])])[0];
      expect(next.id).not.toBe(running.id);
      await a.done(next);
    });

    it(`claimers racing on ${postgres ? 'two pools' : 'one database'} take each job once`, async () => {
      const pools = [app.strapi.db.connection, ...(other ? [other] : [])];
      const stores = pools.map(storeOn);
      const keys = Array.from({ length: 40 }, (_, i) => `race-${i}`);
      for (const key of keys) await stores[0].enqueue(app.strapi.db.connection, NAME, key, null);
      const taken: Claimed[] = [];
      // Four claimers per pool, each taking jobs until none is left.
      await Promise.all(
        stores.flatMap((store) =>
          [1, 2, 3, 4].map(async () => {
            for (;;) {
              const job = await store.claim([NAME]);
              if (!job) return;
              taken.push(job);
            }
          })
        )
      );
      expect(taken.map((j) => j.job_key).sort()).toEqual([...keys].sort());
      expect(new Set(taken.map((j) => j.id)).size).toBe(40);
      expect(taken.every((j) => j.attempts === 1)).toBe(true);
    });
  });
});
