import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { blocksToHtml } from '../utils/blocks-html';
import { buildAtom, buildJsonFeed, buildRss } from '../utils/feeds';
import { NEWEST_FIRST, type Filters } from '../utils/document-params';
import { bestFormat, byteLength, isMediaFile, type MediaFile } from '../utils/media';
import type { FeedChannel, FeedItem } from '../utils/types';
import { absoluteUrl, homeUrl } from '../utils/urls';
import type { Locales, Site } from './site';
import { getService } from '../utils/get-service';
import { notPublished } from '../utils/messages';

export type FeedKind = 'rss' | 'atom' | 'json';


const CONTENT_TYPE: Record<FeedKind, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
const PATH: Record<FeedKind, string> = { rss: '/api/feeds/rss.xml', atom: '/api/feeds/atom.xml', json: '/api/feeds/feed.json' };

type Doc = Record<string, unknown> & { documentId: string };

export const feeds = ({ strapi }: { strapi: Core.Strapi }) => {
  const site = () => getService(strapi, 'site');

  /** Section page types and the story relation pointing at each: `?category=slug` narrows by `category`. */
  function sections(): [string, string][] {
    const { pages } = site().config();
    return Object.entries(pages).flatMap(([type, page]) => (page.stories ? [[type, page.stories] as [string, string]] : []));
  }

  /** Each filter's slug resolved to its published entry in the feed's locale; an unknown slug is a 404. */
  async function resolveFilters(query: Record<string, string>, loc: Locales) {
    const filters: Filters[] = [];
    const names: string[] = [];
    for (const [key, relation] of sections()) {
      const slug = query[key];
      if (slug === undefined) continue;
      const entry = (await strapi.documents(site().uid(key)).findFirst({
        locale: loc.locale,
        status: 'published',
        filters: { slug: { $eq: slug } },
        fields: [site().nameField(key), 'slug'],
      })) as Doc | null;
      if (!entry) throw new errors.NotFoundError(notPublished(site().label(key), slug, loc.locale));
      filters.push({ [relation]: { documentId: entry.documentId } });
      names.push(String(entry[site().nameField(key)]));
    }
    return { filters, names };
  }

  function toItem(a: Doc, loc: Locales, story: ReturnType<Site['story']>): FeedItem {
    const url = site().pageUrl(story.type, String(a.slug), loc.locale, loc.defaultLocale);
    const published = new Date(String(a.dateline ?? a.publishedAt));
    const updated = new Date(String(a.updatedAt ?? published));
    const cover = isMediaFile(a.cover) ? (a.cover as MediaFile) : undefined;
    // The feed shows a mid-size picture rather than a multi-megabyte original.
    const picture = cover ? bestFormat(cover, ['medium', 'large', 'small']) : undefined;
    const category = (story.section ? a[story.section] : undefined) as Doc | null | undefined;
    return {
      id: url,
      url,
      title: String(a.title),
      summary: (a.summary as string | undefined) || undefined,
      contentHtml: blocksToHtml(a.body, { mediaBaseUrl: site().mediaUrl('/') }) || undefined,
      published,
      updated: updated > published ? updated : published,
      author: (a.author as string | undefined) || undefined,
      categories: category?.name ? [String(category.name)] : [],
      image:
        picture && cover
          ? {
              url: site().mediaUrl(picture.url) ?? picture.url,
              mime: picture.mime ?? 'image/jpeg',
              length: byteLength(picture),
              width: picture.width,
              height: picture.height,
              alt: cover.alternativeText ?? undefined,
            }
          : undefined,
    };
  }

  return {
    /** The query parameters that narrow a feed: the section page types. */
    filterNames(): string[] {
      return sections().map(([type]) => type);
    },

    /** The latest published stories as RSS, Atom or JSON Feed. */
    async build(kind: FeedKind, query: Record<string, string>, loc: Locales) {
      const config = site().config();
      const story = site().story();
      const { filters, names } = await resolveFilters(query, loc);
      const articles = (await strapi.documents(story.uid).findMany({
        locale: loc.locale,
        status: 'published',
        filters: filters.length ? { $and: filters } : {},
        fields: ['title', 'slug', 'summary', 'body', 'author', 'dateline', 'publishedAt', 'updatedAt'],
        populate: { cover: true, ...(story.section ? { [story.section]: { fields: ['name'] } } : {}) },
        sort: NEWEST_FIRST,
        limit: config.feedLimit,
      })) as Doc[];
      const items = articles.map((a) => toItem(a, loc, story));

      const params = new URLSearchParams();
      if (loc.locale !== loc.defaultLocale) params.set('locale', loc.locale);
      for (const [key] of sections()) if (query[key] !== undefined) params.set(key, String(query[key]));
      const search = params.toString();
      const newest = items.reduce<Date | undefined>((max, i) => (!max || i.updated > max ? i.updated : max), undefined);
      const home = homeUrl(config, loc.locale, loc.defaultLocale);
      const channel: FeedChannel = {
        title: [config.siteName, ...names].join(' – '),
        description: config.siteDescription,
        siteUrl: home,
        feedUrl: site().apiUrl(PATH[kind] + (search ? `?${search}` : '')),
        language: site().languageTag(loc.locale),
        updated: newest ?? new Date(),
        icon: absoluteUrl(config.siteUrl, config.publisher.logo),
      };
      const body = kind === 'rss' ? buildRss(channel, items) : kind === 'atom' ? buildAtom(channel, items) : JSON.stringify(buildJsonFeed(channel, items));
      return { body, type: CONTENT_TYPE[kind], updated: channel.updated };
    },
  };
};

export type Feeds = ReturnType<typeof feeds>;
