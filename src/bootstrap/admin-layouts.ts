import type { Core } from '@strapi/strapi';

type EditRow = { name: string; size: number }[];

interface Layouts {
  list: string[];
  edit: EditRow[];
}

/** How editors work on an article: list columns, and edit rows grouped content, media, links, SEO/schedule. */
export const ARTICLE_LAYOUT: { list: string[]; edit: [string, number][][] } = {
  list: ['title', 'category', 'dateline', 'publishAt', 'unpublishAt'],
  edit: [
    // content
    [['title', 12]],
    [['slug', 6], ['author', 6]],
    [['summary', 12]],
    [['body', 12]],
    [['dateline', 6]],
    // media
    [['cover', 6], ['coverCaption', 6]],
    [['gallery', 12]],
    // links
    [['category', 6], ['related', 6]],
    [['blocs', 6], ['agencies', 6]],
    [['movements', 6], ['legalDocuments', 6]],
    // SEO and schedule
    [['seo', 12]],
    [['publishAt', 6], ['unpublishAt', 6]],
    // where an imported article came from (written by npm run import; last, out of the way)
    [['legacyId', 6], ['legacyHash', 6]],
  ],
};

/** Whether `fields` follow the order of `order` (what Strapi generates: the schema's attribute order). */
const inSchemaOrder = (fields: string[], order: string[]) =>
  fields.every((f, i) => i === 0 || order.indexOf(fields[i - 1]) < order.indexOf(f));

/**
 * The article layouts to store, or null to leave them. Each of list and edit is replaced only
 * while it is still Strapi's default (its fields in schema order; the list led by `id`), so a
 * layout an administrator arranged is kept, and ours is never taken for a default again.
 */
export function arrangeLayouts(current: Layouts, attributeOrder: string[]): Layouts | null {
  const order = ['id', ...attributeOrder];
  const known = (name: string) => order.includes(name);
  const listIsDefault = current.list[0] === 'id' && inSchemaOrder(current.list, order);
  const editIsDefault = inSchemaOrder(current.edit.flat().map((f) => f.name), order);
  if (!listIsDefault && !editIsDefault) return null;
  return {
    list: listIsDefault ? ARTICLE_LAYOUT.list.filter(known) : current.list,
    edit: editIsDefault
      ? ARTICLE_LAYOUT.edit
          .map((row) => row.filter(([name]) => known(name)).map(([name, size]) => ({ name, size })))
          .filter((row) => row.length > 0)
      : current.edit,
  };
}

/** Writes the article's list and edit layouts into the content manager's configuration. */
export async function applyAdminLayouts(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types');
  const model = strapi.contentTypes['api::article.article'];
  const config = (await service.findConfiguration(model)) as { settings: unknown; metadatas: unknown; layouts: Layouts };
  const layouts = arrangeLayouts(config.layouts, Object.keys(model.attributes));
  if (!layouts) return;
  await service.updateConfiguration(model, { settings: config.settings, metadatas: config.metadatas, layouts });
}
