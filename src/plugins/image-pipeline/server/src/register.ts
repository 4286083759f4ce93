import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Every image in the API carries these two, for instant placeholders while the photo loads.
  const file = strapi.plugin('upload').contentType('file') as { attributes: Record<string, unknown> };
  file.attributes.placeholder = { type: 'text', configurable: false };
  file.attributes.dominantColor = { type: 'string', configurable: false };

  strapi.documents.use((ctx, next) => getService(strapi, 'altText').middleware(ctx, next));
};
