import Database from 'better-sqlite3';
import { keepPreparedStatements } from '../../src/database/statement-cache';

const open = (max?: number) => {
  const db = new Database(':memory:');
  let compiled = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    compiled += 1;
    return prepare(sql);
  }) as typeof db.prepare;
  keepPreparedStatements(db, max);
  return { db, compiled: () => compiled };
};

describe('keepPreparedStatements', () => {
  it('compiles a text once and answers each use with its own bindings', () => {
    const { db, compiled } = open();
    db.exec('CREATE TABLE t (a INTEGER, b TEXT)');
    const insert = 'INSERT INTO t VALUES (?, ?)';
    for (const [a, b] of [[1, 'một'], [2, 'hai'], [3, 'ba']] as const) db.prepare(insert).run(a, b);
    const select = 'SELECT b FROM t WHERE a = ?';
    expect([1, 2, 3, 4].map((a) => db.prepare(select).get(a))).toEqual([{ b: 'một' }, { b: 'hai' }, { b: 'ba' }, undefined]);
    expect(db.prepare(select)).toBe(db.prepare(select));
    expect(compiled()).toBe(2);
  });

  it.each([
    ['a column added', 'ALTER TABLE t ADD COLUMN c INTEGER DEFAULT 7', [{ a: 1, c: 7 }]],
    ['the table made again with other columns', 'DROP TABLE t; CREATE TABLE t (x, y); INSERT INTO t VALUES (1, 2)', [{ x: 1, y: 2 }]],
    ['the rows deleted', 'DELETE FROM t', []],
  ])('gives current answers after %s', (_name, change, expected) => {
    const { db } = open();
    db.exec('CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1)');
    const select = () => db.prepare('SELECT * FROM t').all();
    expect(select()).toEqual([{ a: 1 }]);
    db.exec(change);
    expect(select()).toEqual(expected);
  });

  it('keeps the most recently used texts only, up to its bound', () => {
    const { db, compiled } = open(3);
    const texts = ['SELECT 1', 'SELECT 2', 'SELECT 3'];
    for (const sql of texts) db.prepare(sql);
    db.prepare('SELECT 1'); // used again: now the most recent
    db.prepare('SELECT 4'); // evicts SELECT 2, the least recently used
    expect(compiled()).toBe(4);
    db.prepare('SELECT 1');
    db.prepare('SELECT 3');
    expect(compiled()).toBe(4);
    db.prepare('SELECT 2');
    expect(compiled()).toBe(5);
  });

  it('refuses what is not a better-sqlite3 connection', () => {
    expect(() => keepPreparedStatements({})).toThrow('not a better-sqlite3 connection');
    expect(() => keepPreparedStatements(null)).toThrow('not a better-sqlite3 connection');
  });
});
