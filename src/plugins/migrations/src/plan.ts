/**
 * What to apply, decided from the migrations in the code and the rows of those already applied.
 * Pure: no database, so every refusal below has a table-driven test.
 */

/** One numbered step; `up` receives the transaction it must use for every query. */
export interface Migration<Db = unknown, Context = unknown> {
  /** 1, 2, 3… from the file name `001-create-slug-registry.ts`; never reused or renumbered. */
  version: number;
  /** Kebab-case, from the file name; stored, so a renamed or renumbered file is noticed. */
  name: string;
  up(db: Db, context: Context): Promise<void>;
}

/** A row of the shared `plugin_migrations` table. */
export interface AppliedRow {
  version: number;
  name: string;
}

export type Plan<M> = { ok: true; pending: M[] } | { ok: false; problem: string };

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The migrations still to apply, in order, or why none may be: the list must be numbered 1, 2, 3…
 * with no gap (a gap is a file lost in a merge), and every applied row must still be in the list
 * under its name (a database from newer code, or a renumbered file, would otherwise be migrated
 * into a schema nobody wrote).
 */
export function planMigrations<M extends Pick<Migration, 'version' | 'name'>>(scope: string, migrations: readonly M[], applied: readonly AppliedRow[]): Plan<M> {
  const fail = (problem: string): Plan<M> => ({ ok: false, problem: `[migrations ${scope}] ${problem}` });
  if (!NAME.test(scope)) return fail('the scope must be kebab-case');
  for (const [index, m] of migrations.entries()) {
    if (!Number.isInteger(m.version) || m.version !== index + 1) {
      return fail(`migration "${m.name}" is number ${m.version}; expected ${index + 1} (numbered 1, 2, 3… in order, no gap)`);
    }
    if (!NAME.test(m.name)) return fail(`migration ${m.version} has name "${m.name}"; names are kebab-case`);
  }
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const known = byVersion.get(Number(row.version));
    if (!known) return fail(`the database has migration ${row.version} "${row.name}", which this code does not know (newer code ran here?)`);
    if (known.name !== row.name) return fail(`migration ${row.version} is "${known.name}" here but was applied as "${row.name}"`);
  }
  const done = new Set(applied.map((r) => Number(r.version)));
  return { ok: true, pending: migrations.filter((m) => !done.has(m.version)) };
}

/** `001-create-slug-registry` → version 1, name `create-slug-registry`; null when not of that form. */
export function parseFileName(file: string): { version: number; name: string } | null {
  const match = /^(\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.[jt]s)?$/.exec(file);
  return match ? { version: Number(match[1]), name: match[2] } : null;
}
