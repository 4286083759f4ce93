import { HeavyGate, readHeavySettings } from '../../src/security/heavy-gate';

const tick = () => new Promise((r) => setImmediate(r));

/** A job that records when it runs and finishes when told to. */
function job(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return {
    work: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
    finish: () => finish(),
  };
}

describe('HeavyGate', () => {
  it.each([1, 2, 3])('runs at most %i at a time, in arrival order', async (concurrency) => {
    const gate = new HeavyGate(concurrency, 10);
    const log: string[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) => job(log, String(i)));
    let peak = 0;
    const runs = jobs.map((j) =>
      gate.run(async () => {
        peak = Math.max(peak, gate.load.running);
        await j.work();
      })
    );
    await tick();
    expect(log).toEqual(Array.from({ length: concurrency }, (_, i) => `start ${i}`));
    for (const j of jobs) {
      j.finish();
      await tick();
      await tick();
    }
    expect(await Promise.all(runs)).toEqual(jobs.map(() => true));
    expect(peak).toBe(concurrency);
    expect(log.filter((l) => l.startsWith('start'))).toEqual(jobs.map((_, i) => `start ${i}`));
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once when the queue is full, without running the work', async () => {
    const gate = new HeavyGate(1, 2);
    const log: string[] = [];
    const first = job(log, 'a');
    const runs = [gate.run(first.work), gate.run(async () => {}), gate.run(async () => {})];
    let ran = false;
    expect(await gate.run(async () => void (ran = true))).toBe(false);
    expect(ran).toBe(false);
    expect(gate.load).toEqual({ running: 1, waiting: 2 });
    first.finish();
    expect(await Promise.all(runs)).toEqual([true, true, true]);
  });

  it('gives a turn back once, however often it is released, and after a failing job', async () => {
    const gate = new HeavyGate(1, 5);
    const release = await gate.acquire();
    release?.();
    release?.();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
    await expect(gate.run(async () => Promise.reject(new Error('hỏng')))).rejects.toThrow('hỏng');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe('HeavyGate share', () => {
  // Fake timers (Date.now included): the pause is arithmetic on the clock, checked exactly.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each([
    [0.5, 1],
    [0.25, 3],
    [0.1, 9],
  ])('with share %f, the next heavy read starts %i × the last one’s time after it ends', async (share, factor) => {
    const gate = new HeavyGate(1, 5, share);
    const starts: number[] = [];
    const work = () => {
      starts.push(Date.now());
      return new Promise<void>((r) => setTimeout(r, 40));
    };
    const both = Promise.all([gate.run(work), gate.run(work)]);
    await jest.advanceTimersByTimeAsync(40 * (2 + factor) + 10);
    await both;
    expect(starts[1] - starts[0]).toBe(40 + 40 * factor);
  });

  it('keeps a newcomer out during the pause too', async () => {
    const gate = new HeavyGate(1, 5, 0.5);
    const first = gate.run(() => new Promise((r) => setTimeout(r, 50)));
    await jest.advanceTimersByTimeAsync(50);
    await first;
    const asked = Date.now();
    let started = -1;
    const second = gate.run(async () => void (started = Date.now()));
    await jest.advanceTimersByTimeAsync(100);
    await second;
    expect(started - asked).toBe(50);
  });
});

describe('readHeavySettings', () => {
  it('has defaults and refuses what would turn the gate off', () => {
    expect(readHeavySettings({})).toEqual({ minRecords: 1500, minCost: 1000, concurrency: 1, maxWaiting: 8, share: 0.05 });
    expect(readHeavySettings({ HEAVY_SHARE_PERCENT: '250' }).share).toBe(1);
    expect(readHeavySettings({ HEAVY_MAX_IN_FLIGHT: '2' }).concurrency).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'nhiều']) expect(() => readHeavySettings({ HEAVY_MAX_IN_FLIGHT: bad })).toThrow(/HEAVY_MAX_IN_FLIGHT/);
  });
});
