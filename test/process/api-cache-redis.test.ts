import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { redisBackend } from '../../src/plugins/api-cache/server/src/backends/redis';
import type { Backend } from '../../src/plugins/api-cache/server/src/backends/types';
import { etagOf } from '../../src/plugins/api-cache/server/src/utils/http';

// A Redis server of this test's own, on a free port, so it can be stopped and started mid-test.
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    const poll = () => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(child)));
      socket.once('error', () => setTimeout(poll, 50));
    };
    poll();
  });
}

const entry = (text: string) => {
  const body = Buffer.from(JSON.stringify({ data: text }));
  return { status: 200, body, type: 'application/json; charset=utf-8', etag: etagOf(body) };
};

async function ready(backend: Backend, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await backend.get('probe')).generation !== null) return;
    await sleep(50);
  }
  throw new Error('backend never became ready');
}

describe('api-cache Redis backend, two instances on one real Redis', () => {
  let port: number;
  let redis: ChildProcess;
  let a: Backend;
  let b: Backend;
  const errors: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    const open = () => redisBackend(`redis://127.0.0.1:${port}`, { prefix: 'test:', ttlSeconds: 60, maxEntryBytes: 1_000_000, onError: (e) => errors.push(e.message) });
    a = open();
    b = open();
    await Promise.all([ready(a), ready(b)]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    redis?.kill('SIGKILL');
  });

  it('shares entries, and an invalidation by one instance reaches the other', async () => {
    const first = await a.get('GET /api/articles');
    expect(first.entry).toBeUndefined();
    await a.set('GET /api/articles', entry('cũ'), first.generation as string);
    const seenByB = await b.get('GET /api/articles');
    expect(seenByB.entry?.body.toString()).toBe('{"data":"cũ"}');
    expect(seenByB.entry?.etag).toBe(entry('cũ').etag);
    await b.invalidate();
    expect((await a.get('GET /api/articles')).entry).toBeUndefined();
  });

  it('refuses to store an answer read before another instance invalidated', async () => {
    const { generation } = await a.get('GET /api/blocs');
    await b.invalidate(); // a write finished on B while A was computing
    await a.set('GET /api/blocs', entry('đã cũ'), generation as string);
    expect((await a.get('GET /api/blocs')).entry).toBeUndefined();
    expect((await b.get('GET /api/blocs')).entry).toBeUndefined();
  });

  it('bypasses while Redis is down, then resumes; an invalidation missed meanwhile is replayed', async () => {
    const { generation } = await a.get('GET /api/feeds/rss.xml');
    await a.set('GET /api/feeds/rss.xml', entry('trước sự cố'), generation as string);
    redis.kill('SIGKILL');
    await sleep(200);
    const started = Date.now();
    const down = await a.get('GET /api/feeds/rss.xml');
    expect(down).toEqual({ generation: null });
    expect(Date.now() - started).toBeLessThan(1000);
    await a.invalidate(); // a write while Redis is away
    await a.set('GET /x', entry('x'), 'anything'); // must not throw
    expect(errors.length).toBeGreaterThan(0);

    redis = await startRedis(port);
    await Promise.all([ready(a, 8000), ready(b, 8000)]);
    // Redis came back empty here; either way nothing from before the outage is served.
    expect((await b.get('GET /api/feeds/rss.xml')).entry).toBeUndefined();
    const again = await a.get('GET /api/feeds/rss.xml');
    await a.set('GET /api/feeds/rss.xml', entry('sau sự cố'), again.generation as string);
    expect((await b.get('GET /api/feeds/rss.xml')).entry?.body.toString()).toBe('{"data":"sau sự cố"}');
  }, 30_000);
});
