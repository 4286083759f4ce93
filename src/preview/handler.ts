import type { Core, UID } from '@strapi/strapi';

type PreviewConfig = NonNullable<Core.Config.Admin['preview']>['config'];

interface PreviewSite {
  pageType(uid: string): string | undefined;
  previewUrl(secret: string, page: { type: string; slug: string; locale: string; status: 'draft' | 'published' }): Promise<string>;
}

/**
 * Strapi's admin preview handler: the website's preview route for a document, or null (no
 * preview button) for types without pages and documents without a slug yet.
 */
export function createPreviewHandler(strapi: Pick<Core.Strapi, 'documents' | 'plugin'>, secret: string): PreviewConfig['handler'] {
  return async (uid, { documentId, locale, status }) => {
    const site = strapi.plugin('newsroom').service('site') as unknown as PreviewSite;
    const type = site.pageType(uid);
    if (!type) return null;
    const wanted = status === 'published' ? 'published' : 'draft';
    const document = (await strapi
      .documents(uid as UID.ContentType)
      .findOne({ documentId, locale, status: wanted, fields: ['slug', 'locale'] as never })) as { slug?: string; locale?: string } | null;
    if (!document?.slug) return null;
    return site.previewUrl(secret, { type, slug: document.slug, locale: document.locale ?? locale ?? '', status: wanted });
  };
}
