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

describe('readHeavySettings', () => {
  it('has defaults and refuses what would turn the gate off', () => {
    expect(readHeavySettings({})).toEqual({ minRecords: 300, minCost: 1000, concurrency: 1, maxWaiting: 32 });
    expect(readHeavySettings({ HEAVY_MAX_IN_FLIGHT: '2' }).concurrency).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'nhiều']) expect(() => readHeavySettings({ HEAVY_MAX_IN_FLIGHT: bad })).toThrow(/HEAVY_MAX_IN_FLIGHT/);
  });
});
