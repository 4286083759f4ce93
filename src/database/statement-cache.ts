/**
 * better-sqlite3 compiles every statement knex sends (`connection.prepare(sql)` in knex's dialect)
 * and knex keeps none: compiling was 8 % of the CPU of an uncached article page at 10,000 articles
 * (`BENCH_ARTICLES=10000 npm run bench:profile`, 2026-12-03). Strapi sends the same few hundred
 * SQL texts again and again with other bindings, so each connection keeps its most recently used
 * compiled statements by text. CPU per uncached article page: 18.9 → 18.1 ms (mean of three
 * alternating runs of 400 requests each, on a machine shared with test runs).
 *
 * Safe because: SQLite compiles a kept statement again by itself after a schema change (a migration,
 * a restore); knex runs one with `all` or `run`, which finish before they return, so a statement is
 * never in use twice at once; and knex sets no mode on it (raw, pluck, safeIntegers) that a later
 * caller would inherit.
 */

/** The part of a better-sqlite3 connection this needs. */
interface Preparing<S> {
  prepare(sql: string): S;
}

const isPreparing = (connection: unknown): connection is Preparing<unknown> =>
  typeof connection === 'object' && connection !== null && typeof Reflect.get(connection, 'prepare') === 'function';

/**
 * Statements kept per connection. A bound, not a guess of the need: `in (?, ?, …)` makes each length
 * of an id list its own text, so the texts are many but the often used ones few.
 */
export const MAX_KEPT_STATEMENTS = 1000;

/** Makes a connection's `prepare` return the kept statement for a text it compiled recently. */
export function keepPreparedStatements(connection: unknown, max = MAX_KEPT_STATEMENTS): void {
  if (!isPreparing(connection)) throw new Error('keepPreparedStatements: not a better-sqlite3 connection');
  const compile = connection.prepare.bind(connection);
  const kept = new Map<string, unknown>();
  connection.prepare = (sql: string) => {
    const hit = kept.get(sql);
    if (hit !== undefined) {
      // Least recently used first: a hit moves to the end.
      kept.delete(sql);
      kept.set(sql, hit);
      return hit;
    }
    const statement = compile(sql);
    kept.set(sql, statement);
    if (kept.size > max) kept.delete(kept.keys().next().value as string);
    return statement;
  };
}
