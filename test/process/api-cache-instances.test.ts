import path from 'node:path';
import { AppProcess } from '../helpers/app-process';
import { createTestEnv } from '../helpers/test-env';

const describePostgres = process.env.TEST_POSTGRES_AVAILABLE === '1' ? describe : describe.skip;

describePostgres('api cache shared through Redis by two app processes on one PostgreSQL database', () => {
  let drop: () => Promise<void>;
  const instances: AppProcess[] = [];
  const ports: number[] = [];
  const get = async (i: number, url: string) => {
    const res = await fetch(`http://127.0.0.1:${ports[i]}${url}`);
    return { status: res.status, cache: res.headers.get('x-cache'), body: (await res.json()) as { data: { title: string } } };
  };

  beforeAll(async () => {
    const test = await createTestEnv('postgres', 'tdkt_cache');
    drop = test.drop;
    const env = {
      ...test.env,
      SEED_SAMPLE_DATA: 'false',
      SCHEDULED_PUBLISHING: 'false',
      CACHE_REDIS_URL: 'redis://127.0.0.1:6379',
      CACHE_REDIS_PREFIX: `tdkt-two-${process.pid}-${Date.now()}:`,
    };
    // One after the other: the first creates the schema.
    for (let i = 0; i < 2; i += 1) {
      const instance = new AppProcess(env, { commands: path.join(__dirname, 'commands', 'articles.js'), listen: true, stdout: 'ignore' });
      instances.push(instance);
      ports.push((await instance.ready).port as number);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await drop?.();
  }, 60_000);

  it('an answer cached by one instance is served by the other, and a write on either reaches both', async () => {
    const { documentId, slug } = await instances[0].ask({ cmd: 'publish', title: 'Tin dùng chung bộ nhớ đệm' });
    const url = `/api/articles/by-slug/${slug}`;
    expect((await get(0, url)).cache).toBe('MISS');
    const fromOther = await get(1, url);
    expect([fromOther.cache, fromOther.body.data.title]).toEqual(['HIT', 'Tin dùng chung bộ nhớ đệm']);

    // The write happens on instance 1; instance 0 must not answer from before it.
    await instances[1].ask({ cmd: 'publish', documentId, title: 'Tin đã sửa trên máy thứ hai' });
    const after = await get(0, url);
    expect([after.cache, after.body.data.title]).toEqual(['MISS', 'Tin đã sửa trên máy thứ hai']);
    expect((await get(1, url)).cache).toBe('HIT');
  }, 60_000);
});
