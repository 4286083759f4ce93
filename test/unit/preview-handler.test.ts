import type { Core } from '@strapi/strapi';
import { site } from '../../src/plugins/newsroom/server/src/services/site';
import { defaultConfig } from '../../src/plugins/newsroom/server/src/config';
import { createPreviewHandler } from '../../src/preview/handler';

/** A Strapi with only what the handler touches: documents, the newsroom site service and i18n. */
function fakeStrapi(documents: Record<string, { slug?: string; locale: string } | null>) {
  const asked: unknown[] = [];
  const services: Record<string, unknown> = {
    locales: { find: async () => [{ code: 'vi' }, { code: 'en' }], getDefaultLocale: async () => 'vi' },
  };
  const strapi = {
    config: { get: () => ({ ...defaultConfig, siteUrl: 'https://thiduakhenthuong.example.vn' }) },
    documents: (uid: string) => ({
      findOne: async (query: { documentId: string }) => {
        asked.push({ uid, ...query });
        return documents[query.documentId] ?? null;
      },
    }),
    plugin: (name: string) => ({ service: (id: string) => (name === 'newsroom' ? newsroom : services[id]) }),
  } as unknown as Core.Strapi;
  const newsroom = site({ strapi });
  return { strapi, asked };
}

describe('preview handler', () => {
  const { strapi, asked } = fakeStrapi({
    d1: { slug: 'khoi-mat-tran-tong-ket-2024', locale: 'vi' },
    d2: { slug: 'front-bloc-review-2024', locale: 'en' },
    d3: { locale: 'vi' },
  });
  const handler = createPreviewHandler(strapi, 'bi-mat-xem-truoc');

  it("gives an article draft's preview route on the website", async () => {
    const url = new URL((await handler('api::article.article', { documentId: 'd1', locale: 'vi', status: 'draft' }))!);
    expect(`${url.origin}${url.pathname}`).toBe('https://thiduakhenthuong.example.vn/api/preview');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: 'bi-mat-xem-truoc',
      url: '/tin-tuc/khoi-mat-tran-tong-ket-2024',
      status: 'draft',
      locale: 'vi',
    });
    expect(asked.at(-1)).toMatchObject({ uid: 'api::article.article', documentId: 'd1', locale: 'vi', status: 'draft' });
  });

  it('uses the locale prefix and the status asked for', async () => {
    const url = new URL((await handler('api::category.category', { documentId: 'd2', locale: 'en', status: 'published' }))!);
    expect(url.searchParams.get('url')).toBe('/en/chuyen-muc/front-bloc-review-2024');
    expect(url.searchParams.get('status')).toBe('published');
  });

  it('gives no preview for a document without a slug, a missing one or a type without pages', async () => {
    expect(await handler('api::article.article', { documentId: 'd3', locale: 'vi', status: 'draft' })).toBeNull();
    expect(await handler('api::article.article', { documentId: 'missing', locale: 'vi' })).toBeNull();
    expect(await handler('plugin::upload.file', { documentId: 'd1' })).toBeNull();
  });
});
