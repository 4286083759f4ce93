import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { BoundsSettings } from '../security/request-bounds';
import { isContentApiPath, routeKey } from '../validation/path';

/** Seconds a client is told to wait after a 429 for too many requests in flight: one is usually done by then. */
const IN_FLIGHT_RETRY_SECONDS = 1;
/** A slot held past its deadline is given back after this many deadlines at most. */
const RELEASE_AFTER_DEADLINES = 3;
/** Seconds to wait after a 503 for a request past its deadline. */
const TIMEOUT_RETRY_SECONDS = 5;

/**
 * Reads of the content API and every GraphQL request. Writes are not: they need an editor's
 * credentials, and an import or an upload may rightly run several at once and take long (a
 * 50-megapixel photo is resized in several seconds).
 */
const isBounded = (method: string, path: string) =>
  routeKey(path) === '/graphql' ? method !== 'OPTIONS' : (method === 'GET' || method === 'HEAD') && isContentApiPath(path);

function fail(ctx: Context, status: number, name: string, message: string, retryAfter?: number): void {
  if (retryAfter !== undefined) ctx.set('Retry-After', String(retryAfter));
  ctx.set('Cache-Control', 'no-store');
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

const isStream = (body: unknown) => body !== null && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe === 'function';

/** Bytes of an answer, serializing it once (the string then replaces the object, so Koa does not serialize again). */
function serialized(ctx: Context): number | undefined {
  const body: unknown = ctx.body;
  if (body === null || body === undefined || isStream(body)) return undefined;
  if (Buffer.isBuffer(body)) return body.length;
  if (typeof body === 'string') return Buffer.byteLength(body);
  const text = JSON.stringify(body);
  ctx.body = text;
  return Buffer.byteLength(text);
}

/**
 * Reads of the content API and /graphql, for requests the cache did not answer (placed right after it, so
 * hits neither count nor wait):
 * - at most `maxInFlight` requests of one client (ctx.ip) in flight; more get a 429: one client
 *   looping expensive reads holds at most that many of the server's slots;
 * - a deadline: past `timeoutMs` the client gets a 503 (the database finishes the query it
 *   started and the answer is dropped; the client's slot stays taken until then);
 * - a byte cap on the serialized answer, the last line behind the estimate of query-bounds.
 * Runs before strapi::errors, so it writes its answers itself, in Strapi's error shape.
 */
export default (config: BoundsSettings, { strapi }: { strapi: Core.Strapi }) => {
  const inFlight = new Map<string, number>();

  return async (ctx: Context, next: Next) => {
    if (!isBounded(ctx.method, ctx.path)) return next();
    const client = ctx.ip;
    const running = inFlight.get(client) ?? 0;
    if (running >= config.maxInFlight) {
      return fail(
        ctx,
        429,
        'TooManyRequestsError',
        `Bạn đang có quá nhiều yêu cầu chưa xong (tối đa ${config.maxInFlight} yêu cầu cùng lúc). Vui lòng chờ các yêu cầu trước hoàn tất rồi thử lại.`,
        IN_FLIGHT_RETRY_SECONDS
      );
    }
    inFlight.set(client, running + 1);
    let timer: NodeJS.Timeout | undefined;
    let outcome: 'done' | 'timeout';
    const work = next();
    // The slot is the client's until the work really ends, also past the deadline: the database
    // goes on with a query it started, so a client answered 503 cannot start more work meanwhile.
    // Given back at the latest RELEASE_AFTER_DEADLINES deadlines in, so work that never ends (a
    // stuck connection) cannot lock its client out for good.
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(watchdog);
      const left = (inFlight.get(client) ?? 1) - 1;
      if (left > 0) inFlight.set(client, left);
      else inFlight.delete(client);
    };
    const watchdog = setTimeout(release, config.timeoutMs * RELEASE_AFTER_DEADLINES);
    watchdog.unref();
    work.then(release, release);
    try {
      outcome = await Promise.race([
        work.then(() => 'done' as const),
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), config.timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
    if (outcome === 'timeout') {
      // The work goes on until the database answers; its result (or error) is dropped.
      work.catch((error: Error) => strapi.log.debug(`[request-bounds] after the deadline: ${error.message}`));
      strapi.log.warn(`[request-bounds] ${ctx.method} ${ctx.path} passed its ${config.timeoutMs} ms deadline`);
      return fail(
        ctx,
        503,
        'ServiceUnavailableError',
        `Yêu cầu xử lý quá lâu (quá ${config.timeoutMs / 1000} giây) nên đã bị dừng. Hãy thu hẹp truy vấn (ít quan hệ hơn, trang nhỏ hơn) hoặc thử lại sau.`,
        TIMEOUT_RETRY_SECONDS
      );
    }
    const bytes = serialized(ctx);
    if (bytes !== undefined && bytes > config.maxBodyBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return fail(
        ctx,
        400,
        'ValidationError',
        `Câu trả lời quá lớn: ${mb(bytes)} MB, tối đa ${mb(config.maxBodyBytes)} MB. Giảm pagination[pageSize] hoặc bớt quan hệ trong populate.`
      );
    }
  };
};
