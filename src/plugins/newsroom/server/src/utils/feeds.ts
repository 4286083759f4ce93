import type { FeedChannel, FeedItem } from './types';
import { attributes, cdata, element, empty, escapeXml, isoDate, rfc822Date, XML_DECLARATION } from './xml';

/** RSS 2.0 with the Atom self link, Dublin Core creators, full text and Media RSS pictures. */
export function buildRss(channel: FeedChannel, items: FeedItem[]): string {
  const out = [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.siteUrl),
    element('description', channel.description),
    element('language', channel.language),
    element('lastBuildDate', rfc822Date(channel.updated)),
    empty('atom:link', { href: channel.feedUrl, rel: 'self', type: 'application/rss+xml' }),
    channel.icon ? `<image>${element('url', channel.icon)}${element('title', channel.title)}${element('link', channel.siteUrl)}</image>` : '',
  ];
  for (const item of items) {
    out.push(
      '<item>',
      element('title', item.title),
      element('link', item.url),
      element('guid', item.id, { isPermaLink: item.id === item.url ? 'true' : 'false' }),
      element('pubDate', rfc822Date(item.published)),
      element('description', item.summary),
      item.contentHtml ? `<content:encoded>${cdata(item.contentHtml)}</content:encoded>` : '',
      element('dc:creator', item.author),
      ...item.categories.map((c) => element('category', c)),
      item.image ? empty('enclosure', { url: item.image.url, type: item.image.mime, length: item.image.length ?? 0 }) : '',
      item.image
        ? `<media:content${attributes({ url: item.image.url, type: item.image.mime, medium: 'image', width: item.image.width, height: item.image.height })}>` +
            `${element('media:description', item.image.alt)}</media:content>`
        : '',
      '</item>'
    );
  }
  out.push('</channel>', '</rss>');
  return out.filter(Boolean).join('\n');
}

/** Atom 1.0 (RFC 4287). */
export function buildAtom(channel: FeedChannel, items: FeedItem[]): string {
  const out = [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(channel.language)}">`,
    element('id', channel.feedUrl),
    element('title', channel.title),
    element('subtitle', channel.description),
    element('updated', isoDate(channel.updated)),
    // The site first: readers that take the first <link> as the feed's home (feedparser's `feed.link`
    // when rel is missing, several apps) otherwise linked the feed file itself.
    empty('link', { rel: 'alternate', type: 'text/html', href: channel.siteUrl }),
    empty('link', { rel: 'self', type: 'application/atom+xml', href: channel.feedUrl }),
    channel.icon ? element('icon', channel.icon) : '',
    // Atom needs an author on the feed when an entry has none.
    `<author>${element('name', channel.title)}</author>`,
  ];
  for (const item of items) {
    out.push(
      '<entry>',
      element('id', item.id),
      element('title', item.title, { type: 'text' }),
      empty('link', { rel: 'alternate', type: 'text/html', href: item.url }),
      element('published', isoDate(item.published)),
      element('updated', isoDate(item.updated)),
      item.author ? `<author>${element('name', item.author)}</author>` : '',
      ...item.categories.map((c) => empty('category', { term: c })),
      element('summary', item.summary, { type: 'text' }),
      element('content', item.contentHtml, { type: 'html' }),
      item.image ? empty('link', { rel: 'enclosure', type: item.image.mime, href: item.image.url, length: item.image.length }) : '',
      '</entry>'
    );
  }
  out.push('</feed>');
  return out.filter(Boolean).join('\n');
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); keys without a value are left out. */
export function buildJsonFeed(channel: FeedChannel, items: FeedItem[]): Record<string, unknown> {
  return compact({
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.siteUrl,
    feed_url: channel.feedUrl,
    description: channel.description,
    language: channel.language,
    icon: channel.icon,
    items: items.map((item) =>
      compact({
        id: item.id,
        url: item.url,
        title: item.title,
        summary: item.summary,
        // JSON Feed requires content_html or content_text.
        content_html: item.contentHtml ?? (item.summary ? undefined : ''),
        content_text: item.contentHtml ? undefined : item.summary,
        image: item.image?.url,
        date_published: isoDate(item.published),
        date_modified: isoDate(item.updated),
        authors: item.author ? [{ name: item.author }] : undefined,
        tags: item.categories.length ? item.categories : undefined,
      })
    ),
  });
}

const compact = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
