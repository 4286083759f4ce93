/**
 * Search results come in tiers, each ordered newest first: titles with the query's exact
 * accents, then other title matches (folded), then matches in the text only. Counting stops at
 * `cap`: the first `cap` results are exact, and nothing past them is served.
 */
export const TIERS = ['titleExact', 'title', 'text'] as const;
export type Tier = (typeof TIERS)[number];

/** The score each tier's hits carry in the API. */
export const TIER_SCORE: Record<Tier, number> = { titleExact: 3, title: 2, text: 1 };

export interface TierSlice {
  tier: Tier;
  offset: number;
  limit: number;
}

/**
 * Given capped counts of the nested match sets (exact title ⊂ title ⊂ everything), the total
 * and which slice of which tier fills the requested page.
 */
export function planPage(
  counts: { titleExact: number; title: number; all: number },
  page: number,
  pageSize: number,
  cap: number
): { total: number; capped: boolean; slices: TierSlice[] } {
  const sizes: Record<Tier, number> = {
    titleExact: counts.titleExact,
    title: Math.max(0, counts.title - counts.titleExact),
    text: Math.max(0, counts.all - counts.title),
  };
  const total = Math.min(counts.all, cap);
  const start = (page - 1) * pageSize;
  const end = Math.min(start + pageSize, total);
  const slices: TierSlice[] = [];
  let tierStart = 0;
  for (const tier of TIERS) {
    const tierEnd = tierStart + sizes[tier];
    const from = Math.max(start, tierStart);
    const to = Math.min(end, tierEnd);
    if (to > from) slices.push({ tier, offset: from - tierStart, limit: to - from });
    tierStart = tierEnd;
  }
  return { total, capped: counts.all > cap, slices };
}

/** Index ids that sort by recency: the time in ms, then 10 bits from the document key. */
export function recencyId(sortTime: number, key: string, attempt = 0): number {
  let hash = 0;
  for (let i = 0; i < key.length; i += 1) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return sortTime * 1024 + ((hash + attempt) % 1024);
}
