import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

interface UidArgs {
  contentTypeUID: string;
  field: string;
  data?: Record<string, unknown>;
  value?: string;
  locale?: string;
}

/**
 * The admin's slug field asks the content manager for a slug ("regenerate" button) and whether
 * one is free. For our content types both answers come from the same rules and registry as the
 * server's own writes, so the button shows exactly what saving would store.
 */
export function routeAdminUidThroughPlugin(strapi: Core.Strapi): void {
  const uidService = strapi.plugin('content-manager').service<{
    generateUIDField(args: UidArgs): Promise<string>;
    checkUIDAvailability(args: UidArgs): Promise<boolean>;
  }>('uid');
  const slugs = () => getService(strapi, 'slugs');
  const registry = () => getService(strapi, 'slugRegistry');
  const ours = (args: UidArgs) => slugs().target(args.contentTypeUID)?.field === args.field;

  const generate = uidService.generateUIDField.bind(uidService);
  const check = uidService.checkUIDAvailability.bind(uidService);

  uidService.generateUIDField = async (args) => {
    const target = slugs().target(args.contentTypeUID);
    if (!target || !ours(args)) return generate(args);
    const source = args.data?.[target.source];
    const base = slugs().make(typeof source === 'string' ? source : '') || slugs().make(args.contentTypeUID.split('.').pop() ?? '');
    const documentId = typeof args.data?.documentId === 'string' ? args.data.documentId : null;
    const key = await slugs().key(args.contentTypeUID, args.locale);
    return registry().firstFree(key, base, documentId, slugs().maxLength());
  };

  uidService.checkUIDAvailability = async (args) => {
    if (!ours(args) || typeof args.value !== 'string') return check(args);
    const holder = await registry().resolve(await slugs().key(args.contentTypeUID, args.locale), args.value);
    return holder === null;
  };
}
