import type { Core } from '@strapi/strapi';
import type { PreviewPage } from '../plugins/newsroom/server/src/utils/urls';

type PreviewConfig = NonNullable<Core.Config.Admin['preview']>['config'];

interface PreviewSite {
  pageType(uid: string): PreviewPage['type'] | undefined;
  previewUrl(secret: string, page: Omit<PreviewPage, 'defaultLocale'>): Promise<string>;
}

/** The newsroom plugin's rights service, the part used here (see its services/rights). */
interface PreviewRights {
  previewVersion(
    uid: string,
    params: { documentId?: string; locale?: string | null; status?: string }
  ): Promise<{ documentId: string; slug?: string | null; locale?: string | null } | null>;
}

/**
 * Strapi's admin preview handler: the website's preview route for a document, with a token
 * signed for that document, locale and status (never the secret itself), or null (no preview
 * button) for types without pages and documents without a slug yet.
 *
 * Only a user whose read permission (role, locale and conditions such as admin::is-creator)
 * covers the version gets a URL: the newsroom plugin's policy on Strapi's preview route answers
 * 403 first, and the same check here stands behind it.
 */
export function createPreviewHandler(strapi: Pick<Core.Strapi, 'plugin'>, secret: string): PreviewConfig['handler'] {
  return async (uid, { documentId, locale, status }) => {
    const newsroom = strapi.plugin('newsroom');
    const site = newsroom.service('site') as unknown as PreviewSite;
    const type = site.pageType(uid);
    if (!type) return null;
    const wanted = status === 'published' ? 'published' : 'draft';
    const version = await (newsroom.service('rights') as unknown as PreviewRights).previewVersion(uid, { documentId, locale, status: wanted });
    if (!version?.slug) return null;
    return site.previewUrl(secret, {
      type,
      uid,
      documentId: version.documentId,
      slug: version.slug,
      locale: version.locale ?? locale ?? '',
      status: wanted,
    });
  };
}
