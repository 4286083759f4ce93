import {
  DRAINING_MESSAGE,
  describeRequests,
  drainingAnswer,
  exitCodeOf,
  outcomeLine,
  readShutdownSettings,
  runWithin,
  type ShutdownStep,
} from '../../src/lifecycle/shutdown-rules';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const never = () => new Promise<void>(() => undefined);

describe('shutdown settings', () => {
  it('defaults to a 10 s deadline and a 1 s announce window', () => {
    expect(readShutdownSettings({})).toEqual({ timeoutMs: 10_000, announceMs: 1000 });
  });

  it('reads both; a short deadline halves the default announce window', () => {
    expect(readShutdownSettings({ SHUTDOWN_TIMEOUT_MS: '4000', SHUTDOWN_ANNOUNCE_MS: '0' })).toEqual({ timeoutMs: 4000, announceMs: 0 });
    expect(readShutdownSettings({ SHUTDOWN_TIMEOUT_MS: '1500' })).toEqual({ timeoutMs: 1500, announceMs: 750 });
  });

  it.each([
    [{ SHUTDOWN_TIMEOUT_MS: '10s' }, /SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds ≥ 1000 \(got "10s"\)/],
    [{ SHUTDOWN_TIMEOUT_MS: '500' }, /SHUTDOWN_TIMEOUT_MS .* ≥ 1000/],
    [{ SHUTDOWN_ANNOUNCE_MS: '-1' }, /SHUTDOWN_ANNOUNCE_MS must be/],
    [{ SHUTDOWN_TIMEOUT_MS: '2000', SHUTDOWN_ANNOUNCE_MS: '2000' }, /SHUTDOWN_ANNOUNCE_MS \(2000\) must be less than SHUTDOWN_TIMEOUT_MS \(2000\)/],
  ])('refuses %j', (env, message) => {
    expect(() => readShutdownSettings(env)).toThrow(message);
  });
});

describe('answers while draining', () => {
  it('the health check says "draining" and closes the connection', () => {
    expect(drainingAnswer('/_health')).toEqual({
      status: 503,
      headers: { Connection: 'close', 'Cache-Control': 'no-store' },
      body: { status: 'draining' },
    });
  });

  it('any other request gets a 503 in Strapi\'s error shape, in Vietnamese, with Connection: close', () => {
    const answer = drainingAnswer('/api/articles');
    expect(answer.status).toBe(503);
    expect(answer.headers).toMatchObject({ Connection: 'close', 'Retry-After': '1' });
    expect(answer.body).toEqual({ data: null, error: { status: 503, name: 'ServiceUnavailableError', message: DRAINING_MESSAGE } });
    expect(DRAINING_MESSAGE).toMatch(/^Máy chủ đang dừng/);
  });
});

describe('runWithin', () => {
  it('runs the phases in order, the steps of a phase together', async () => {
    const order: string[] = [];
    const step = (name: string, ms: number): ShutdownStep => ({
      name,
      run: async () => {
        order.push(`${name} start`);
        await sleep(ms);
        order.push(`${name} end`);
      },
    });
    const outcome = await runWithin([[step('a', 30), step('b', 10)], [step('c', 0)]], 1000);
    expect(outcome.finished).toBe(true);
    expect(exitCodeOf(outcome)).toBe(0);
    expect(order).toEqual(['a start', 'b start', 'b end', 'a end', 'c start', 'c end']);
  });

  it('gives up at the deadline, naming what still runs with its detail, and does not start the next phase', async () => {
    const later = jest.fn(async () => undefined);
    const started = Date.now();
    const outcome = await runWithin(
      [
        [
          { name: 'HTTP requests', run: never, detail: () => '1 in flight: GET /api/slow (0.1 s)' },
          { name: 'background jobs', run: () => sleep(5) },
        ],
        [{ name: 'strapi.destroy', run: later }],
      ],
      100
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(outcome).toMatchObject({ finished: false, running: ['HTTP requests (1 in flight: GET /api/slow (0.1 s))'] });
    expect(later).not.toHaveBeenCalled();
    expect(exitCodeOf(outcome)).toBe(1);
    expect(outcomeLine(outcome, 100)).toBe(
      '[shutdown] not finished within 100 ms, exiting with 1; still running: HTTP requests (1 in flight: GET /api/slow (0.1 s))'
    );
  });

  it('a failing step is named and does not hold up the others; the exit code is 1', async () => {
    const destroyed = jest.fn(async () => undefined);
    const outcome = await runWithin(
      [
        [
          { name: 'revalidate deliveries', run: () => Promise.reject(new Error('pool closed')) },
          { name: 'HTTP requests', run: () => sleep(5) },
        ],
        [{ name: 'strapi.destroy', run: destroyed }],
      ],
      1000
    );
    expect(outcome).toMatchObject({ finished: true, failed: ['revalidate deliveries: pool closed'] });
    expect(destroyed).toHaveBeenCalled();
    expect(exitCodeOf(outcome)).toBe(1);
    expect(outcomeLine(outcome, 1000)).toMatch(/^\[shutdown\] stopped in \d+ ms; failed: revalidate deliveries: pool closed$/);
  });

  it('leaves no timer behind once done (the process can exit by itself)', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    await runWithin([[{ name: 'quick', run: async () => undefined }]], 60_000);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before);
  });
});

describe('describeRequests', () => {
  it('names the oldest first, paths without query strings, and counts the rest', () => {
    const requests = [
      { method: 'GET', url: '/api/search?q=thi%20dua&token=secret', startedAt: 9000 },
      { method: 'POST', url: '/upload', startedAt: 1000 },
      { method: 'GET', url: '/api/articles', startedAt: 5000 },
      { method: 'GET', url: '/api/blocs', startedAt: 9500 },
    ];
    expect(describeRequests(requests, 10_000, 3)).toBe('4 in flight: POST /upload (9.0 s), GET /api/articles (5.0 s), GET /api/search (1.0 s), +1 more');
  });
});
