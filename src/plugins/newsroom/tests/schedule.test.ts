import { dueAction, scheduleProblem, toEpochMs } from '../server/src/utils/schedule';

const at = (iso: string) => new Date(iso);
const row = (publishAt: unknown, unpublishAt: unknown = null) => ({ documentId: 'd1', locale: 'vi', publishAt, unpublishAt });

describe('schedule rules', () => {
  it('reads datetimes as SQLite (ms) and PostgreSQL (Date) return them', () => {
    const ms = Date.UTC(2025, 0, 22, 8, 20);
    expect(toEpochMs(ms)).toBe(ms);
    expect(toEpochMs(String(ms))).toBe(ms);
    expect(toEpochMs(new Date(ms))).toBe(ms);
    expect(toEpochMs('2025-01-22T08:20:00.000Z')).toBe(ms);
    expect(toEpochMs(null)).toBeNull();
    expect(toEpochMs('không phải ngày')).toBeNull();
  });

  it('publishes at the publish time, not a millisecond before', () => {
    const t = '2025-01-22T08:20:00.000Z';
    expect(dueAction(row(at(t)), new Date(at(t).getTime() - 1))).toBeNull();
    expect(dueAction(row(at(t)), at(t))).toEqual({ documentId: 'd1', locale: 'vi', action: 'publish', dueAt: at(t).getTime() });
  });

  it('unpublishes at the unpublish time, and a window that passed entirely is not published', () => {
    const from = at('2025-01-22T08:00:00Z').getTime();
    const to = at('2025-01-22T09:00:00Z').getTime();
    expect(dueAction(row(null, to), new Date(to))?.action).toBe('unpublish');
    expect(dueAction(row(from, to), new Date(to + 1000))).toMatchObject({ action: 'unpublish', dueAt: to });
    expect(dueAction(row(from, to), new Date(from + 1000))).toMatchObject({ action: 'publish', dueAt: from });
  });

  it('wants the unpublish time after the publish time, in Vietnamese', () => {
    expect(scheduleProblem('2025-01-22T08:00:00Z', '2025-01-22T08:00:00Z')).toMatch(/gỡ bài phải sau/);
    expect(scheduleProblem('2025-01-22T08:00:00Z', '2025-01-22T07:00:00Z')).toMatch(/gỡ bài phải sau/);
    expect(scheduleProblem('2025-01-22T08:00:00Z', '2025-01-22T08:00:01Z')).toBeNull();
    expect(scheduleProblem(null, '2025-01-22T08:00:00Z')).toBeNull();
  });
});
