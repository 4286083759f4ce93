import type { Core } from '@strapi/strapi';

type Json = unknown;

/** Names of the private attributes (e.g. Article publishAt, unpublishAt) of our content types. */
export function privateAttributeNames(strapi: Core.Strapi): Set<string> {
  const names = new Set<string>();
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    for (const [name, attribute] of Object.entries(contentType.attributes)) {
      if ((attribute as { private?: boolean }).private) names.add(name);
    }
  }
  return names;
}

/**
 * The documentation plugin lists private attributes in its schemas although the API never
 * returns them: removes every such property from the schemas (in place).
 */
export function stripProperties(node: Json, names: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) stripProperties(item, names);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, Json>;
  const properties = record.properties as Record<string, Json> | undefined;
  if (properties && typeof properties === 'object') {
    for (const name of names) delete properties[name];
  }
  if (Array.isArray(record.required)) record.required = (record.required as string[]).filter((n) => !names.has(n));
  for (const value of Object.values(record)) stripProperties(value, names);
}
