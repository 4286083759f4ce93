/**
 * Which migrations to apply, decided from the names in the code and the names already recorded.
 * Pure (no database), so every refusal has a table-driven test.
 */

/** `001-slug-registry`: three digits, then kebab-case words saying what the step does. */
const NAME = /^(\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A plugin (or `app`) as recorded in plugin_migrations. */
const OWNER = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Plan = { ok: true; pending: string[] } | { ok: false; problem: string };

/**
 * The names still to apply, in order, or why nothing may be applied:
 * - the list must be numbered 001, 002, 003… in order with no gap (a gap is a file lost in a merge);
 * - every recorded name must still be in the list (a name the code does not know means newer code
 *   ran on this database, or a file was renamed: migrating on would build a schema nobody wrote).
 */
export function planMigrations(owner: string, names: readonly string[], applied: readonly string[]): Plan {
  const fail = (problem: string): Plan => ({ ok: false, problem: `[migrations ${owner}] ${problem}` });
  if (!OWNER.test(owner)) return fail('the owner must be kebab-case');
  for (const [index, name] of names.entries()) {
    const match = NAME.exec(name);
    if (!match) return fail(`"${name}" is not named like 001-what-it-does`);
    if (Number(match[1]) !== index + 1) return fail(`"${name}" is number ${Number(match[1])}; expected ${index + 1} (001, 002… in order, no gap)`);
  }
  const known = new Set(names);
  const unknown = applied.find((name) => !known.has(name));
  if (unknown) return fail(`the database has "${unknown}", which this code does not know (newer code ran here, or a file was renamed)`);
  const done = new Set(applied);
  return { ok: true, pending: names.filter((name) => !done.has(name)) };
}

/** `/…/migrations/001-slug-registry.js` → `001-slug-registry`: a migration is named by its file. */
export function migrationName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(?:d\.)?[cm]?[jt]s$/, '');
}
