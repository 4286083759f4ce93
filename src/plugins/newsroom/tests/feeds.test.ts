import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildAtom, buildJsonFeed, buildRss } from '../server/src/utils/feeds';
import { byteLength } from '../server/src/utils/media';
import type { FeedChannel, FeedItem } from '../server/src/utils/types';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
});

const TRICKY = `Khối Mặt trận – Đoàn thể tổng kết 2019 & triển khai <2020> "mới" 'đặc biệt'`;
const channel: FeedChannel = {
  title: 'Cổng TĐKT – Tin & sự kiện',
  description: 'Tin thi đua, khen thưởng',
  siteUrl: 'https://example.vn',
  feedUrl: 'https://cms.example.vn/api/feeds/rss.xml?bloc=a&category=b',
  language: 'vi-VN',
  updated: new Date('2024-03-01T02:00:00Z'),
  icon: 'https://example.vn/logo.png',
};
const full: FeedItem = {
  id: 'https://example.vn/tin-tuc/a',
  url: 'https://example.vn/tin-tuc/a',
  title: TRICKY,
  summary: 'Tóm tắt <ngắn> & gọn',
  contentHtml: '<p>Đoạn một</p><p>Chuỗi ]]> lạ</p>',
  published: new Date('2024-02-28T09:45:00Z'),
  updated: new Date('2024-03-01T02:00:00Z'),
  author: 'Minh Anh',
  categories: ['Tin hoạt động cụm, khối thi đua'],
  image: { url: 'https://cms.example.vn/uploads/medium_a.jpg', mime: 'image/jpeg', length: 53_248, width: 750, height: 500, alt: 'Lễ ký kết' },
};
const bare: FeedItem = {
  id: 'https://example.vn/tin-tuc/b',
  url: 'https://example.vn/tin-tuc/b',
  title: 'Tin không ảnh',
  published: new Date('2024-02-27T01:00:00Z'),
  updated: new Date('2024-02-27T01:00:00Z'),
  categories: [],
};

describe('RSS 2.0', () => {
  const xml = buildRss(channel, [full, bare]);
  const rss = parser.parse(xml).rss;

  it('is well-formed with the required channel elements', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.title).toBe(channel.title);
    expect(rss.channel.link).toEqual([channel.siteUrl]);
    expect(rss.channel.description).toBe(channel.description);
    expect(rss.channel.language).toBe('vi-VN');
    expect(rss.channel.lastBuildDate).toBe('Fri, 01 Mar 2024 02:00:00 GMT');
    expect(rss.channel['atom:link']['@href']).toBe(channel.feedUrl);
    expect(rss.channel['atom:link']['@rel']).toBe('self');
  });

  it('carries each item with escaped text, full content and the cover as enclosure', () => {
    const [a, b] = rss.channel.item;
    expect(a.title).toBe(TRICKY);
    expect(a.link).toEqual([full.url]);
    expect(a.guid['#text']).toBe(full.id);
    expect(a.guid['@isPermaLink']).toBe('true');
    expect(a.pubDate).toBe('Wed, 28 Feb 2024 09:45:00 GMT');
    expect(a.description).toBe(full.summary);
    expect(a['content:encoded']).toBe(full.contentHtml);
    expect(a['dc:creator']).toBe('Minh Anh');
    expect(a.category).toEqual(['Tin hoạt động cụm, khối thi đua']);
    expect(a.enclosure).toMatchObject({ '@url': full.image!.url, '@type': 'image/jpeg', '@length': '53248' });
    expect(a['media:content']).toMatchObject({ '@width': '750', '@height': '500', '@medium': 'image' });
    // Missing values leave their elements out instead of writing empty ones.
    expect(b).not.toHaveProperty('description');
    expect(b).not.toHaveProperty('enclosure');
    expect(b).not.toHaveProperty('dc:creator');
  });

  it('survives control characters pasted into a title', () => {
    const out = buildRss(channel, [{ ...bare, title: 'Tin\u0000 có\u001B ký tự lạ' }]);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(parser.parse(out).rss.channel.item[0].title).toBe('Tin có ký tự lạ');
  });

  it('is valid with no items', () => {
    expect(XMLValidator.validate(buildRss(channel, []))).toBe(true);
  });
});

describe('Atom 1.0', () => {
  const xml = buildAtom(channel, [full, bare]);
  const feed = parser.parse(xml).feed;

  it('has the required feed and entry elements', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(channel.feedUrl);
    expect(feed.updated).toBe('2024-03-01T02:00:00Z');
    // The site's page first: readers that take the first link as the home page must not get the feed file.
    expect(feed.link.map((l: Record<string, string>) => l['@rel'])).toEqual(['alternate', 'self']);
    expect(feed.link[0]['@href']).toBe(channel.siteUrl);
    expect(feed.author.name).toBe(channel.title);
    const [a, b] = feed.entry;
    expect(a.id).toBe(full.id);
    expect(a.title['#text']).toBe(TRICKY);
    expect(a.published).toBe('2024-02-28T09:45:00Z');
    expect(a.updated).toBe('2024-03-01T02:00:00Z');
    expect(a.content['#text']).toBe(full.contentHtml);
    expect(a.content['@type']).toBe('html');
    expect(a.author.name).toBe('Minh Anh');
    expect(a.link.find((l: Record<string, string>) => l['@rel'] === 'enclosure')['@href']).toBe(full.image!.url);
    expect(b).not.toHaveProperty('summary');
    expect(b).not.toHaveProperty('author');
  });
});

describe('JSON Feed 1.1', () => {
  const feed = buildJsonFeed(channel, [full, bare]) as { items: Record<string, unknown>[] } & Record<string, unknown>;

  it('has the version, top-level fields and items', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed).toMatchObject({ title: channel.title, home_page_url: channel.siteUrl, feed_url: channel.feedUrl, language: 'vi-VN' });
    expect(feed.items[0]).toMatchObject({
      id: full.id,
      url: full.url,
      title: TRICKY,
      content_html: full.contentHtml,
      image: full.image!.url,
      date_published: '2024-02-28T09:45:00Z',
      authors: [{ name: 'Minh Anh' }],
      tags: ['Tin hoạt động cụm, khối thi đua'],
    });
    // Every item needs content_html or content_text, even without a body.
    expect('content_html' in feed.items[1] || 'content_text' in feed.items[1]).toBe(true);
    expect(feed.items[1]).not.toHaveProperty('authors');
    expect(JSON.parse(JSON.stringify(feed))).toEqual(feed);
  });
});

describe('byteLength', () => {
  it.each([
    ['the recorded bytes win', { url: '/a.jpg', size: 52, sizeInBytes: 52_013 }, 52_013],
    // Strapi's kilobytes are bytes / 1000: 52.01 kB is 52,010 bytes, not 53,258 (× 1024).
    ['kilobytes × 1000 otherwise', { url: '/a.jpg', size: 52.01 }, 52_010],
    ['nothing known', { url: '/a.jpg' }, undefined],
  ])('%s', (_name, format, expected) => {
    expect(byteLength(format)).toBe(expected);
  });
});
