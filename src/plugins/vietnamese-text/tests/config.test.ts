import { defaultConfig, validateConfig, type PluginConfig } from '../server/src/config';

const withConfig = (patch: Partial<PluginConfig>): PluginConfig => ({ ...defaultConfig, ...patch });

describe('validateConfig', () => {
  it('accepts the defaults and a normal setup', () => {
    expect(() => validateConfig(defaultConfig)).not.toThrow();
    expect(() =>
      validateConfig(withConfig({ contentTypes: { 'api::article.article': { field: 'slug', source: 'title' } } }))
    ).not.toThrow();
  });

  it.each<[string, Partial<PluginConfig>, RegExp]>([
    ['a bad uid', { contentTypes: { article: { field: 'slug', source: 'title' } } }, /not a content type uid/],
    ['a target without source', { contentTypes: { 'api::a.a': { field: 'slug' } as never } }, /needs \{ field, source \}/],
    ['a tiny maxLength', { slug: { maxLength: 3, ampersand: '' } }, /maxLength/],
    ['"and" for &', { slug: { maxLength: 80, ampersand: 'and' as never } }, /ampersand/],
    ['extraText that is not a service uid', { search: { contentTypes: { 'api::a.a': { title: 'name', text: [], extraText: 'searchText' } }, maxPageSize: 20 } }, /extraText must be a service uid/],
    ['extraText that is not a string', { search: { contentTypes: { 'api::a.a': { title: 'name', text: [], extraText: 5 as never } }, maxPageSize: 20 } }, /extraText must be a service uid/],
    ['tone placement as a string', { normalize: { nameFields: [], tonePlacement: 'yes' as never } }, /tonePlacement/],
  ])('refuses %s', (_name, patch, message) => {
    expect(() => validateConfig(withConfig(patch))).toThrow(message);
  });
});
