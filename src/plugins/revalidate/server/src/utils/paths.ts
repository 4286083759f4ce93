/** Where one content type lives on the website. */
export interface PagePattern {
  /** The page of one entry, with `{slug}`: `/tin-tuc/{slug}`. */
  path: string;
  /** Relations whose pages show this entry (an article on its category's page): their pages are affected too. */
  relations?: string[];
  /** Pages listing this type whatever the entry: home, feeds. */
  also?: string[];
}

export interface SitePaths {
  /** PUBLIC_SITE_URL: its path, if any, prefixes every page (`https://x.vn/tin` → `/tin/…`). */
  siteUrl: string;
  /** Path prefix per locale; the default locale usually has none. */
  localePrefix: Record<string, string>;
  types: Record<string, PagePattern>;
}

export interface Affected {
  uid: string;
  locale: string | null;
  slug: string | null;
  previousSlug: string | null;
  /** Entries shown with this one (its category, blocs…), by content type. */
  related: { uid: string; slug: string }[];
}

const fill = (pattern: string, slug: string) => pattern.replace('{slug}', encodeURIComponent(slug));

/** The website paths a change affects, each once, in a stable order. */
export function affectedPaths(change: Affected, site: SitePaths): string[] {
  const base = new URL(site.siteUrl).pathname.replace(/\/+$/, '') + (change.locale ? (site.localePrefix[change.locale] ?? '') : '');
  const own = site.types[change.uid];
  const paths: string[] = [];
  if (own) {
    for (const slug of [change.slug, change.previousSlug]) if (slug) paths.push(fill(own.path, slug));
    paths.push(...(own.also ?? []));
  }
  for (const r of change.related) {
    const pattern = site.types[r.uid];
    if (pattern && r.slug) paths.push(fill(pattern.path, r.slug));
  }
  return [...new Set(paths.map((p) => (base + p).replace(/\/+$/, '') || '/'))];
}
