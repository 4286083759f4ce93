/** Where a content type's public pages live on the website, as a path pattern with `{slug}`. */
export type PagePaths = Record<'article' | 'category' | 'bloc' | 'agency' | 'movement', string>;

export interface PluginConfig {
  /** The public website (not this API): every link in feeds, sitemaps and structured data starts here. */
  siteUrl: string;
  /** Site name in feeds, Open Graph and the Google News sitemap. */
  siteName: string;
  /** Short description of the site, used by the feeds. */
  siteDescription: string;
  /** Publisher in NewsArticle data; `logo` is an absolute URL or a path on the site. */
  publisher: { name: string; logo: string };
  /** Path patterns of the website's pages. */
  paths: PagePaths;
  /** Path prefix per locale that is not the default one, e.g. { en: '/en' }. */
  localePrefix: Record<string, string>;
  /** BCP 47 language tag per locale, for inLanguage, hreflang and og:locale. */
  languageTags: Record<string, string>;
  /** Time zone of the newsroom: datelineText and "today" are in it. */
  timeZone: string;
  /** How many "Tin khác" a page gets. */
  relatedLimit: number;
  /** Items per feed. */
  feedLimit: number;
  /** Google News sitemap: articles published within this many hours. */
  newsSitemapHours: number;
  /** Twitter/X account of the site for twitter:site, or '' for none. */
  twitterSite: string;
  /** Scheduled publishing: run the cron task (turn off on instances that should not publish). */
  scheduling: { enabled: boolean; rule: string };
}

export const defaultConfig: PluginConfig = {
  siteUrl: 'http://localhost:3000',
  siteName: 'Cổng thông tin Thi đua – Khen thưởng',
  siteDescription: 'Tin tức thi đua, khen thưởng',
  publisher: { name: 'Cổng thông tin Thi đua – Khen thưởng', logo: '/logo.png' },
  paths: {
    article: '/tin-tuc/{slug}',
    category: '/chuyen-muc/{slug}',
    bloc: '/khoi-thi-dua/{slug}',
    agency: '/co-quan/{slug}',
    movement: '/phong-trao/{slug}',
  },
  localePrefix: { en: '/en' },
  languageTags: { vi: 'vi-VN', en: 'en' },
  timeZone: 'Asia/Ho_Chi_Minh',
  relatedLimit: 5,
  feedLimit: 50,
  newsSitemapHours: 48,
  twitterSite: '',
  scheduling: { enabled: true, rule: '*/20 * * * * *' },
};

const fail = (message: string): never => {
  throw new Error(`[newsroom] invalid config: ${message}`);
};
const intIn = (v: unknown, name: string, min: number, max: number) => {
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) fail(`${name} must be an integer from ${min} to ${max}`);
};

/** Strapi calls this with the merged config at start-up; a wrong value stops the app with a clear message. */
export function validateConfig(config: PluginConfig): void {
  let site: URL | undefined;
  try {
    site = new URL(config.siteUrl);
  } catch {
    fail(`siteUrl "${config.siteUrl}" is not an absolute URL`);
  }
  if (site && site.protocol !== 'http:' && site.protocol !== 'https:') fail('siteUrl must be http or https');
  for (const [type, pattern] of Object.entries(config.paths ?? {})) {
    if (typeof pattern !== 'string' || !pattern.startsWith('/') || !pattern.includes('{slug}')) {
      fail(`paths.${type} must start with "/" and contain {slug}`);
    }
  }
  for (const [locale, prefix] of Object.entries(config.localePrefix ?? {})) {
    if (typeof prefix !== 'string' || (prefix !== '' && (!prefix.startsWith('/') || prefix.endsWith('/')))) {
      fail(`localePrefix.${locale} must be "" or start with "/" and not end with it`);
    }
  }
  try {
    new Intl.DateTimeFormat('vi-VN', { timeZone: config.timeZone });
  } catch {
    fail(`timeZone "${config.timeZone}" is not a time zone`);
  }
  intIn(config.relatedLimit, 'relatedLimit', 0, 50);
  intIn(config.feedLimit, 'feedLimit', 1, 500);
  intIn(config.newsSitemapHours, 'newsSitemapHours', 1, 24 * 30);
  if (typeof config.siteName !== 'string' || !config.siteName.trim()) fail('siteName is required');
  if (typeof config.scheduling?.enabled !== 'boolean' || typeof config.scheduling?.rule !== 'string') {
    fail('scheduling needs { enabled: boolean, rule: cron string }');
  }
}

export default { default: defaultConfig, validator: validateConfig };
