/**
 * The shapes the pure builders work on: plain values already resolved to absolute URLs and Dates,
 * so feed, sitemap and structured-data code never touches Strapi.
 */

export interface FeedImage {
  url: string;
  mime: string;
  /** Bytes, when known (RSS enclosure length). */
  length?: number;
  width?: number;
  height?: number;
  alt?: string;
}

export interface FeedItem {
  /** Permanent id (the article's absolute URL). */
  id: string;
  url: string;
  title: string;
  summary?: string;
  /** Body as HTML, when the feed carries full text. */
  contentHtml?: string;
  published: Date;
  updated: Date;
  author?: string;
  categories: string[];
  image?: FeedImage;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The website's home page. */
  siteUrl: string;
  /** This feed's own absolute URL (atom:link rel=self, JSON Feed feed_url). */
  feedUrl: string;
  /** BCP 47 tag such as vi-VN. */
  language: string;
  /** Newest item's update time, or now for an empty feed. */
  updated: Date;
  /** Absolute URL of the site's logo or icon. */
  icon?: string;
}

export interface SitemapAlternate {
  hreflang: string;
  href: string;
}

export interface SitemapUrl {
  loc: string;
  lastmod?: Date;
  alternates?: SitemapAlternate[];
}

export interface SitemapRef {
  loc: string;
  lastmod?: Date;
}

export interface NewsSitemapItem {
  loc: string;
  title: string;
  published: Date;
  /** ISO 639 code Google News expects: vi, en. */
  language: string;
}

export interface ArticleImages {
  /** Crops of the cover by aspect ratio, absolute URLs, when available. */
  wide?: string;
  standard?: string;
  square?: string;
  /** The plain cover, used when no crop exists. */
  fallback?: string;
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description?: string;
  datePublished: Date;
  dateModified: Date;
  authorName?: string;
  images: ArticleImages;
  publisher: { name: string; logoUrl: string };
  inLanguage: string;
  section?: string;
  keywords?: string[];
}

export interface PageMetaInput {
  title: string;
  description?: string;
  canonical: string;
  image?: { url: string; width?: number; height?: number; alt?: string };
  siteName: string;
  /** og:locale, e.g. vi_VN. */
  ogLocale: string;
  alternateOgLocales?: string[];
  type: 'article' | 'website';
  publishedTime?: Date;
  modifiedTime?: Date;
  section?: string;
  twitterSite?: string;
  noIndex?: boolean;
}
