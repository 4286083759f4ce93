import type { Core } from '@strapi/strapi';
import { rights } from '../../src/plugins/newsroom/server/src/services/rights';
import { site } from '../../src/plugins/newsroom/server/src/services/site';
import { siteConfig } from '../../src/plugins/newsroom/tests/site-config';
import { verifyPreviewToken } from '../../src/plugins/newsroom/server/src/utils/preview-token';
import { createPreviewHandler } from '../../src/preview/handler';

const SECRET = 'bi-mat-xem-truoc';

interface Row {
  documentId: string;
  slug?: string;
  locale: string;
  published: boolean;
  createdBy: { id: number };
}

/**
 * A Strapi with only what the handler touches: the database query, the newsroom site and rights
 * services, i18n, the request context and the content manager's permission checker. The
 * signed-in admin may read the versions `readable` lets through.
 */
function fakeStrapi(rows: Row[], readable: (row: Row) => boolean) {
  const asked: Record<string, unknown>[] = [];
  const ability = { readable };
  const strapi = {
    config: { get: () => ({ ...siteConfig, siteUrl: 'https://thiduakhenthuong.example.vn' }) },
    contentTypes: {},
    db: {
      query: (uid: string) => ({
        findOne: async ({ where }: { where: { documentId: string; locale: string; publishedAt: unknown } }) => {
          asked.push({ uid, ...where });
          const published = where.publishedAt !== null;
          return rows.find((r) => r.documentId === where.documentId && r.locale === where.locale && r.published === published) ?? null;
        },
      }),
    },
    requestContext: { get: () => ({ state: { user: { id: 1 }, auth: { strategy: { name: 'admin' } }, userAbility: ability } }) },
    plugin: (name: string) => ({ service: (id: string) => services[`${name}.${id}`] }),
  } as unknown as Core.Strapi;
  const services: Record<string, unknown> = {
    'i18n.locales': { find: async () => [{ code: 'vi' }, { code: 'en' }], getDefaultLocale: async () => 'vi' },
    'content-manager.permission-checker': {
      create: ({ userAbility }: { userAbility: typeof ability }) => ({
        can: { read: (row: Row) => userAbility.readable(row), publish: () => false },
      }),
    },
    'newsroom.site': site({ strapi }),
    'newsroom.rights': rights({ strapi }),
  };
  return { strapi, asked };
}

const ROWS: Row[] = [
  { documentId: 'd1', slug: 'khoi-mat-tran-tong-ket-2024', locale: 'vi', published: false, createdBy: { id: 1 } },
  { documentId: 'd2', slug: 'front-bloc-review-2024', locale: 'en', published: true, createdBy: { id: 1 } },
  { documentId: 'd3', locale: 'vi', published: false, createdBy: { id: 1 } },
  { documentId: 'd4', slug: 'bai-cua-nguoi-khac', locale: 'vi', published: false, createdBy: { id: 2 } },
];

describe('preview handler', () => {
  const { strapi, asked } = fakeStrapi(ROWS, (row) => row.createdBy.id === 1);
  const handler = createPreviewHandler(strapi, SECRET);
  const claimsOf = (url: string | null | undefined) => {
    const verified = verifyPreviewToken(SECRET, new URL(url as string).searchParams.get('token'));
    if (verified.ok === false) throw new Error(`token refused: ${verified.reason}`);
    return verified.claims;
  };

  it("gives an article draft's preview route on the website, with a token and without the secret", async () => {
    const url = (await handler('api::article.article', { documentId: 'd1', locale: 'vi', status: 'draft' })) as string;
    expect(`${new URL(url).origin}${new URL(url).pathname}`).toBe('https://thiduakhenthuong.example.vn/api/preview');
    expect(url).not.toContain(SECRET);
    expect(claimsOf(url)).toMatchObject({
      type: 'article',
      uid: 'api::article.article',
      documentId: 'd1',
      locale: 'vi',
      status: 'draft',
      path: '/tin-tuc/khoi-mat-tran-tong-ket-2024',
    });
    expect(asked.at(-1)).toMatchObject({ uid: 'api::article.article', documentId: 'd1', locale: 'vi', publishedAt: null });
  });

  it('uses the locale prefix and the status asked for', async () => {
    const url = await handler('api::category.category', { documentId: 'd2', locale: 'en', status: 'published' });
    expect(claimsOf(url)).toMatchObject({ path: '/en/chuyen-muc/front-bloc-review-2024', status: 'published', uid: 'api::category.category' });
  });

  it('refuses (403) a user who may not read the version, before telling anything about it', async () => {
    await expect(handler('api::article.article', { documentId: 'd4', locale: 'vi', status: 'draft' })).rejects.toMatchObject({
      name: 'PolicyError',
      message: 'Bạn không có quyền xem trước nội dung này.',
    });
  });

  it('gives no preview for a document without a slug, a missing one or a type without pages', async () => {
    expect(await handler('api::article.article', { documentId: 'd3', locale: 'vi', status: 'draft' })).toBeNull();
    expect(await handler('api::article.article', { documentId: 'missing', locale: 'vi' })).toBeNull();
    expect(await handler('plugin::upload.file', { documentId: 'd1' })).toBeNull();
  });

  it('looks in the default locale when none is given', async () => {
    await handler('api::article.article', { documentId: 'd1' });
    expect(asked.at(-1)).toMatchObject({ locale: 'vi', publishedAt: null });
  });
});
