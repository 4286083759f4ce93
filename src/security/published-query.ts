/**
 * Published-only evaluation of a public reader's query (filters, sort, populate), as a pure
 * rewrite over the models' schemas.
 *
 * Why: Strapi pins the root rows of a public read to published versions (`status=published`), and
 * populated relations too, but a filter or sort that walks into a relation is evaluated on whatever
 * rows the join reaches. `localizations` joins on `document_id`, so it reaches every row of the
 * document, drafts included: `filters[localizations][title][$startsWith]=…` answered 1 or 0 by the
 * title of an unpublished edit, and read a draft's title in 77 requests. Every relation hop of a
 * filter therefore gets `publishedAt IS NOT NULL` on a target with draft & publish; sort paths
 * cannot carry a condition and may not pass through `localizations` or polymorphic relations; the
 * publication-state parameters (`publicationFilter`, `hasPublishedVersion`), which compare a
 * document's draft with its published version, are refused.
 */

export interface AttributeInfo {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
}

export interface ModelInfo {
  uid?: string;
  attributes: Record<string, AttributeInfo>;
  options?: { draftAndPublish?: boolean };
}

export type GetModel = (uid: string) => ModelInfo | undefined;

/** A query part that cannot be evaluated on published rows only; `message` is for the client. */
export class UnsafeQueryError extends Error {
  constructor(
    message: string,
    readonly path: string
  ) {
    super(message);
    this.name = 'UnsafeQueryError';
  }
}

const UPLOAD_FILE = 'plugin::upload.file';
const GROUP_OPERATORS = new Set(['$and', '$or']);
/** Strapi's parameters selecting documents by how their draft compares with the published version. */
export const PUBLICATION_STATE_PARAMS = ['publicationFilter', 'hasPublishedVersion'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** A record's own value at `key` (never one inherited from Object.prototype). */
export const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

const hasDraftAndPublish = (model: ModelInfo | undefined) => model?.options?.draftAndPublish === true;

const isMorph = (attribute: AttributeInfo) => attribute.type === 'relation' && (!attribute.target || /^morph/i.test(attribute.relation ?? ''));

/** Model of what an attribute leads to (relation target, media file, component), if it leads anywhere. */
export function targetOf(attribute: AttributeInfo): string | undefined {
  if (attribute.type === 'relation') return attribute.target;
  if (attribute.type === 'media') return UPLOAD_FILE;
  if (attribute.type === 'component') return attribute.component;
  return undefined;
}

function refuseMorph(path: string): never {
  throw new UnsafeQueryError(`Không thể lọc hay sắp xếp qua quan hệ đa hình "${path}" trong API công khai.`, path);
}

/**
 * Filters of `uid` rewritten so that every relation hop reaches published rows only. Operators at
 * a relation's level (`$null`, `$in`…) apply to the related row's id, as in Strapi; `$not` with
 * attributes inside negates a condition on the related row.
 */
export function publishedOnlyFilters(filters: unknown, uid: string, getModel: GetModel, path = ''): unknown {
  if (Array.isArray(filters)) return filters.map((item, i) => publishedOnlyFilters(item, uid, getModel, `${path}[${i}]`));
  if (!isRecord(filters)) return filters;
  const model = getModel(uid);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    const at = path ? `${path}.${key}` : key;
    if (GROUP_OPERATORS.has(key)) {
      out[key] = Array.isArray(value) ? value.map((item, i) => publishedOnlyFilters(item, uid, getModel, `${at}[${i}]`)) : value;
      continue;
    }
    if (key === '$not') {
      out[key] = publishedOnlyFilters(value, uid, getModel, at);
      continue;
    }
    const attribute = model ? own(model.attributes, key) : undefined;
    if (!attribute) {
      // An operator on a scalar, or a key Strapi's own validation refuses: nothing to reach through.
      out[key] = value;
      continue;
    }
    if (isMorph(attribute)) refuseMorph(at);
    const target = targetOf(attribute);
    if (!target) {
      out[key] = value;
      continue;
    }
    if (attribute.type === 'component') {
      // Component rows belong to the row that owns them: a condition on them is on that row.
      out[key] = publishedOnlyFilters(value, target, getModel, at);
      continue;
    }
    out[key] = relationCondition(value, target, getModel, at);
  }
  return out;
}

/** One relation hop's condition, on the related row, with the published-only constraint. */
function relationCondition(value: unknown, target: string, getModel: GetModel, path: string): Record<string, unknown> {
  const conditions: Record<string, unknown>[] = [];
  if (!isRecord(value)) {
    conditions.push({ id: value });
  } else {
    const onRow: Record<string, unknown> = {};
    const onId: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const isAttributeLevelOperator = key.startsWith('$') && !GROUP_OPERATORS.has(key) && !(key === '$not' && isRecord(inner) && hasAttributeKey(inner));
      (isAttributeLevelOperator ? onId : onRow)[key] = inner;
    }
    if (Object.keys(onRow).length > 0) conditions.push(publishedOnlyFilters(onRow, target, getModel, path) as Record<string, unknown>);
    if (Object.keys(onId).length > 0) conditions.push({ id: onId });
  }
  if (hasDraftAndPublish(getModel(target))) conditions.push({ publishedAt: { $notNull: true } });
  return conditions.length === 1 ? conditions[0] : { $and: conditions };
}

const hasAttributeKey = (record: Record<string, unknown>) => Object.keys(record).some((k) => !k.startsWith('$') || GROUP_OPERATORS.has(k) || k === '$not');

/** Every dotted path a sort parameter names, in Strapi's accepted shapes. */
export function sortPaths(sort: unknown, prefix = ''): string[] {
  if (sort === undefined || sort === null || sort === '') return [];
  if (typeof sort === 'string') {
    return sort
      .split(',')
      .map((part) => part.trim().split(':')[0].trim())
      .filter(Boolean)
      .map((p) => (prefix ? `${prefix}.${p}` : p));
  }
  if (Array.isArray(sort)) return sort.flatMap((item) => sortPaths(item, prefix));
  if (isRecord(sort)) {
    return Object.entries(sort).flatMap(([key, value]) => {
      const at = prefix ? `${prefix}.${key}` : key;
      return isRecord(value) || Array.isArray(value) ? sortPaths(value, at) : [at];
    });
  }
  return [];
}

/** Refuses a sort that would order published rows by what drafts hold. */
export function assertPublishedSort(sort: unknown, uid: string, getModel: GetModel): void {
  for (const path of sortPaths(sort)) {
    let model = getModel(uid);
    for (const segment of path.split('.')) {
      const attribute = model ? own(model.attributes, segment) : undefined;
      if (!attribute) break;
      if (segment === 'localizations') {
        throw new UnsafeQueryError(
          `Không thể sắp xếp theo "${path}": các bản ngôn ngữ khác (localizations) không dùng để sắp xếp trong API công khai.`,
          path
        );
      }
      if (isMorph(attribute)) refuseMorph(path);
      const target = targetOf(attribute);
      if (!target) break;
      model = getModel(target);
    }
  }
}

/**
 * Populated relations are sorted by their own fields only, for every caller: Strapi 5.54 builds
 * invalid SQL (a 500, "no such column t4.t1.article_id") for a populate sorted through a further
 * relation. Walks every level of the populate tree, fragments included.
 */
export function assertPopulateSorts(populate: unknown, path = ''): void {
  if (Array.isArray(populate)) return populate.forEach((item) => assertPopulateSorts(item, path));
  if (!isRecord(populate)) return;
  for (const [key, value] of Object.entries(populate)) {
    if (!isRecord(value)) continue;
    const at = path ? `${path}.${key}` : key;
    const nested = sortPaths(value.sort).find((p) => p.includes('.'));
    if (nested) {
      throw new UnsafeQueryError(`Quan hệ "${at}" chỉ sắp xếp được theo trường của chính nó, không theo "${nested}".`, `${at}.sort`);
    }
    if (value.populate !== undefined) assertPopulateSorts(value.populate, at);
    if (isRecord(value.on)) for (const [type, sub] of Object.entries(value.on)) assertPopulateSorts({ [type]: sub }, at);
  }
}

/** Populate with the nested filters and sorts of every level made published-only (recursively). */
export function publishedOnlyPopulate(populate: unknown, uid: string, getModel: GetModel, path = ''): unknown {
  if (Array.isArray(populate)) return populate.map((item) => publishedOnlyPopulate(item, uid, getModel, path));
  if (!isRecord(populate)) return populate;
  const model = getModel(uid);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(populate)) {
    const at = path ? `${path}.${key}` : key;
    const attribute = model ? own(model.attributes, key) : undefined;
    if (!attribute || !isRecord(value)) {
      out[key] = value;
      continue;
    }
    const target = targetOf(attribute);
    out[key] = target || isMorph(attribute) ? publishedOnlyLevel(value, target, getModel, at) : value;
  }
  return out;
}

/** One populate level (`{ filters, sort, populate, on }`) of the given target model. */
function publishedOnlyLevel(level: Record<string, unknown>, target: string | undefined, getModel: GetModel, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...level };
  if (isRecord(level.on)) {
    // Polymorphic (dynamic zone / morph) fragments: each names the model it populates.
    out.on = Object.fromEntries(Object.entries(level.on).map(([type, sub]) => [type, isRecord(sub) ? publishedOnlyLevel(sub, type, getModel, `${path}.${type}`) : sub]));
  }
  if (!target) return out;
  if (level.filters !== undefined) out.filters = publishedOnlyFilters(level.filters, target, getModel, `${path}.filters`);
  if (level.sort !== undefined) assertPublishedSort(level.sort, target, getModel);
  if (level.populate !== undefined) out.populate = publishedOnlyPopulate(level.populate, target, getModel, path);
  return out;
}

export interface ReadQuery {
  filters?: unknown;
  sort?: unknown;
  populate?: unknown;
  [key: string]: unknown;
}

/**
 * The whole read query of a public reader made published-only: filters rewritten at every depth
 * (populate's included), sorts and publication-state parameters checked. Throws UnsafeQueryError.
 */
export function publishedOnlyQuery<Q extends ReadQuery>(query: Q, uid: string, getModel: GetModel): Q {
  for (const param of PUBLICATION_STATE_PARAMS) {
    if (query[param] !== undefined) {
      throw new UnsafeQueryError(`Tham số "${param}" so sánh bản nháp với bản đã xuất bản, không dùng được trong API công khai.`, param);
    }
  }
  const out: Q = { ...query };
  if (query.filters !== undefined) out.filters = publishedOnlyFilters(query.filters, uid, getModel);
  if (query.sort !== undefined) assertPublishedSort(query.sort, uid, getModel);
  if (query.populate !== undefined) out.populate = publishedOnlyPopulate(query.populate, uid, getModel);
  return out;
}
