// The decisions of a graceful shutdown, without Strapi or sockets: its settings, what a request
// gets while the instance drains, and running the steps against one deadline. The wiring (signals,
// the HTTP server, the plugins' background work) is in ./graceful-shutdown.ts.

export interface ShutdownSettings {
  /** SHUTDOWN_TIMEOUT_MS: from the signal to the exit, whatever is still running. */
  timeoutMs: number;
  /**
   * SHUTDOWN_ANNOUNCE_MS: how long the listening socket stays open after the signal, answering
   * `/_health` with 503 "draining" (and everything else with 503 and `Connection: close`) before
   * new connections are refused.
   */
  announceMs: number;
}

// 10 s: what issue 19 asks for, and what most orchestrators wait between SIGTERM and SIGKILL
// (Docker's `stop` 10 s; Kubernetes' grace period is 30 s, so 10 s leaves it room).
const DEFAULT_TIMEOUT_MS = 10_000;
// 1 s: long enough for a proxy checking /_health every second to see "draining" before connections
// are refused; every stop pays it, so it is short. A proxy checking less often wants more (below).
const DEFAULT_ANNOUNCE_MS = 1000;

function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`${name} must be a whole number of milliseconds ≥ ${min} (got "${raw}")`);
  return Number(raw);
}

/** Reads the settings; a value that is not a usable number stops the start, naming it. */
export function readShutdownSettings(env: NodeJS.ProcessEnv): ShutdownSettings {
  // Under 1 s there is no time to finish even a quick request and close the pools.
  const timeoutMs = integerSetting(env, 'SHUTDOWN_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 1000);
  const announceMs = integerSetting(env, 'SHUTDOWN_ANNOUNCE_MS', Math.min(DEFAULT_ANNOUNCE_MS, timeoutMs / 2), 0);
  if (announceMs >= timeoutMs) throw new Error(`SHUTDOWN_ANNOUNCE_MS (${announceMs}) must be less than SHUTDOWN_TIMEOUT_MS (${timeoutMs})`);
  return { timeoutMs, announceMs };
}

export const HEALTH_PATH = '/_health';

export const DRAINING_MESSAGE = 'Máy chủ đang dừng để khởi động lại, vui lòng gửi lại yêu cầu sau giây lát.';

export interface DrainingAnswer {
  status: 503;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * What a request that arrives while the instance drains gets: 503, and `Connection: close` so the
 * client (or proxy) takes its next request to another instance on a new connection. The health
 * check says "draining", so a proxy tells a stopping instance from a broken one.
 */
export function drainingAnswer(path: string): DrainingAnswer {
  const headers = { Connection: 'close', 'Cache-Control': 'no-store' };
  if (path === HEALTH_PATH) return { status: 503, headers, body: { status: 'draining' } };
  return {
    status: 503,
    // 1 s, not the database outage's 5: the other instances can answer at once, only a new
    // connection is needed.
    headers: { ...headers, 'Retry-After': '1' },
    body: { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: DRAINING_MESSAGE } },
  };
}

/** One thing the shutdown waits for. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
  /** What it is still doing, for the log line when the deadline passes (e.g. "2 in flight: GET /api/…"). */
  detail?: () => string;
}

export type ShutdownOutcome =
  | { finished: true; ms: number; failed: string[] }
  | { finished: false; ms: number; failed: string[]; running: string[] };

/**
 * Runs the phases in order, the steps of a phase together, and gives up at `timeoutMs` from the
 * start, naming the steps still running then. A step that fails is named in `failed` and does not
 * hold the others up.
 */
export async function runWithin(phases: ShutdownStep[][], timeoutMs: number, now: () => number = Date.now): Promise<ShutdownOutcome> {
  const started = now();
  const failed: string[] = [];
  const running = new Set<ShutdownStep>();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), timeoutMs);
  });
  try {
    for (const phase of phases) {
      const steps = phase.map(async (step) => {
        running.add(step);
        try {
          await step.run();
        } catch (error) {
          failed.push(`${step.name}: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          running.delete(step);
        }
      });
      if ((await Promise.race([Promise.all(steps), deadline])) === 'deadline') {
        const names = [...running].map((s) => (s.detail ? `${s.name} (${s.detail()})` : s.name));
        return { finished: false, ms: now() - started, failed, running: names };
      }
    }
    return { finished: true, ms: now() - started, failed };
  } finally {
    clearTimeout(timer);
  }
}

/** 0 only when everything finished in time and nothing failed. */
export const exitCodeOf = (outcome: ShutdownOutcome): 0 | 1 => (outcome.finished && outcome.failed.length === 0 ? 0 : 1);

/** The log line that ends a shutdown. */
export function outcomeLine(outcome: ShutdownOutcome, timeoutMs: number): string {
  const failed = outcome.failed.length ? `; failed: ${outcome.failed.join('; ')}` : '';
  if (outcome.finished) return `[shutdown] stopped in ${outcome.ms} ms${failed}`;
  return `[shutdown] not finished within ${timeoutMs} ms, exiting with 1; still running: ${outcome.running.join(', ')}${failed}`;
}

/**
 * "GET /api/articles (2.3 s)" for the requests still in flight, the oldest first, at most `limit`.
 * Paths only: a query string can carry a token, and this goes to the log.
 */
export function describeRequests(requests: { method: string; url: string; startedAt: number }[], now: number, limit = 3): string {
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  const shown = sorted.slice(0, limit).map((r) => `${r.method} ${r.url.split('?')[0]} (${((now - r.startedAt) / 1000).toFixed(1)} s)`);
  const more = sorted.length > limit ? `, +${sorted.length - limit} more` : '';
  return `${requests.length} in flight: ${shown.join(', ')}${more}`;
}
