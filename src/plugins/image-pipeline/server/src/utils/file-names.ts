import { randomBytes } from 'node:crypto';

/**
 * A stored file's hash for new content: Strapi's form (`<name>_<10 hex>`) with a new random end.
 * Strapi keeps the hash, so the URL, when a file is replaced; a new URL is what lets every copy of
 * a file be cached for a year (`Cache-Control: … immutable`, src/middlewares/upload-cache.ts).
 */
export const freshHash = (hash: string, random = randomBytes(5).toString('hex')) => `${hash.replace(/_[0-9a-f]{6,}$/, '')}_${random}`;

/** A crop's hash names its focal point (in thousandths), so a new focal point is a new URL too. */
export function cropHash(key: string, hash: string, focalPoint: unknown): string {
  const { x, y } = (focalPoint ?? {}) as { x?: unknown; y?: unknown };
  if (typeof x !== 'number' || typeof y !== 'number') return `${key}_${hash}`;
  return `${key}_${Math.round(x * 1000)}-${Math.round(y * 1000)}_${hash}`;
}
