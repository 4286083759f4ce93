/**
 * Corrections to the OpenAPI document Strapi's documentation plugin generates (5.54.0). Redocly's
 * recommended rules found 54 errors in it, all in the generated parts, and real answers broke its
 * schemas: null attributes typed as plain strings, `pageSize` with `minimum: 25` and `pageCount`
 * with `maximum: 1` (a page of 10 of 3 pages is an ordinary answer). Each function fixes one kind
 * of mistake, in place, and is a no-op on a document without it.
 */

import { LOCALE_CODES } from '../bootstrap/locales';
import { VALIDITIES, VALIDITY_LABELS } from '../legal-documents/dates';

type Json = Record<string, unknown>;
export interface OpenApiDraft {
  paths: Record<string, unknown>;
  components: { schemas?: Record<string, unknown> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "get", "/articles/{id}" → "getArticlesById"; "/users-permissions/roles" → "getUsersPermissionsRoles". */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith('{') ? `by-${segment.slice(1, -1)}` : segment))
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

/** A summary for an operation the generator left without one: what it does to which path. */
export function summaryFor(method: string, path: string): string {
  const one = /\{[^}]+\}$/.test(path);
  const target = path.replace(/\/\{[^}]+\}$/, '');
  const verb: Record<string, string> = one
    ? { get: 'Get one of', put: 'Update one of', delete: 'Delete one of', post: 'Create in' }
    : { get: 'List', post: 'Create in', put: 'Update', delete: 'Delete from' };
  return `${verb[method] ?? method.toUpperCase()} ${target}`;
}

/** operationIds made URL-safe and summaries filled in (Strapi writes "get/articles/{id}" and none). */
export function nameOperations(draft: OpenApiDraft): void {
  const taken = new Set<string>();
  for (const [path, item] of Object.entries(draft.paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      let id = typeof operation.operationId === 'string' && /^[A-Za-z0-9_.-]+$/.test(operation.operationId) ? operation.operationId : operationIdFor(method, path);
      while (taken.has(id)) id += '_';
      taken.add(id);
      operation.operationId = id;
      if (typeof operation.summary !== 'string' || operation.summary.trim() === '') operation.summary = summaryFor(method, path);
    }
  }
}

/**
 * `/upload?id={id}` (a query string inside a path) is `POST /upload` with an `id` query
 * parameter: it updates that file's information instead of uploading.
 */
export function foldQueryPaths(draft: OpenApiDraft): void {
  for (const path of Object.keys(draft.paths)) {
    const [base] = path.split('?');
    if (base === path) continue;
    const found = draft.paths[base];
    const target: Json = isObject(found) ? found : {};
    draft.paths[base] = target;
    const moving = draft.paths[path];
    for (const [method, operation] of Object.entries(isObject(moving) ? moving : {})) {
      if (!isObject(operation)) continue;
      const existing = target[method];
      if (!isObject(existing)) {
        target[method] = operation;
        continue;
      }
      const params = (operation.parameters as Json[] | undefined) ?? [];
      existing.parameters = [
        ...((existing.parameters as Json[] | undefined) ?? []),
        ...params.map((p) => ({ ...p, required: false, description: `${String(p.description ?? p.name)}: with it, ${String(operation.description ?? 'the other operation')}` })),
      ];
      // Without `files` when an id is given: the body may carry only fileInfo.
      const body = existing.requestBody as { content?: Record<string, { schema?: Json }> } | undefined;
      for (const media of Object.values(body?.content ?? {})) delete media.schema?.required;
    }
    delete draft.paths[path];
  }
}

/**
 * Paths that differ only by a parameter's name (`/users-permissions/roles/{id}` and `…/{role}`)
 * are one path to OpenAPI: the later ones' operations move to the first, their parameter renamed.
 */
export function mergeIdenticalPaths(draft: OpenApiDraft): void {
  const first = new Map<string, string>();
  for (const path of Object.keys(draft.paths)) {
    const shape = path.replace(/\{[^}]+\}/g, '{}');
    const kept = first.get(shape);
    if (!kept) {
      first.set(shape, path);
      continue;
    }
    const names = (p: string) => [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const rename = new Map(names(path).map((name, i) => [name, names(kept)[i]]));
    const target = draft.paths[kept];
    const moving = draft.paths[path];
    if (!isObject(target) || !isObject(moving)) continue;
    for (const [method, operation] of Object.entries(moving)) {
      if (!isObject(operation) || target[method]) continue;
      operation.parameters = ((operation.parameters as Json[] | undefined) ?? []).map((p) =>
        p.in === 'path' && rename.has(String(p.name)) ? { ...p, name: rename.get(String(p.name)) } : p
      );
      target[method] = operation;
    }
    delete draft.paths[path];
  }
}

/** Every schema object under `node`, depth first (properties, items, compositions, nested objects). */
function eachSchema(node: unknown, visit: (schema: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => eachSchema(child, visit));
  if (!isObject(node)) return;
  visit(node);
  for (const value of Object.values(node)) eachSchema(value, visit);
}

/**
 * Schema mistakes: an `enum` of booleans typed "string" (users-permissions' `{ ok: true }`), and
 * `nullable` without a `type` (the error answer's `data`, which is always null there).
 */
export function fixSchemaTypes(draft: OpenApiDraft): void {
  eachSchema(draft, (schema) => {
    if (Array.isArray(schema.enum) && schema.enum.length > 0 && typeof schema.type === 'string') {
      const kinds = new Set(schema.enum.map((v) => typeof v));
      if (kinds.size === 1 && !kinds.has(schema.type as 'string')) schema.type = [...kinds][0];
    }
    if (schema.nullable === true && schema.type === undefined && Array.isArray(schema.oneOf)) {
      delete schema.oneOf;
      schema.type = 'object';
      schema.description ??= 'null in an error answer';
    }
  });
}

/**
 * Attributes an entry has not set come back as null: every optional property of a content-type
 * schema with a type may be null. Ids and required attributes are never null. A component
 * (`seo: { $ref: SharedSeoComponent }`) is copied in with `nullable`, as OpenAPI 3.0 cannot mark
 * a `$ref` nullable.
 */
export function allowNulls(draft: OpenApiDraft): void {
  const schemas = draft.components.schemas ?? {};
  const component = (property: Json): Json | undefined => {
    const match = typeof property.$ref === 'string' && Object.keys(property).length === 1 ? /^#\/components\/schemas\/(.+)$/.exec(property.$ref) : null;
    const target = match ? schemas[match[1]] : undefined;
    // A plain copy: the draft is an immer proxy, which structuredClone refuses.
    const copy: unknown = isObject(target) && typeof target.type === 'string' ? JSON.parse(JSON.stringify(target)) : undefined;
    return isObject(copy) ? copy : undefined;
  };
  eachSchema(schemas, (schema) => {
    if (!isObject(schema.properties)) return;
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!isObject(property) || required.has(name) || name === 'id' || name === 'documentId') continue;
      const copied = component(property);
      if (copied) schema.properties[name] = { ...copied, nullable: true };
      else if (typeof property.type === 'string') property.nullable = true;
    }
  });
}

/** The list answers' `meta.pagination`, as Strapi really answers it. */
export const PAGINATION_SCHEMA = {
  type: 'object',
  required: ['page', 'pageSize', 'pageCount', 'total'],
  properties: {
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100 },
    pageCount: { type: 'integer', minimum: 0 },
    total: { type: 'integer', minimum: 0 },
  },
};

/** `pageSize: { minimum: 25 }`, `pageCount: { maximum: 1 }` in every list answer → the real bounds. */
export function fixPagination(draft: OpenApiDraft): void {
  const schemas = draft.components.schemas ?? {};
  schemas.Pagination = PAGINATION_SCHEMA;
  for (const [name, schema] of Object.entries(schemas)) {
    if (!name.endsWith('ListResponse') || !isObject(schema) || !isObject(schema.properties)) continue;
    schema.properties.meta = { type: 'object', properties: { pagination: { $ref: '#/components/schemas/Pagination' } } };
  }
}

/**
 * The content types' `locale` query parameter lists the site's locales and "*" (every locale, as
 * the request guard accepts), so generated clients offer them instead of any string.
 */
export function enumerateLocales(draft: OpenApiDraft, codes: string[]): void {
  for (const item of Object.values(draft.paths)) {
    if (!isObject(item)) continue;
    for (const operation of Object.values(item)) {
      if (!isObject(operation) || !Array.isArray(operation.parameters)) continue;
      for (const parameter of operation.parameters) {
        if (!isObject(parameter) || parameter.name !== 'locale' || parameter.in !== 'query' || !isObject(parameter.schema)) continue;
        if (parameter.schema.type === 'string' && parameter.schema.enum === undefined) parameter.schema.enum = [...codes, '*'];
      }
    }
  }
}

/**
 * Fields the API computes that the content type does not store: a văn bản's `validity` (today, from
 * its dates and replacements) and its Vietnamese label, in lists and on its page.
 */
export function addComputedFields(draft: OpenApiDraft): void {
  const legal = draft.components.schemas?.LegalDocument;
  if (!isObject(legal) || !isObject(legal.properties)) return;
  legal.properties.validity = { type: 'string', enum: [...VALIDITIES], description: 'hiệu lực hôm nay (giờ Việt Nam) / validity today' };
  legal.properties.validityLabel = { type: 'string', enum: VALIDITIES.map((v) => VALIDITY_LABELS[v]) };
}

/** All of the above, in an order where each sees the paths as the previous one left them. */
export function fixGeneratedDocument(draft: OpenApiDraft, locales: string[] = LOCALE_CODES): void {
  enumerateLocales(draft, locales);
  foldQueryPaths(draft);
  mergeIdenticalPaths(draft);
  fixSchemaTypes(draft);
  allowNulls(draft);
  fixPagination(draft);
  addComputedFields(draft);
  nameOperations(draft);
}
