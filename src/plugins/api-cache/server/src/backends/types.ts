import type { CachedResponse } from '../utils/lru';

/**
 * Where answers are kept. Every read returns the generation it saw; an answer is stored only under
 * that generation and only if it is still current, so invalidating is one step: a new generation.
 */
export interface Backend {
  /** `generation` null: the backend cannot be trusted now (Redis down): serve from Strapi, keep nothing. */
  get(key: string): Promise<{ entry?: CachedResponse; generation: string | null }>;
  set(key: string, entry: CachedResponse, generation: string): Promise<void>;
  invalidate(): Promise<void>;
  /** Resolves once usable, or after `timeoutMs` (then requests bypass until it is). */
  connect(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}
