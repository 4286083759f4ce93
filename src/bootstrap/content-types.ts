import type { UID } from '@strapi/strapi';

/** The public content types of the news site, in the order they depend on each other. */
export const NEWS_CONTENT_TYPES = [
  'api::category.category',
  'api::agency.agency',
  'api::legal-document.legal-document',
  'api::movement.movement',
  'api::bloc.bloc',
  'api::article.article',
] as const satisfies readonly UID.ContentType[];

export type NewsContentType = (typeof NEWS_CONTENT_TYPES)[number];
