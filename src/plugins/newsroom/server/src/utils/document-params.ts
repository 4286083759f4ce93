import type { Modules, UID } from '@strapi/strapi';

/**
 * Document Service params for the content types the config names: their uids are only known at
 * run time, so Strapi's types check the shapes (operators, notations) but not attribute names.
 */
export type Filters = Modules.Documents.Params.Filters.Any<UID.ContentType>;
export type Populate = Modules.Documents.Params.Populate.Any<UID.ContentType>;

/** Stories newest first: the dateline an editor set, then publication, then id so ties keep one order. */
export const NEWEST_FIRST: Modules.Documents.Params.Sort.Any<UID.ContentType> = ['dateline:desc', 'publishedAt:desc', 'id:desc'];
