/**
 * SQLite's built-in LOWER() folds ASCII letters only ("HỘI" stays "HỘI"), and Strapi writes every
 * case-insensitive filter ($eqi, $nei, $containsi, $notContainsi, $startsWithi, $endsWithi) as
 * `LOWER(column) LIKE LOWER(?)`: on SQLite "ĐUA" found nothing where PostgreSQL found "đua".
 * Replacing LOWER on each SQLite connection with JavaScript's Unicode lower case makes the two
 * databases answer alike, without touching Strapi's query code. It costs a JavaScript call per
 * row: a $containsi scan of 10,000 titles took 11.5 ms instead of 2.2 ms (docs/benchmarks.md).
 */

/** What SQLite's LOWER returns for one value, with Unicode case folding for text. */
export function unicodeLower(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.toLowerCase();
  // SQLite's LOWER turns numbers into their text: `LOWER(12) = LOWER('12')` must stay true.
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8').toLowerCase();
  return value;
}

/** The part of a better-sqlite3 connection this needs. */
interface SqliteFunctions {
  function(name: string, options: { deterministic: boolean }, fn: (value: unknown) => unknown): unknown;
}

const hasFunctions = (connection: unknown): connection is SqliteFunctions =>
  typeof connection === 'object' && connection !== null && typeof Reflect.get(connection, 'function') === 'function';

/**
 * Registers the Unicode LOWER on one native SQLite connection (knex pool `afterCreate`).
 * Deterministic, as the built-in is, so SQLite may still use it in indexes and constant folding.
 */
export function installUnicodeLower(connection: unknown): void {
  if (!hasFunctions(connection)) throw new Error('installUnicodeLower: not a better-sqlite3 connection');
  connection.function('lower', { deterministic: true }, unicodeLower);
}
