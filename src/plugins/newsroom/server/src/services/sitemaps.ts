import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { buildNewsSitemap, buildSitemapIndex, buildUrlSet, chunk, SITEMAP_MAX_URLS } from '../utils/sitemaps';
import type { SitemapRef, SitemapUrl } from '../utils/types';
import type { Locales, PageType } from './site';
import { getService } from '../utils/get-service';
import { homeUrl } from '../utils/urls';

interface Row {
  documentId: string;
  locale: string;
  slug: string | null;
  updatedAt: string;
  publishedAt: string;
  dateline?: string | null;
  title?: string;
  seo?: { noIndex?: boolean | null } | null;
}

export const sitemaps = ({ strapi }: { strapi: Core.Strapi }) => {
  const site = () => getService(strapi, 'site');

  /** Whether a page type is the story page (it has a dateline, a title and an `seo` component with noIndex). */
  const isStory = (type: PageType) => site().config().story?.page === type;

  /** Published rows of a type with a slug, minus those an editor marked noIndex. */
  async function publishedRows(type: PageType, where: object = {}): Promise<Row[]> {
    const rows = (await strapi.db.query(site().uid(type)).findMany({
      where: { ...where, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale', 'slug', 'updatedAt', 'publishedAt', ...(isStory(type) ? ['dateline', 'title'] : [])],
      ...(isStory(type) ? { populate: { seo: { select: ['noIndex'] } } } : {}),
      orderBy: [{ documentId: 'asc' }, { locale: 'asc' }],
    })) as Row[];
    return rows.filter((r) => r.slug && r.seo?.noIndex !== true);
  }

  /** One <url> per published locale version, each listing every version as an hreflang alternate. */
  async function urls(type: PageType, { defaultLocale, codes }: Locales): Promise<SitemapUrl[]> {
    const rows = (await publishedRows(type)).filter((r) => codes.includes(r.locale));
    const byDocument = new Map<string, Row[]>();
    for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
    const out: SitemapUrl[] = [];
    for (const versions of byDocument.values()) {
      const link = (r: Row) => site().pageUrl(type, String(r.slug), r.locale, defaultLocale);
      const alternates =
        versions.length > 1
          ? [
              ...versions.map((r) => ({ hreflang: site().languageTag(r.locale), href: link(r) })),
              ...versions.filter((r) => r.locale === defaultLocale).map((r) => ({ hreflang: 'x-default', href: link(r) })),
            ]
          : undefined;
      for (const r of versions) out.push({ loc: link(r), lastmod: new Date(r.updatedAt), alternates });
    }
    return out;
  }

  return {
    /** The sitemap index: one file per type and per 50,000 URLs. */
    async index(): Promise<string> {
      const refs: SitemapRef[] = [];
      const locales = await site().locales();
      for (const type of site().pageTypes()) {
        const list = await urls(type, locales);
        const parts = chunk(list, SITEMAP_MAX_URLS);
        parts.forEach((part, i) => {
          const lastmod = part.reduce<Date | undefined>((max, u) => (u.lastmod && (!max || u.lastmod > max) ? u.lastmod : max), undefined);
          refs.push({ loc: site().apiUrl(`/api/sitemaps/${site().page(type).sitemap}-${i + 1}.xml`), lastmod });
        });
      }
      return buildSitemapIndex(refs);
    },

    /** One part of a type's sitemap, by its file name ("articles-2.xml"). */
    async part(name: string): Promise<string> {
      const match = /^([a-z]+)-([1-9]\d{0,5})\.xml$/.exec(name);
      const type = match && site().pageTypes().find((t) => site().page(t).sitemap === match[1]);
      const part = type ? chunk(await urls(type, await site().locales()), SITEMAP_MAX_URLS)[Number(match[2]) - 1] : undefined;
      if (!part) throw new errors.NotFoundError(`Không có sitemap "${name.slice(0, 100)}".`);
      return buildUrlSet(part);
    },

    /** Google News: articles published in the last hours (48 by default), newest first. */
    async news(now = new Date()): Promise<string> {
      const config = site().config();
      const story = site().story();
      const { defaultLocale, codes } = await site().locales();
      const since = new Date(now.getTime() - config.newsSitemapHours * 3600_000);
      const rows = (await publishedRows(story.type, { dateline: { $gte: since, $lte: now } }))
        .filter((r) => codes.includes(r.locale))
        .sort((a, b) => new Date(String(b.dateline)).getTime() - new Date(String(a.dateline)).getTime());
      return buildNewsSitemap(
        rows.map((r) => ({
          loc: site().pageUrl(story.type, String(r.slug), r.locale, defaultLocale),
          title: String(r.title),
          published: new Date(String(r.dateline ?? r.publishedAt)),
          language: site().languageTag(r.locale).split('-')[0],
        })),
        config.siteName,
        homeUrl(config, defaultLocale, defaultLocale)
      );
    },
  };
};

export type Sitemaps = ReturnType<typeof sitemaps>;
