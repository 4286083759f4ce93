import type { Knex } from 'knex';

/** Whether the connection (or transaction) speaks to PostgreSQL; otherwise SQLite, the other database we run on. */
export const isPostgres = (db: Knex): boolean => db.client.dialect === 'postgresql';

type IndexColumns = { columns: string[] };

/** Column lists of the table's unique indexes (unique constraints included, partial ones left out). */
async function uniqueIndexes(db: Knex, table: string): Promise<IndexColumns[]> {
  if (isPostgres(db)) {
    const result: { rows: { columns: string[] }[] } = await db.raw(
      `SELECT array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE t.relname = ? AND n.nspname = current_schema() AND i.indisunique AND i.indpred IS NULL
        GROUP BY i.indexrelid`,
      [table]
    );
    return result.rows;
  }
  const list: { name: string; unique: number; partial: number }[] = await db.raw(`PRAGMA index_list(${quoteSqlite(table)})`);
  const found: IndexColumns[] = [];
  for (const index of list.filter((i) => i.unique && !i.partial)) {
    const info: { seqno: number; name: string }[] = await db.raw(`PRAGMA index_info(${quoteSqlite(index.name)})`);
    found.push({ columns: [...info].sort((a, b) => a.seqno - b.seqno).map((c) => c.name) });
  }
  return found;
}

/** PRAGMA takes no bound parameters: the names are ours, quoted anyway. */
const quoteSqlite = (name: string) => `"${name.replace(/"/g, '""')}"`;

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((c) => b.includes(c));

/** Whether some unique index of the table covers exactly these columns (in any order: the same rule). */
export async function hasUniqueKey(db: Knex, table: string, columns: string[]): Promise<boolean> {
  return (await uniqueIndexes(db, table)).some((index) => sameSet(index.columns, columns));
}

/**
 * Makes sure the table enforces a unique key on these columns, creating the index when no unique
 * index of any name covers them (a table from an older build may lack it). Refuses with the
 * reason when rows already break the key: those need a person, not a migration.
 */
export async function ensureUniqueKey(db: Knex, table: string, name: string, columns: string[]): Promise<'kept' | 'created'> {
  if (await hasUniqueKey(db, table, columns)) return 'kept';
  const duplicates = await db(table).select(columns).count({ n: '*' }).groupBy(columns).havingRaw('count(*) > 1').limit(3);
  if (duplicates.length > 0) {
    throw new Error(`[migrations] ${table} has rows repeating (${columns.join(', ')}), e.g. ${JSON.stringify(duplicates[0])}; remove the repeats, then start again`);
  }
  await db.raw(`CREATE UNIQUE INDEX ?? ON ?? (${columns.map(() => '??').join(', ')})`, [name, table, ...columns]);
  return 'created';
}

/** A plain index, created when no index of that name exists (`IF NOT EXISTS` works on both databases). */
export async function ensureIndex(db: Knex, table: string, name: string, columns: string[]): Promise<void> {
  await db.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})`, [name, table, ...columns]);
}

/** Columns of `expected` the existing table lacks: a table of another shape is not adopted silently. */
export async function missingColumns(db: Knex, table: string, expected: string[]): Promise<string[]> {
  const info = await db(table).columnInfo();
  return expected.filter((column) => !(column in info));
}
