import { foldVietnamese } from './fold';

export interface SlugOptions {
  /** Longest slug; cut at a word boundary. */
  maxLength: number;
  /** What "&" becomes: nothing, or the Vietnamese "va". Never "and". */
  ampersand: '' | 'va';
}

export const DEFAULT_SLUG_OPTIONS: SlugOptions = { maxLength: 80, ampersand: '' };

// Apostrophes and quotes join what they sit in ("Women’s" → "womens"); everything else separates words.
const QUOTES = /['’‘ʼ"“”„`´]/g;

/**
 * URL slug: lowercase ASCII words joined by single "-", every tone and mark removed (đ → d),
 * no camelCase splitting, cut at a word boundary within maxLength.
 */
export function slugify(text: string, options: Partial<SlugOptions> = {}): string {
  const { maxLength, ampersand } = { ...DEFAULT_SLUG_OPTIONS, ...options };
  const words = foldVietnamese(text.normalize('NFC'))
    .toLowerCase()
    .replace(QUOTES, '')
    .replace(/&/g, ampersand ? ` ${ampersand} ` : ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return joinWithin(words, maxLength);
}

/** Joins words with "-" while the result fits; a first word longer than the limit is cut. */
export function joinWithin(words: string[], maxLength: number): string {
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, maxLength);
}

/** The n-th candidate for a taken slug: base, base-2, base-3… always within maxLength. */
export function withSuffix(base: string, n: number, maxLength: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  const room = maxLength - suffix.length;
  const head = base.length <= room ? base : joinWithin(base.split('-'), room) || base.slice(0, room);
  return `${head.replace(/-+$/, '')}${suffix}`;
}
