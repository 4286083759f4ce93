import { defaultConfig, validateConfig, type PluginConfig } from '../server/src/config';
import { siteConfig } from './site-config';

const withChange = (change: Partial<PluginConfig>) => ({ ...siteConfig, ...change });
const { pages } = siteConfig;

describe('validateConfig', () => {
  it('accepts the defaults (no pages) and a whole site', () => {
    expect(() => validateConfig(defaultConfig)).not.toThrow();
    expect(() => validateConfig(siteConfig)).not.toThrow();
  });

  it.each([
    [{ siteUrl: 'example.vn' }, /siteUrl/],
    [{ siteUrl: 'ftp://example.vn' }, /http or https/],
    [{ pages: { ...pages, article: { ...pages.article, path: '/tin-tuc' } } }, /pages.article.path/],
    [{ pages: { ...pages, bloc: { ...pages.bloc, path: 'khoi/{slug}' } } }, /pages.bloc.path/],
    [{ pages: { ...pages, bloc: { ...pages.bloc, uid: 'bloc' } } }, /pages.bloc.uid/],
    [{ pages: { ...pages, bloc: { ...pages.bloc, route: 'blocs/by-slug' } } }, /pages.bloc.route/],
    [{ pages: { ...pages, bloc: { ...pages.bloc, route: '/articles/by-slug' } } }, /used twice/],
    [{ pages: { ...pages, bloc: { ...pages.bloc, sitemap: 'articles' } } }, /used twice/],
    [{ pages: { ...pages, bloc: { ...pages.bloc, stories: 'blocs; drop' } } }, /pages.bloc.stories/],
    [{ pages: { ...pages, bloc: { ...pages.bloc, currentTerm: { field: 'terms' } } } }, /currentTerm/],
    [{ pages: { ...pages, bloc: { ...pages.bloc, extras: 'legal-document' } } }, /pages.bloc.extras/],
    [{ pages: { ...pages, bloc: { ...pages.bloc, extras: 42 as unknown as string } } }, /pages.bloc.extras/],
    [{ pages: { ...pages, Bloc: pages.bloc } }, /page type "Bloc"/],
    [{ story: { ...siteConfig.story!, page: 'news' } }, /story.page/],
    [{ story: { ...siteConfig.story!, page: 'bloc' } }, /cannot list stories/],
    [{ story: { ...siteConfig.story!, relatedBy: ['blocs', 1] } }, /story.relatedBy/],
    [{ slugHistory: 'vietnamese-text' }, /slugHistory/],
    [{ scheduling: { ...siteConfig.scheduling, contentTypes: { 'api::article.article': { publishAt: 'publishAt' } } } }, /scheduling.contentTypes/],
    [{ localePrefix: { en: 'en' } }, /localePrefix.en/],
    [{ timeZone: 'Asia/Hanoi_City' }, /time zone/],
    [{ relatedLimit: -1 }, /relatedLimit/],
    [{ feedLimit: 0 }, /feedLimit/],
    [{ newsSitemapHours: 1.5 }, /newsSitemapHours/],
    [{ siteName: ' ' }, /siteName/],
  ])('refuses %j', (change, message) => {
    expect(() => validateConfig(withChange(change as Partial<PluginConfig>))).toThrow(message);
  });
});
