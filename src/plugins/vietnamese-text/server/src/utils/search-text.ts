import { foldVietnamese } from './fold';

/**
 * Index and query text share one shape: words separated by single spaces, with a space at both
 * ends, so "this word is there" is `LIKE '% word %'` in any SQL and a token in FTS5 or tsvector.
 */
const pad = (words: string[]) => (words.length ? ` ${words.join(' ')} ` : ' ');

/** Accent-free, lowercase, ASCII words: "Hội nghị – 05-CT/TW" → " hoi nghi 05 ct tw ". */
export function foldedWords(text: string): string[] {
  return foldVietnamese(text.normalize('NFC')).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Accents kept, lowercase NFC words: "Hội nghị – 05-CT/TW" → " hội nghị 05 ct tw ". */
export function exactWords(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export const foldForIndex = (text: string): string => pad(foldedWords(text));
export const exactForIndex = (text: string): string => pad(exactWords(text));

/** Plain text of Strapi "blocks" rich text (or of a string), for indexing. */
export function blocksToText(value: unknown): string {
  if (typeof value === 'string') return value;
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const { text, children } = node as { text?: unknown; children?: unknown };
      if (typeof text === 'string') parts.push(text);
      if (children) walk(children);
    }
  };
  walk(value);
  return parts.join(' ');
}

/** First sentences of a text, cut at a word boundary. */
export function excerptOf(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
}

export interface SearchQuery {
  folded: string[];
  exact: string[];
}

export const QUERY_LIMITS = { maxLength: 200, maxWords: 8 };

export class QueryError extends Error {}

/**
 * Turns the user's q into words. Rejects what cannot be a search (empty, too long, too many
 * words); control characters and SQL-looking punctuation are just separators.
 */
export function parseQuery(raw: unknown): SearchQuery {
  if (typeof raw !== 'string' || raw.trim() === '') throw new QueryError('Thiếu từ khóa tìm kiếm (tham số q).');
  if (raw.length > QUERY_LIMITS.maxLength) {
    throw new QueryError(`Từ khóa quá dài: tối đa ${QUERY_LIMITS.maxLength} ký tự.`);
  }
  const folded = [...new Set(foldedWords(raw))];
  const exact = [...new Set(exactWords(raw))];
  if (folded.length === 0) throw new QueryError('Từ khóa cần có ít nhất một chữ cái hoặc chữ số.');
  if (folded.length > QUERY_LIMITS.maxWords) throw new QueryError(`Tối đa ${QUERY_LIMITS.maxWords} từ mỗi lần tìm.`);
  return { folded, exact };
}
