import Database from 'better-sqlite3';
import { installUnicodeLower, unicodeLower } from '../../src/database/unicode-lower';

describe('unicodeLower', () => {
  it.each([
    ['ĐUA', 'đua'],
    ['HỘI NGHỊ KHEN THƯỞNG', 'hội nghị khen thưởng'],
    ['ỦY BAN Mặt Trận', 'ủy ban mặt trận'],
    ['ascii ABC', 'ascii abc'],
  ])('%s → %s', (input, expected) => {
    expect(unicodeLower(input)).toBe(expected);
  });

  it('keeps SQLite LOWER’s answers for NULL and numbers', () => {
    expect(unicodeLower(null)).toBeNull();
    expect(unicodeLower(12)).toBe('12');
    expect(unicodeLower(BigInt(7))).toBe('7');
  });
});

describe('installUnicodeLower on a real SQLite connection', () => {
  it('replaces the ASCII-only built-in', () => {
    const db = new Database(':memory:');
    const lower = (text: string) => (db.prepare('SELECT LOWER(?) AS v').get(text) as { v: string }).v;
    // The built-in first, so this test fails if SQLite ever changes under us and the fix is moot.
    expect(lower('HỘI')).toBe('hỘi');
    installUnicodeLower(db);
    expect(lower('HỘI')).toBe('hội');
    expect(db.prepare("SELECT 'thi đua' LIKE LOWER('%ĐUA%') AS hit").get()).toEqual({ hit: 1 });
    db.close();
  });

  it('refuses something that is not a connection', () => {
    expect(() => installUnicodeLower({})).toThrow(/better-sqlite3/);
  });
});
