import type { NewsArticleInput, PageMetaInput } from './types';

/** Google shows at most 110 characters of a headline: cut on a word, with an ellipsis. */
export function headline(title: string, max = 110): string {
  const chars = Array.from(title.trim());
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const compact = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));

/** schema.org NewsArticle for Google News; the publisher stands in as author when none is named. */
export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const publisher = {
    '@type': 'Organization',
    name: input.publisher.name,
    logo: { '@type': 'ImageObject', url: input.publisher.logoUrl },
  };
  const { wide, standard, square, fallback } = input.images;
  const crops = [wide, standard, square].filter((u): u is string => Boolean(u));
  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: headline(input.headline),
    description: input.description,
    image: crops.length ? crops : fallback ? [fallback] : undefined,
    datePublished: input.datePublished.toISOString(),
    dateModified: input.dateModified.toISOString(),
    author: input.authorName ? [{ '@type': 'Person', name: input.authorName }] : [{ '@type': 'Organization', name: input.publisher.name }],
    publisher,
    inLanguage: input.inLanguage,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    articleSection: input.section,
    keywords: input.keywords?.length ? input.keywords.join(', ') : undefined,
  });
}

/** Title, description, canonical link, Open Graph and Twitter card fields, ready to print as tags. */
export function pageMeta(input: PageMetaInput): Record<string, unknown> {
  const iso = (d?: Date) => d?.toISOString();
  const image = input.image;
  return compact({
    title: input.title,
    description: input.description,
    canonical: input.canonical,
    robots: input.noIndex ? 'noindex, nofollow' : undefined,
    openGraph: compact({
      'og:title': input.title,
      'og:description': input.description,
      'og:url': input.canonical,
      'og:type': input.type,
      'og:site_name': input.siteName,
      'og:locale': input.ogLocale,
      'og:locale:alternate': input.alternateOgLocales?.length ? input.alternateOgLocales : undefined,
      'og:image': image?.url,
      'og:image:width': image?.width,
      'og:image:height': image?.height,
      'og:image:alt': image?.alt || undefined,
      'article:published_time': input.type === 'article' ? iso(input.publishedTime) : undefined,
      'article:modified_time': input.type === 'article' ? iso(input.modifiedTime) : undefined,
      'article:section': input.type === 'article' ? input.section : undefined,
    }),
    twitter: compact({
      'twitter:card': image ? 'summary_large_image' : 'summary',
      'twitter:title': input.title,
      'twitter:description': input.description,
      'twitter:image': image?.url,
      'twitter:image:alt': image?.alt || undefined,
      'twitter:site': input.twitterSite,
    }),
  });
}

/** JSON for an inline <script>: "</script>" or "<!--" in a title cannot end or bend the element. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
