import type { Core } from '@strapi/strapi';
import type { Rights } from '../plugins/newsroom/server/src/services/rights';
import type { Site } from '../plugins/newsroom/server/src/services/site';

type PreviewConfig = NonNullable<Core.Config.Admin['preview']>['config'];

/** The parts of the newsroom plugin's site and rights services used here, typed from the services. */
type PreviewSite = Pick<Site, 'pageType' | 'previewUrl'>;
type PreviewRights = Pick<Rights, 'previewVersion'>;

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
    const site = newsroom.service<PreviewSite>('site');
    const type = site.pageType(uid);
    if (!type) return null;
    const wanted = status === 'published' ? 'published' : 'draft';
    const version = await newsroom.service<PreviewRights>('rights').previewVersion(uid, { documentId, locale, status: wanted });
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
