import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import {
  describeRequests,
  exitCodeOf,
  outcomeLine,
  readShutdownSettings,
  runWithin,
  type ShutdownSettings,
  type ShutdownStep,
} from './shutdown-rules';

/**
 * Graceful shutdown on SIGTERM and SIGINT (issue 19): the instance says "draining" on /_health,
 * answers new requests 503 + `Connection: close`, stops accepting connections, lets the requests in
 * flight and the plugins' current background job finish, then destroys Strapi (database pools,
 * Redis) and exits 0 — or exits 1 at the deadline, naming what was still running.
 *
 * Strapi 5.54 has its own handler (`destroyOnSignal` in @strapi/core, added by createStrapi): it
 * calls `strapi.destroy()` at once, which destroys every open connection (in-flight requests are
 * cut), runs the plugins' destroy while requests still use them, and has no deadline. It is taken
 * out here and replaced.
 */

interface InFlight {
  method: string;
  url: string;
  startedAt: number;
}

interface DrainState {
  draining: boolean;
  /** The listening socket is closed: from then on an idle keep-alive connection has no use. */
  closing: boolean;
  requests: Map<ServerResponse, InFlight>;
}

// Per Strapi instance: the integration tests boot several in one process.
const states = new WeakMap<Core.Strapi, DrainState>();

const stateOf = (strapi: Core.Strapi): DrainState => {
  let state = states.get(strapi);
  if (!state) {
    state = { draining: false, closing: false, requests: new Map() };
    states.set(strapi, state);
  }
  return state;
};

/** Whether this instance is shutting down (the `global::draining` middleware answers 503 then). */
export const isDraining = (strapi: Core.Strapi): boolean => states.get(strapi)?.draining === true;

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
// The name of Strapi's listener in @strapi/core/dist/utils/signals.js (5.54). If an upgrade renames
// it, both handlers would run and Strapi's would cut the requests in flight:
// test/process/graceful-shutdown.test.ts fails then, and the start logs a warning.
const STRAPI_SIGNAL_HANDLER = 'terminateStrapi';

/** The plugins' background work, as far as a shutdown needs it (each plugin may be turned off). */
interface Stoppable {
  stop(): Promise<void>;
  size?(): number;
  busy?(): boolean;
}
interface Scheduler {
  stopCron(): Promise<void>;
  busy(): boolean;
}

function backgroundSteps(strapi: Core.Strapi): ShutdownStep[] {
  const steps: ShutdownStep[] = [];
  // Waiting jobs stay in their table for any instance; the running one finishes or is handed back.
  const jobs = strapi.plugin('jobs')?.service<Stoppable>('worker');
  if (jobs) steps.push({ name: 'background jobs', run: () => jobs.stop(), detail: () => `${jobs.size?.() ?? '?'} job running` });
  // A delivery round finishes; rows not sent stay in the outbox for any instance's next poll.
  const deliveries = strapi.plugin('revalidate')?.service<Stoppable>('dispatcher');
  if (deliveries) steps.push({ name: 'revalidate deliveries', run: () => deliveries.stop(), detail: () => (deliveries.busy?.() ? 'a round running' : 'stopping') });
  // A tick finishes the schedule it is acting on (one transaction with its claim); the rest stay due.
  const scheduler = strapi.plugin('newsroom')?.service<Scheduler>('scheduler');
  if (scheduler) steps.push({ name: 'scheduled publishing', run: () => scheduler.stopCron(), detail: () => (scheduler.busy() ? 'a tick running' : 'stopping') });
  return steps;
}

/**
 * Stops accepting: after the announce window (new connections still answered, with 503), closes
 * the listening socket and the idle keep-alive connections; resolves once every connection has
 * ended, i.e. the last request in flight has been answered.
 */
function httpStep(strapi: Core.Strapi, state: DrainState, settings: ShutdownSettings): ShutdownStep {
  const server: Server = strapi.server.httpServer;
  return {
    name: 'HTTP requests',
    detail: () => describeRequests([...state.requests.values()], Date.now()),
    run: async () => {
      if (!server.listening) return; // a script (seed, import…): nothing to close
      if (settings.announceMs > 0) await new Promise((r) => setTimeout(r, settings.announceMs));
      // server.close() on Node ≥ 19 also closes the idle keep-alive connections; the busy ones
      // close after their answer (Connection: close, or trackRequests letting them go).
      state.closing = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function shutdown(strapi: Core.Strapi, signal: string, settings: ShutdownSettings): Promise<void> {
  const state = stateOf(strapi);
  state.draining = true;
  // Answers not started yet go out with Connection: close, so their keep-alive connection ends.
  for (const res of state.requests.keys()) if (!res.headersSent) res.setHeader('Connection', 'close');
  strapi.log.info(
    `[shutdown] ${signal}: draining (/_health answers 503), ${state.requests.size} request(s) in flight; exit within ${settings.timeoutMs} ms`
  );
  const outcome = await runWithin(
    [
      // Together: requests in flight may still queue an image or record a change, which the
      // stopped worker and dispatcher leave in their tables (jobs, the outbox) instead of running.
      [httpStep(strapi, state, settings), ...backgroundSteps(strapi)],
      // Then the pools: plugins' destroy, the app's (rate-limit Redis, outbound guard), the
      // database; what is left of the connections is destroyed here.
      [{ name: 'strapi.destroy (database pool, Redis)', run: () => strapi.destroy() }],
    ],
    settings.timeoutMs
  );
  const code = exitCodeOf(outcome);
  // strapi.destroy() has run (or hangs): its logger may be closed; stderr/stdout are certain.
  const line = outcomeLine(outcome, settings.timeoutMs);
  if (code === 0) process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
  process.exit(code);
}

/**
 * Register: replaces Strapi's signal handler with the graceful shutdown. Reads SHUTDOWN_TIMEOUT_MS
 * and SHUTDOWN_ANNOUNCE_MS here, so a wrong value stops the start rather than the stop.
 */
export function installGracefulShutdown(strapi: Core.Strapi): void {
  const settings = readShutdownSettings(process.env);
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // Strapi notes that a signal can arrive twice (a terminal sends SIGINT to the whole process
    // group, and `strapi develop`'s primary passes it on): the second is not a reason to hurry.
    if (stopping) return;
    stopping = true;
    void shutdown(strapi, signal, settings);
  };
  let replaced = 0;
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (listener.name !== STRAPI_SIGNAL_HANDLER) continue;
      process.removeListener(signal, listener);
      replaced += 1;
    }
    process.on(signal, onSignal);
  }
  if (replaced === 0) strapi.log.warn(`[shutdown] Strapi's own signal handler (${STRAPI_SIGNAL_HANDLER}) was not found: if it still runs, it cuts requests in flight`);
}

/**
 * Bootstrap: counts the requests in flight (for the deadline's log line and their Connection
 * header); once the listening socket is closed, each finished answer lets the idle keep-alive
 * connections go at once instead of at their 5 s keep-alive timeout. Not during the announce
 * window: a proxy's kept connection must still reach /_health to hear "draining".
 */
export function trackRequests(strapi: Core.Strapi): void {
  const state = stateOf(strapi);
  const server: Server = strapi.server.httpServer;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    state.requests.set(res, { method: req.method ?? '?', url: req.url ?? '', startedAt: Date.now() });
    res.once('close', () => {
      state.requests.delete(res);
      if (state.closing) setImmediate(() => server.closeIdleConnections());
    });
  });
}
