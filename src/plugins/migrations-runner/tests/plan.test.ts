import { migrationName, planMigrations } from '../src/plan';

const LIST = ['001-slug-registry', '002-search-index-v2', '003-search-index-v3'];

describe('planMigrations', () => {
  it.each([
    ['a new database: everything, in order', LIST, [], LIST],
    ['part applied: the rest, in order', LIST, ['001-slug-registry'], ['002-search-index-v2', '003-search-index-v3']],
    ['applied rows in any order', LIST, ['002-search-index-v2', '001-slug-registry'], ['003-search-index-v3']],
    ['all applied: nothing', LIST, LIST, []],
    ['no migrations at all', [], [], []],
  ])('%s', (_case, names, applied, pending) => {
    expect(planMigrations('vietnamese-text', names, applied)).toEqual({ ok: true, pending });
  });

  it.each([
    ['a gap in the numbers', ['001-a', '003-c'], [], /"003-c" is number 3; expected 2/],
    ['numbers out of order', ['002-b', '001-a'], [], /"002-b" is number 2; expected 1/],
    ['a name without its number', ['slug-registry'], [], /not named like 001-what-it-does/],
    ['two digits', ['01-a'], [], /not named like/],
    ['upper case', ['001-Slug'], [], /not named like/],
    ['a recorded name the code does not know', ['001-a'], ['001-a', '002-b'], /the database has "002-b"/],
    ['a renamed file', ['001-renamed'], ['001-a'], /the database has "001-a"/],
  ])('refuses %s', (_case, names, applied, problem) => {
    const plan = planMigrations('newsroom', names, applied);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.problem).toMatch(problem);
  });

  it('refuses an owner that is not kebab-case', () => {
    expect(planMigrations('News Room', LIST, [])).toEqual({ ok: false, problem: '[migrations News Room] the owner must be kebab-case' });
  });
});

describe('migrationName', () => {
  it.each([
    ['/app/dist/server/migrations/001-slug-registry.js', '001-slug-registry'],
    ['C:\\app\\migrations\\002-search-index-v2.ts', '002-search-index-v2'],
    ['001-read-indexes.d.ts', '001-read-indexes'],
    ['001-read-indexes', '001-read-indexes'],
  ])('%s → %s', (file, name) => {
    expect(migrationName(file)).toBe(name);
  });
});
