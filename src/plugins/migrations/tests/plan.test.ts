import { parseFileName, planMigrations, type AppliedRow } from '../src/plan';

const step = (version: number, name: string) => ({ version, name });
const THREE = [step(1, 'create-registry'), step(2, 'create-index'), step(3, 'add-column')];

describe('planMigrations', () => {
  it.each<[string, { version: number; name: string }[], AppliedRow[], number[]]>([
    ['a new database gets every step, in order', THREE, [], [1, 2, 3]],
    ['an up-to-date database gets none', THREE, [step(1, 'create-registry'), step(2, 'create-index'), step(3, 'add-column')], []],
    ['a database one step behind gets the last', THREE, [step(1, 'create-registry'), step(2, 'create-index')], [3]],
    ['rows in any order count the same', THREE, [step(2, 'create-index'), step(1, 'create-registry')], [3]],
    ['versions read back as strings (PostgreSQL bigint) still match', THREE, [{ version: '1' as unknown as number, name: 'create-registry' }], [2, 3]],
    ['an empty list plans nothing', [], [], []],
  ])('%s', (_name, migrations, applied, pending) => {
    const plan = planMigrations('vietnamese-text', migrations, applied);
    expect(plan).toEqual({ ok: true, pending: migrations.filter((m) => pending.includes(m.version)) });
  });

  it.each<[string, string, { version: number; name: string }[], AppliedRow[], RegExp]>([
    ['a gap in the numbers', 'newsroom', [step(1, 'a'), step(3, 'c')], [], /"c" is number 3; expected 2/],
    ['two steps with one number', 'newsroom', [step(1, 'a'), step(1, 'b')], [], /"b" is number 1; expected 2/],
    ['steps listed out of order', 'newsroom', [step(2, 'b'), step(1, 'a')], [], /"b" is number 2; expected 1/],
    ['a list starting at 0', 'newsroom', [step(0, 'a')], [], /expected 1/],
    ['a fractional number', 'newsroom', [step(1.5, 'a')], [], /expected 1/],
    ['a name that is not kebab-case', 'newsroom', [step(1, 'Create_Table')], [], /names are kebab-case/],
    ['a scope that is not kebab-case', 'News Room', [step(1, 'a')], [], /scope must be kebab-case/],
    ['an applied step this code does not know', 'newsroom', [step(1, 'a')], [step(1, 'a'), step(2, 'b')], /migration 2 "b", which this code does not know/],
    ['an applied step renamed since', 'newsroom', [step(1, 'a'), step(2, 'b')], [step(1, 'a'), step(2, 'old-b')], /2 is "b" here but was applied as "old-b"/],
  ])('refuses %s', (_name, scope, migrations, applied, problem) => {
    const plan = planMigrations(scope, migrations, applied);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.problem).toMatch(problem);
    if (!plan.ok) expect(plan.problem).toContain(`[migrations ${scope}]`);
  });
});

describe('parseFileName', () => {
  it.each<[string, ReturnType<typeof parseFileName>]>([
    ['001-create-slug-registry.ts', { version: 1, name: 'create-slug-registry' }],
    ['002-create-search-index.js', { version: 2, name: 'create-search-index' }],
    ['010-add-column', { version: 10, name: 'add-column' }],
    ['1-too-short.ts', null],
    ['0001-too-long.ts', null],
    ['003_snake_case.ts', null],
    ['004-Upper.ts', null],
    ['005-.ts', null],
    ['index.ts', null],
    ['006-create-index.d.ts', null],
  ])('%s', (file, expected) => {
    expect(parseFileName(file)).toEqual(expected);
  });
});
