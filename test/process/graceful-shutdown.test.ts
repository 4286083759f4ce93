import http from 'node:http';
import path from 'node:path';
import { AppProcess } from '../helpers/app-process';
import { createTestEnv, runTemplate } from '../helpers/test-env';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Whether the request went over a connection opened before (keep-alive). */
  reused: boolean;
}

/** A GET with node:http, to choose the connection: `agent: false` opens a new one. */
function get(port: number, urlPath: string, agent: http.Agent | false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), reused: req.reusedSocket }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

// SIGTERM to a serving instance, as `docker stop` or Kubernetes send it: the request in flight is
// answered, /_health says "draining", new work is turned away, and the process exits 0 within 10 s;
// with work that never ends it exits 1 at its deadline, naming that work.
describe('graceful shutdown on SIGTERM', () => {
  const drops: (() => Promise<void>)[] = [];
  const apps: AppProcess[] = [];
  let serving: AppProcess;
  let stuck: AppProcess;
  let port = 0;

  const start = async (settings: Record<string, string>) => {
    // A copy of the run's seeded template: its tables exist, so the boot skips creating them
    // (33 s against 41 s for two boots side by side on this loaded 2-core machine).
    const test = await createTestEnv('sqlite', 'tdkt_shutdown', undefined, { template: runTemplate('sqlite') });
    drops.push(test.drop);
    const app = new AppProcess(
      { ...test.env, SEED_SAMPLE_DATA: 'false', API_CACHE: 'off', ...settings },
      { commands: path.join(__dirname, 'commands', 'slow.js'), listen: true, capture: true }
    );
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    // Both boots at once: one boot is most of this file's time.
    serving = await start({ SHUTDOWN_ANNOUNCE_MS: '1500' });
    stuck = await start({ SHUTDOWN_TIMEOUT_MS: '2000', SHUTDOWN_ANNOUNCE_MS: '0' });
    const [ready] = await Promise.all([serving.ready, stuck.ready]);
    port = ready.port as number;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    for (const drop of drops) await drop();
  }, 60_000);

  it('finishes the request in flight, says "draining", turns new requests away and exits 0 within 10 s', async () => {
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await get(port, '/_health', keepAlive)).status).toBe(204);

      const slow = get(port, '/__test/slow?ms=3000', false);
      await serving.ask({ cmd: 'slowArrived' });
      const signalled = Date.now();
      serving.signal('SIGTERM');

      // The signal is handled a moment later: until then the health check still answers 204.
      let health = await get(port, '/_health', false);
      while (health.status === 204 && Date.now() - signalled < 2000) {
        await sleep(20);
        health = await get(port, '/_health', false);
      }
      expect(health.status).toBe(503);
      expect(JSON.parse(health.body)).toEqual({ status: 'draining' });
      expect(health.headers.connection).toBe('close');

      // A request on a connection opened before the signal: 503, in Vietnamese, and the connection ends.
      const onOpen = await get(port, '/api/articles', keepAlive);
      expect(onOpen.reused).toBe(true);
      expect(onOpen.status).toBe(503);
      expect(onOpen.headers.connection).toBe('close');
      expect(JSON.parse(onOpen.body).error.message).toMatch(/^Máy chủ đang dừng/);

      // New connections: answered 503 during the announce window, then refused.
      const statuses: number[] = [];
      let refused = false;
      while (!refused && Date.now() - signalled < 8000) {
        try {
          statuses.push((await get(port, '/api/articles', false)).status);
          await sleep(50);
        } catch (error) {
          // Refused once the server stops listening. A connection that reached the backlog in
          // the same instant is reset instead (seen once on Node 22): turned away all the same,
          // and a proxy retries either on another instance.
          expect(['ECONNREFUSED', 'ECONNRESET']).toContain(codeOf(error));
          refused = true;
        }
      }
      expect(refused).toBe(true);
      expect(statuses.filter((s) => s !== 503)).toEqual([]);

      const answered = await slow;
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.body)).toEqual({ done: true });
      // Its keep-alive connection was let go with it.
      expect(answered.headers.connection).toBe('close');

      expect(await serving.exited).toBe(0);
      const took = Date.now() - signalled;
      expect(took).toBeLessThan(10_000);
      // The slow request held it at least its remaining time (3 s from just before the signal).
      expect(took).toBeGreaterThanOrEqual(2500);
      expect(serving.output).toMatch(/\[shutdown\] stopped in \d+ ms/);
    } finally {
      keepAlive.destroy();
    }
  }, 30_000);

  it('exits 1 at its deadline when the current job never ends, naming it', async () => {
    expect(await stuck.ask({ cmd: 'hangBackgroundJob' })).toMatchObject({ running: 1 });
    const signalled = Date.now();
    stuck.signal('SIGTERM');
    expect(await stuck.exited).toBe(1);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(1900);
    expect(took).toBeLessThan(5000);
    expect(stuck.output).toContain('[shutdown] not finished within 2000 ms, exiting with 1; still running: background jobs (1 job running)');
  }, 30_000);
});
