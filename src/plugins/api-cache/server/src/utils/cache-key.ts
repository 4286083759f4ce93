/**
 * The cache key of a request: method, path and the query with its parameters sorted, so
 * `?locale=vi&sort=x` and `?sort=x&locale=vi` share an entry. Values keep their order within a
 * repeated parameter (it can matter, e.g. sort[0], sort[1] are distinct names anyway).
 */
export function cacheKey(method: string, path: string, querystring: string): string {
  const params = [...new URLSearchParams(querystring)];
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return `${method.toUpperCase()} ${path}${query ? `?${query}` : ''}`;
}
