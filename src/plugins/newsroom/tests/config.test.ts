import { defaultConfig, validateConfig, type PluginConfig } from '../server/src/config';

const withChange = (change: Partial<PluginConfig>) => ({ ...defaultConfig, ...change });

describe('validateConfig', () => {
  it('accepts the defaults', () => {
    expect(() => validateConfig(defaultConfig)).not.toThrow();
  });

  it.each([
    [{ siteUrl: 'example.vn' }, /siteUrl/],
    [{ siteUrl: 'ftp://example.vn' }, /http or https/],
    [{ paths: { ...defaultConfig.paths, article: '/tin-tuc' } }, /paths.article/],
    [{ paths: { ...defaultConfig.paths, bloc: 'khoi/{slug}' } }, /paths.bloc/],
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
