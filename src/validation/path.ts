/**
 * One form of a request path for the router and every guard in front of it.
 *
 * Strapi's router (@koa/router 12 on path-to-regexp 6, created without options) matches
 * case-insensitively and with an optional trailing slash: `/API/auth/local` and `/api/auth/local/`
 * reach the same route as `/api/auth/local`. It matches the raw (still percent-encoded) path, so
 * `/api//auth/local`, `/api/auth%2Flocal` or `/api/auth/./local` reach no route (measured: 404/405).
 *
 * So: forms the router never routes are refused before anything else (they only serve to look
 * like one path to a guard and another to the router); the trailing slash is removed (the router
 * ignores it, the guards and the cache key then see one path); case is folded for the guards'
 * decisions only (routeKey): lowercasing the path itself would change parameters (slugs, upload
 * file names) that the router passes on as sent.
 */

/** NUL, raw or encoded: PostgreSQL refuses it in text with an error (a 500). */
const NUL = /%00|\u0000/;
/** "/" or "\" hidden in a segment: the router sees one segment, a decoder later sees two. */
const HIDDEN_SEPARATOR = /%2f|%5c|\\/i;
/** "." or "..", raw or with encoded dots. */
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

/** Why a raw request path is refused (a Vietnamese message), or null when it is fine. */
export function findPathProblem(path: string): string | null {
  if (NUL.test(path)) return 'Đường dẫn chứa ký tự NUL, không hợp lệ.';
  if (HIDDEN_SEPARATOR.test(path)) return 'Đường dẫn chứa dấu phân cách bị mã hoá (%2F, %5C) hoặc dấu \\, không hợp lệ.';
  if (path.includes('//')) return 'Đường dẫn có đoạn rỗng (//), không hợp lệ.';
  if (path.split('/').some((segment) => DOT_SEGMENT.test(segment))) return 'Đường dẫn chứa đoạn "." hoặc "..", không hợp lệ.';
  return null;
}

/** The path without its trailing slash ("/" stays "/"): the router treats both alike. */
export const canonicalPath = (path: string): string => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

/**
 * What the router compares a path with: canonical, ASCII letters folded. Only ASCII: the router's
 * regular expressions use the `i` flag without `u`, which folds no other letter onto an ASCII one
 * (a Kelvin sign "K" does not match "k"), so a full toLowerCase would claim more than it matches.
 */
export const routeKey = (path: string): string => canonicalPath(path).replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/** Whether a path is in the content API (everything under /api), in the router's eyes. */
export const isContentApiPath = (path: string): boolean => {
  const key = routeKey(path);
  return key === '/api' || key.startsWith('/api/');
};
