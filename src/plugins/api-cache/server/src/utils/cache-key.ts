/**
 * The cache key of a request: method, path and the query as Strapi parses it (qs, through
 * strapi::query's getter on ctx.query), written in one canonical way.
 *
 * Keyed on the parsed query, not its text: `sort=a&sort[0]=b` and `sort[0]=b&sort=a` differ only
 * in order as text, yet qs makes ["a", "b"] of one and ["b", "a"] of the other, and Strapi sorts
 * by them in that order. Sorting the raw parameters gave both one entry and one of them the
 * other's answer.
 *
 * Order that cannot change the answer is dropped so equivalent queries share an entry: the order of
 * top-level parameters and of keys in objects (filters, populate, pagination). Order that can is
 * kept: arrays, and the keys of an object under `sort` (`sort[title]=asc&sort[dateline]=desc`
 * sorts by title first).
 */
export function cacheKey(method: string, path: string, query: unknown): string {
  const serialized = canonicalQuery(query);
  return `${method.toUpperCase()} ${path}${serialized === '{}' ? '' : `?${serialized}`}`;
}

/** JSON of a parsed query with order-free object keys sorted (qs caps its depth at 20). */
export function canonicalQuery(query: unknown): string {
  const encode = (value: unknown, keepOrder: boolean): string => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
    if (Array.isArray(value)) return `[${value.map((item) => encode(item, keepOrder)).join(',')}]`;
    const entries = Object.entries(value);
    if (!keepOrder) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${encode(item, keepOrder || key === 'sort')}`).join(',')}}`;
  };
  return encode(query ?? {}, false);
}
