import { planPage, recencyId } from '../server/src/utils/search-plan';

describe('planPage', () => {
  it.each([
    ['first page inside the exact tier', { titleExact: 30, title: 40, all: 100 }, 1, 10, { total: 100, capped: false, slices: [{ tier: 'titleExact', offset: 0, limit: 10 }] }],
    ['a page across two tiers', { titleExact: 15, title: 40, all: 100 }, 2, 10, { total: 100, capped: false, slices: [{ tier: 'titleExact', offset: 10, limit: 5 }, { tier: 'title', offset: 0, limit: 5 }] }],
    ['a page across three tiers', { titleExact: 3, title: 5, all: 100 }, 1, 10, { total: 100, capped: false, slices: [{ tier: 'titleExact', offset: 0, limit: 3 }, { tier: 'title', offset: 0, limit: 2 }, { tier: 'text', offset: 0, limit: 5 }] }],
    ['text tier with offset', { titleExact: 0, title: 5, all: 100 }, 3, 10, { total: 100, capped: false, slices: [{ tier: 'text', offset: 15, limit: 10 }] }],
    ['the last, short page', { titleExact: 0, title: 0, all: 23 }, 3, 10, { total: 23, capped: false, slices: [{ tier: 'text', offset: 20, limit: 3 }] }],
    ['past the end', { titleExact: 0, title: 0, all: 5 }, 2, 10, { total: 5, capped: false, slices: [] }],
    ['capped counts serve the first 1000', { titleExact: 1001, title: 1001, all: 1001 }, 100, 10, { total: 1000, capped: true, slices: [{ tier: 'titleExact', offset: 990, limit: 10 }] }],
    ['nothing past the cap', { titleExact: 1001, title: 1001, all: 1001 }, 101, 10, { total: 1000, capped: true, slices: [] }],
    ['no match', { titleExact: 0, title: 0, all: 0 }, 1, 10, { total: 0, capped: false, slices: [] }],
  ] as const)('%s', (_name, counts, page, size, expected) => {
    expect(planPage(counts, page, size, 1000)).toEqual(expected);
  });
});

describe('recencyId', () => {
  it('orders by time first, fits in a double exactly, and varies by key and attempt', () => {
    const t = Date.parse('2025-11-04T01:00:00Z');
    expect(recencyId(t + 1, 'a')).toBeGreaterThan(recencyId(t, 'zzzz'));
    expect(Number.isSafeInteger(recencyId(Date.parse('2200-01-01'), 'x'))).toBe(true);
    expect(recencyId(t, 'a')).not.toBe(recencyId(t, 'b'));
    expect(recencyId(t, 'a', 1)).toBe(recencyId(t, 'a') + 1);
  });
});
