import type { Core } from '@strapi/strapi';
import type { Bucket, RateLimitSettings } from './rules';
import { memoryCounter, redisCounter, type Counter } from './store';
import { decide, type Decision } from './window';

export interface Limiter {
  check(bucket: Bucket, key: string): Promise<Decision>;
  close(): Promise<void>;
}

export function createLimiter(settings: RateLimitSettings, onError: (e: Error) => void): Limiter {
  const counter: Counter = settings.redisUrl ? redisCounter(settings.redisUrl, { prefix: settings.redisPrefix, onError }) : memoryCounter();
  return {
    async check(bucket, key) {
      const rule = settings.rules[bucket];
      const state = await counter.hit(`${bucket}:${key}`, rule.windowMs);
      return decide(state, rule.limit, Date.now());
    },
    close: () => counter.close(),
  };
}

// One limiter per app, shared by both middlewares and closed with the app (tests boot several).
const limiters = new WeakMap<Core.Strapi, Limiter>();

export function limiterOf(strapi: Core.Strapi, settings: RateLimitSettings): Limiter {
  let limiter = limiters.get(strapi);
  if (!limiter) {
    limiter = createLimiter(settings, (e) => strapi.log.warn(`[rate-limit] Redis unavailable, counting in memory: ${e.message}`));
    limiters.set(strapi, limiter);
  }
  return limiter;
}

export async function closeLimiter(strapi: Core.Strapi): Promise<void> {
  await limiters.get(strapi)?.close();
  limiters.delete(strapi);
}

interface HeaderCtx {
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

/** RateLimit-* headers (IETF draft) on every limited answer. */
export function setLimitHeaders(ctx: HeaderCtx, decision: Decision): void {
  ctx.set('RateLimit-Limit', String(decision.limit));
  ctx.set('RateLimit-Remaining', String(decision.remaining));
  ctx.set('RateLimit-Reset', String(decision.resetSeconds));
}

/** The 429 answer, in Strapi's error shape, with Retry-After. */
export function refuse(ctx: HeaderCtx, decision: Decision, message: string): void {
  setLimitHeaders(ctx, decision);
  ctx.set('Retry-After', String(decision.resetSeconds));
  ctx.status = 429;
  ctx.body = {
    data: null,
    error: { status: 429, name: 'TooManyRequestsError', message: `${message} Vui lòng thử lại sau ${decision.resetSeconds} giây.`, details: { retryAfter: decision.resetSeconds } },
  };
}
