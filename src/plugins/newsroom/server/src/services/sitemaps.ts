import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { buildNewsSitemap, buildSitemapIndex, buildUrlSet, partCount } from '../utils/sitemaps';
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

  const perPart = () => site().config().sitemapUrlsPerPart;
  const PUBLISHED = { publishedAt: { $notNull: true } };

  /**
   * The sitemap index reads no rows: per type, how many published versions there are (so how
   * many parts) and each part's newest change. It read every row before, 262 ms at 10,000
   * articles; parts are cut by position in (documentId, locale) order, as part() reads them.
   */
  async function partsOf(type: PageType): Promise<(Date | undefined)[]> {
    const meta = strapi.db.metadata.get(site().uid(type));
    const column = (attribute: string) => (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
    const knex = strapi.db.connection;
    const published = () => knex(meta.tableName).whereNotNull(column('publishedAt'));
    const date = (value: string | number | Date | null) => (value === null ? undefined : new Date(value));
    // One statement for the whole type: how many versions, and the newest change (an aggregate:
    // no rows sent to Node).
    const [whole] = (await published().count({ count: '*' }).max({ lastmod: column('updatedAt') })) as { count: number | string; lastmod: string | number | Date | null }[];
    const parts = partCount(Number(whole.count), perPart());
    if (parts <= 1) return parts === 1 ? [date(whole.lastmod)] : [];
    const lastmods: (Date | undefined)[] = [];
    for (let part = 0; part < parts; part += 1) {
      const slice = published()
        .select(column('updatedAt'))
        .orderBy([column('documentId'), column('locale')])
        .offset(part * perPart())
        .limit(perPart())
        .as('part');
      const [{ lastmod }] = (await knex.max({ lastmod: column('updatedAt') }).from(slice)) as { lastmod: string | number | Date | null }[];
      lastmods.push(date(lastmod));
    }
    return lastmods;
  }

  /**
   * One part: its slice of published versions in (documentId, locale) order, then every published
   * version of those documents (the hreflang alternates, which may sit across a part's edge).
   */
  async function partUrls(type: PageType, index: number, { defaultLocale, codes }: Locales): Promise<SitemapUrl[] | undefined> {
    const slice = (await strapi.db.query(site().uid(type)).findMany({
      where: PUBLISHED,
      select: ['documentId', 'locale'],
      orderBy: [{ documentId: 'asc' }, { locale: 'asc' }],
      offset: index * perPart(),
      limit: perPart(),
    })) as Pick<Row, 'documentId' | 'locale'>[];
    if (slice.length === 0) return undefined;
    const inSlice = new Set(slice.map((r) => `${r.documentId} ${r.locale}`));
    const documents = [...new Set(slice.map((r) => r.documentId))];
    const rows = (await publishedRows(type, { documentId: { $in: documents } })).filter((r) => codes.includes(r.locale));
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
      for (const r of versions) if (inSlice.has(`${r.documentId} ${r.locale}`)) out.push({ loc: link(r), lastmod: new Date(r.updatedAt), alternates });
    }
    return out;
  }

  return {
    /** The sitemap index: one file per type and per `sitemapUrlsPerPart` published versions. */
    async index(): Promise<string> {
      const refs: SitemapRef[] = [];
      for (const type of site().pageTypes()) {
        (await partsOf(type)).forEach((lastmod, i) => {
          refs.push({ loc: site().apiUrl(`/api/sitemaps/${site().page(type).sitemap}-${i + 1}.xml`), lastmod });
        });
      }
      return buildSitemapIndex(refs);
    },

    /** One part of a type's sitemap, by its file name ("articles-2.xml"). */
    async part(name: string): Promise<string> {
      const match = /^([a-z]+)-([1-9]\d{0,5})\.xml$/.exec(name);
      const type = match && site().pageTypes().find((t) => site().page(t).sitemap === match[1]);
      const part = type ? await partUrls(type, Number(match[2]) - 1, await site().locales()) : undefined;
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
