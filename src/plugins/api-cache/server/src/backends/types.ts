import type { CachedResponse } from '../utils/lru';

/**
 * Where answers are kept, with their tags. Every write bumps one sequence number and records it on
 * each tag it touches; an answer is stored with the sequence number its read started at, and is
 * served only while none of its tags (nor `*`) was touched later. So a write invalidates exactly the
 * answers that depend on it, and an answer computed from data a write has since changed is never
 * kept: its tags were touched after its read began.
 */
export interface Backend {
  /** `generation`: the sequence number now (null: the backend cannot be trusted: serve from Strapi, keep nothing). */
  get(key: string): Promise<{ entry?: CachedResponse; generation: string | null }>;
  /** Stores unless one of `tags` (or `*`) was touched after `generation`. */
  set(key: string, entry: CachedResponse, generation: string, tags?: string[]): Promise<void>;
  /** Invalidates the answers carrying any of these tags (`*`: all). */
  touch(tags: string[]): Promise<void>;
  /** Invalidates everything (touches `*`). */
  invalidate(): Promise<void>;
  /** Resolves once usable, or after `timeoutMs` (then requests bypass until it is). */
  connect(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}
