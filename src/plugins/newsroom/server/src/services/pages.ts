import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { blocksToText } from '../utils/blocks-html';
import { datelineText, shortDateText } from '../utils/dates';
import { bestFormat, CROP_KEYS, imageCard, isMediaFile, type MediaFile } from '../utils/media';
import { NEWEST_FIRST, type Filters } from '../utils/document-params';
import { jsonLdScript, pageMeta, newsArticleJsonLd } from '../utils/structured-data';
import { absoluteUrl } from '../utils/urls';
import type { Locales, PageType } from './site';
import { getService } from '../utils/get-service';
import { notPublished } from '../utils/messages';

type Doc = Record<string, unknown> & { documentId: string; locale?: string };
type Auth = unknown;

/** Fields of a story in lists ("Tin khác", section pages). */
const CARD_FIELDS = ['title', 'slug', 'dateline', 'locale', 'publishedAt'];

export interface ListParams {
  page: number;
  pageSize: number;
}

export type PageResult =
  | { kind: 'page'; body: Record<string, unknown> }
  | { kind: 'redirect'; slug: string; url: string };

/** documentIds of a populated relation, one or many. */
const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).map((d) => (d as Doc).documentId);

const dateOf = (doc: Doc): Date | undefined => {
  const value = (doc.dateline ?? doc.publishedAt) as string | undefined;
  return value ? new Date(value) : undefined;
};

export const pages = ({ strapi }: { strapi: Core.Strapi }) => {
  const site = () => getService(strapi, 'site');

  const sanitize = (doc: Doc, type: PageType, auth: Auth) =>
    strapi.contentAPI.sanitize.output(doc, strapi.getModel(site().uid(type)), { auth }) as Promise<Doc>;

  /** A list item of "Tin khác" and of taxonomy pages. */
  function articleCard(a: Doc, loc: Locales) {
    const { timeZone } = site().config();
    const date = dateOf(a);
    const slug = String(a.slug ?? '');
    return {
      documentId: a.documentId,
      title: a.title,
      slug,
      locale: a.locale ?? loc.locale,
      dateline: date?.toISOString() ?? null,
      datelineText: date ? datelineText(date, loc.locale, timeZone) : null,
      dateText: date ? shortDateText(date, timeZone) : null,
      url: site().pageUrl(site().story().type, slug, loc.locale, loc.defaultLocale),
      cover: imageCard(a.cover, 'thumbnail'),
    };
  }

  /** The published entry with this slug in this locale, or where a previous slug now points. */
  async function lookup(type: PageType, slug: string, loc: Locales): Promise<{ doc: Doc } | { redirect: string } | null> {
    if (slug.length > 255) return null;
    const uid = site().uid(type);
    const found = (await strapi.documents(uid).findFirst({
      locale: loc.locale,
      status: 'published',
      filters: { slug: { $eq: slug } },
      populate: site().page(type).populate,
    })) as Doc | null;
    if (found) return { doc: found };

    // Previous slugs, when a plugin keeps them (config `slugHistory`).
    const history = getService(strapi, 'slug-history').provider();
    const hit = history ? await history.currentSlug(uid, loc.locale, slug) : null;
    if (!hit || hit.slug === slug) return null;
    const target = await strapi.documents(uid).findFirst({
      locale: loc.locale,
      status: 'published',
      filters: { documentId: hit.documentId, slug: { $eq: hit.slug } },
      fields: ['slug'],
    });
    return target ? { redirect: hit.slug } : null;
  }

  /** The same document in the other published locales (hreflang links). */
  async function alternates(type: PageType, documentId: string, loc: Locales) {
    const rows = (await strapi.db.query(site().uid(type)).findMany({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['locale', 'slug'],
      orderBy: { locale: 'asc' },
    })) as { locale: string; slug: string }[];
    return rows
      .filter((r) => r.slug && loc.codes.includes(r.locale))
      .map((r) => ({ locale: r.locale, slug: r.slug, url: site().pageUrl(type, r.slug, r.locale, loc.defaultLocale) }));
  }

  /** Published stories of the locale matching `filters`, newest first. */
  async function latestArticles(filters: Filters, loc: Locales, start: number, limit: number): Promise<Doc[]> {
    if (limit <= 0) return [];
    return (await strapi.documents(site().story().uid).findMany({
      locale: loc.locale,
      status: 'published',
      filters,
      fields: CARD_FIELDS,
      populate: { cover: true },
      sort: NEWEST_FIRST,
      start,
      limit,
    })) as Doc[];
  }

  /**
   * "Tin khác": the editor's hand-picked related stories first, in their order, then the most
   * recent published stories sharing an entry of a `story.relatedBy` relation (here a bloc,
   * movement or category).
   */
  async function related(article: Doc, loc: Locales): Promise<Doc[]> {
    const limit = site().config().relatedLimit;
    const picked = ((article.related as Doc[] | undefined) ?? [])
      .filter((r) => r.documentId !== article.documentId && (r.locale ?? loc.locale) === loc.locale && r.publishedAt)
      .slice(0, limit);
    const shared = site()
      .story()
      .relatedBy.map((relation) => [relation, idsOf(article[relation])] as const)
      .filter(([, ids]) => ids.length > 0)
      .map(([relation, ids]) => ({ [relation]: { documentId: { $in: ids } } }));
    if (shared.length === 0 || picked.length >= limit) return picked;
    const exclude = [article.documentId, ...picked.map((p) => p.documentId)];
    const more = await latestArticles({ documentId: { $notIn: exclude }, $or: shared }, loc, 0, limit - picked.length);
    return [...picked, ...more];
  }

  function articleExtras(article: Doc, loc: Locales, others: { locale: string; url: string }[]) {
    const config = site().config();
    const story = site().story();
    const url = site().pageUrl(story.type, String(article.slug), loc.locale, loc.defaultLocale);
    const seo = (article.seo ?? {}) as { metaTitle?: string; metaDescription?: string; canonicalUrl?: string; noIndex?: boolean; ogImage?: unknown };
    const description = seo.metaDescription || (article.summary as string | undefined) || blocksToText(article.body).slice(0, 200) || undefined;
    const published = dateOf(article) ?? new Date();
    const updated = new Date((article.updatedAt as string | undefined) ?? published);
    const modified = updated > published ? updated : published;
    const cover = isMediaFile(article.cover) ? (article.cover as MediaFile) : undefined;
    const crop = (key: string) => (cover?.formats?.[key]?.url ? site().mediaUrl(cover.formats[key].url) : undefined);
    const category = (story.section ? article[story.section] : undefined) as Doc | null | undefined;
    const names = (key: string) => ((article[key] as Doc[] | undefined) ?? []).map((d) => String(d.name));
    const shareImage = isMediaFile(seo.ogImage) ? (seo.ogImage as MediaFile) : cover;
    const social = shareImage ? bestFormat(shareImage, ['social', 'large', 'medium']) : undefined;
    const ogLocale = (locale: string) => site().languageTag(locale).replace('-', '_');

    const jsonLd = newsArticleJsonLd({
      url,
      headline: String(article.title),
      description,
      datePublished: published,
      dateModified: modified,
      authorName: (article.author as string | undefined) || undefined,
      images: {
        wide: crop(CROP_KEYS.wide),
        standard: crop(CROP_KEYS.standard),
        square: crop(CROP_KEYS.square),
        fallback: cover ? site().mediaUrl(cover.url) : undefined,
      },
      publisher: { name: config.publisher.name, logoUrl: absoluteUrl(config.siteUrl, config.publisher.logo) ?? config.siteUrl },
      inLanguage: site().languageTag(loc.locale),
      section: category ? String(category.name) : undefined,
      keywords: story.keywords.flatMap(names),
    });
    const meta = pageMeta({
      title: seo.metaTitle || String(article.title),
      description,
      canonical: seo.canonicalUrl || url,
      image: social
        ? { url: site().mediaUrl(social.url) ?? social.url, width: social.width, height: social.height, alt: shareImage?.alternativeText ?? undefined }
        : undefined,
      siteName: config.siteName,
      ogLocale: ogLocale(loc.locale),
      alternateOgLocales: others.filter((o) => o.locale !== loc.locale).map((o) => ogLocale(o.locale)),
      type: 'article',
      publishedTime: published,
      modifiedTime: modified,
      section: category ? String(category.name) : undefined,
      twitterSite: config.twitterSite || undefined,
      noIndex: seo.noIndex === true,
    });
    // jsonLd is data; jsonLdScript is the same JSON with "<" escaped, to print inside a
    // <script type="application/ld+json"> as is (a title may contain "</script>").
    return { url, jsonLd, jsonLdScript: jsonLdScript(jsonLd), meta };
  }

  /**
   * The term in force this year (e.g. a bloc's leader and deputy), in the newsroom's time zone;
   * the terms are sorted newest first on the page.
   */
  function currentTerm(doc: Doc, { field, year: yearField }: { field: string; year: string }) {
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: site().config().timeZone, year: 'numeric' }).format(new Date()));
    const terms = ((doc[field] as Doc[] | undefined) ?? []).slice().sort((a, b) => Number(b[yearField]) - Number(a[yearField]));
    doc[field] = terms;
    // Leaders change at the year-end review: until this year's term is entered, the latest one holds.
    return terms.find((t) => Number(t[yearField]) <= year) ?? null;
  }

  /** The app's fields for this page type (config `pages[type].extras`), with a script form of its JSON-LD. */
  async function appExtras(type: PageType, entry: Record<string, unknown>, loc: Locales, url: string): Promise<Record<string, unknown>> {
    const provider = getService(strapi, 'page-extras').provider(type);
    if (!provider) return {};
    const extras = await provider.pageExtras(entry, {
      type,
      locale: loc.locale,
      url,
      languageTag: site().languageTag(loc.locale),
      pageUrl: (other, slug) => site().pageUrl(other, slug, loc.locale, loc.defaultLocale),
      mediaUrl: (media) => site().mediaUrl(media) ?? media,
    });
    return extras.jsonLd && typeof extras.jsonLd === 'object' ? { ...extras, jsonLdScript: jsonLdScript(extras.jsonLd as Record<string, unknown>) } : extras;
  }

  return {
    /** A page by slug: the entry populated for rendering, or a redirect from a previous slug. */
    async find(type: PageType, slug: string, loc: Locales, list: ListParams, auth: Auth): Promise<PageResult> {
      if (typeof slug !== 'string') throw new errors.NotFoundError('Thiếu đường dẫn (slug) của trang.');
      const hit = await lookup(type, slug, loc);
      if (!hit) throw new errors.NotFoundError(notPublished(site().label(type), slug, loc.locale));
      if ('redirect' in hit) {
        return { kind: 'redirect', slug: hit.redirect, url: site().pageUrl(type, hit.redirect, loc.locale, loc.defaultLocale) };
      }
      const found = hit.doc;
      const others = await alternates(type, found.documentId, loc);

      const page = site().page(type);
      if (site().config().story?.page === type) {
        const picks = await related(found, loc);
        const data = await sanitize(found, type, auth);
        const date = dateOf(found);
        const { timeZone } = site().config();
        return {
          kind: 'page',
          body: {
            data: {
              ...data,
              datelineText: date ? datelineText(date, loc.locale, timeZone) : null,
              // The same short stamp as on related items ("27/11/2019 15:20").
              dateText: date ? shortDateText(date, timeZone) : null,
              related: picks.map((p) => articleCard(p, loc)),
              alternates: others,
              ...articleExtras(found, loc, others),
            },
            meta: {},
          },
        };
      }

      const term = page.currentTerm ? currentTerm(found, page.currentTerm) : undefined;
      const data = await sanitize(found, type, auth);
      // A page that lists no stories (or a site without a story page) has an empty list.
      const story = page.stories ? site().config().story : undefined;
      const filters = page.stories ? { [page.stories]: { documentId: found.documentId } } : {};
      const [articles, total] = story
        ? await Promise.all([
            latestArticles(filters, loc, (list.page - 1) * list.pageSize, list.pageSize),
            strapi.documents(site().story().uid).count({ locale: loc.locale, status: 'published', filters }),
          ])
        : [[], 0];
      const url = site().pageUrl(type, String(found.slug), loc.locale, loc.defaultLocale);
      const config = site().config();
      const extras = await appExtras(type, data, loc, url);
      return {
        kind: 'page',
        body: {
          data: {
            ...data,
            ...extras,
            ...(term !== undefined ? { currentTerm: term } : {}),
            articles: articles.map((a) => articleCard(a, loc)),
            alternates: others,
            url,
            meta: pageMeta({
              title: String(found[site().nameField(type)]),
              description: (found.description as string | undefined) || undefined,
              canonical: url,
              siteName: config.siteName,
              ogLocale: site().languageTag(loc.locale).replace('-', '_'),
              type: 'website',
            }),
          },
          meta: {
            pagination: { page: list.page, pageSize: list.pageSize, pageCount: Math.ceil(total / list.pageSize), total },
          },
        },
      };
    },
  };
};

export type Pages = ReturnType<typeof pages>;
