import { slugify, type SlugOptions } from './slugify';

/** What to do with a document's slug on a write. */
export type SlugPlan = { kind: 'keep' } | { kind: 'claim'; base: string; keepOld: boolean };

export interface SlugPlanInput {
  /** The document's current slug in this locale (null for a new document or locale). */
  current: string | null;
  /** Whether this locale of the document has ever been published (its URL went public). */
  publishedOnce: boolean;
  /** The slug the client sent: undefined when not sent, null or '' to ask for a fresh one. */
  explicit: string | null | undefined;
  /** The source value (title, name) sent with this write, or undefined. */
  source: string | undefined;
  /** The source value already stored, used when none is sent. */
  storedSource?: string | null;
  /** Used when the source has no letters or digits at all (e.g. a title of only symbols). */
  fallback: string;
  options: SlugOptions;
}

/**
 * The slug rules, with no I/O:
 * - an explicit slug is cleaned and used; a published document keeps its old one for redirects;
 * - a new document or locale gets one from its source;
 * - before first publication, a source edit re-derives it; after, the URL stays put.
 */
export function planSlug(input: SlugPlanInput): SlugPlan {
  const { current, publishedOnce, explicit, source, storedSource, fallback, options } = input;
  const fromSource = () => slugify(source ?? storedSource ?? '', options) || slugify(fallback, options);

  if (typeof explicit === 'string' && explicit.trim() !== '') {
    const wanted = slugify(explicit, options) || fromSource();
    return wanted === current ? { kind: 'keep' } : { kind: 'claim', base: wanted, keepOld: publishedOnce };
  }
  if (current === null) return { kind: 'claim', base: fromSource(), keepOld: false };
  if (explicit === null || explicit === '') {
    const base = fromSource();
    return isSameBase(current, base) ? { kind: 'keep' } : { kind: 'claim', base, keepOld: publishedOnce };
  }
  if (source !== undefined && !publishedOnce) {
    const base = fromSource();
    return isSameBase(current, base) ? { kind: 'keep' } : { kind: 'claim', base, keepOld: false };
  }
  return { kind: 'keep' };
}

/** "hoi-nghi-3" already is the slug for base "hoi-nghi" (a suffix was needed when it was made). */
export function isSameBase(current: string, base: string): boolean {
  return current === base || new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`).test(current);
}
