import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { signatureOf } from '../utils/signature';
import { getService } from '../utils/get-service';
import type { OutboxRow } from './outbox';

/** Rows sent per round; the rest wait for the next round (one second later at most). */
const BATCH = 20;

/**
 * Sends due outbox rows: every `pollMs`, and at once when this process records an event. Through
 * `strapi.fetch`, so the app's outbound guard applies (a receiver on a private network must be
 * listed in OUTBOUND_ALLOW). A 2xx answer is a delivery; anything else is retried.
 */
export const dispatcher = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::revalidate') as PluginConfig;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  /** After `stop`, a change recorded by a request still finishing does not start a round: its row waits in the outbox for the next poll of any instance. */
  let stopped = false;

  async function send(row: OutboxRow & { lease_token: string }): Promise<void> {
    const outbox = getService(strapi, 'outbox');
    const started = Date.now();
    try {
      const res = await strapi.fetch(row.receiver, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Webhook-Id': row.event_id, 'X-Webhook-Signature': signatureOf(config().secret, row.payload) },
        body: row.payload,
        signal: AbortSignal.timeout(config().timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) await outbox.delivered(row, res.status, Date.now() - started);
      else await outbox.failed(row, res.status, `HTTP ${res.status}`, Date.now() - started);
    } catch (error) {
      const e = error as Error & { cause?: Error };
      await outbox.failed(row, null, e.cause?.message ?? e.message, Date.now() - started);
    }
  }

  async function round(): Promise<void> {
    do {
      again = false;
      const rows = await getService(strapi, 'outbox').claim(BATCH);
      await Promise.all(rows.map(send));
      if (rows.length === BATCH) again = true;
      // A stop ends the round after this batch; the rows left are due for any instance's next poll.
    } while (again && !stopped);
  }

  return {
    /** Sends what is due now; a call during a round makes the round go on once more. */
    kick(): Promise<void> {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      const current = round()
        .catch((error: Error) => void strapi.log.warn(`[revalidate] delivery round failed: ${error.message}`))
        .finally(() => (running = undefined));
      running = current;
      return current;
    },

    start(): void {
      stopped = false;
      timer ??= setInterval(() => void this.kick(), config().pollMs);
      timer.unref();
    },

    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },

    /** Whether a delivery round is running (named in the shutdown's log line when it outlives the deadline). */
    busy(): boolean {
      return running !== undefined;
    },
  };
};
