/**
 * How much work a content-API read may ask for, judged on the parsed query and the models' schemas
 * before Strapi reads anything. Pure: the fan-out of each relation is passed in.
 *
 * Why: `?pagination[pageSize]=100&populate[blocs][populate][members][populate][articles][populate]…`
 * six levels deep built a 68 MB answer in 7.8 s from 13 articles, and two in parallel delayed every
 * other reader by 10 s. The deepest populate the website needs is 3 levels (an article's blocs'
 * members' logos); the widest is the article page (cover, gallery, category, blocs, agencies,
 * movements, related, seo and a few nested media: under 20 paths).
 */
import { own, targetOf, type AttributeInfo, type GetModel } from './published-query';

export interface PopulateLimits {
  /** Levels of relations below the documents asked for (`populate[a][populate][b]` is 2). */
  maxDepth: number;
  /** Populated paths in total, `*` counted as every relation it stands for. */
  maxPaths: number;
}

export interface FilterLimits {
  /** Conditions (an operator with its value, or `field=value`), at every depth, populate's included. */
  maxConditions: number;
  /** Nesting of `$and`/`$or`/`$not` and relation hops inside one filter. */
  maxDepth: number;
}

/** One populated attribute: its name, and what is populated below it. */
export interface PopulateNode {
  name: string;
  /** `populate[x][count]=true` reads a number, not the rows. */
  countOnly: boolean;
  /** `populate[x][limit]=n`: related rows per document capped at n. */
  limit?: number;
  /** `*` below this node (every relation, media and component of the target, one level). */
  star: boolean;
  children: PopulateNode[];
  /** Per-type subtrees of a dynamic zone or polymorphic relation (`on`). */
  on: { type: string; children: PopulateNode[]; star: boolean }[];
}

export interface PopulateTree {
  star: boolean;
  children: PopulateNode[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** qs turns `populate[25]=x` (past its array limit) into `{ "25": "x" }`: still a list. */
const asList = (value: unknown): unknown[] | undefined => {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) return keys.map((k) => value[k]);
  }
  return undefined;
};

const isTrue = (value: unknown) => value === true || value === 'true';

function nodeOf(tree: PopulateTree, name: string): PopulateNode {
  let node = tree.children.find((c) => c.name === name);
  if (!node) {
    node = { name, countOnly: false, star: false, children: [], on: [] };
    tree.children.push(node);
  }
  return node;
}

/** Adds a dotted path ("blocs.members.logo") or `*` to a tree. */
function addPath(tree: PopulateTree, path: string): void {
  const segments = path.split('.').map((s) => s.trim()).filter(Boolean);
  let level: PopulateTree = tree;
  for (const segment of segments) {
    if (segment === '*') {
      level.star = true;
      return;
    }
    level = nodeOf(level, segment);
  }
}

/**
 * Every form of `populate` Strapi accepts, as one tree: `*`, "a,b.c", ["a.b", "c"], `{ a: true }`,
 * `{ a: '*' }`, `{ a: { populate: … } }` (any of these forms again), `{ a: { on: { type: {…} } } }`,
 * `{ a: { count: true } }`. Unknown shapes are kept as names: Strapi refuses them later.
 */
export function populateTree(populate: unknown, tree: PopulateTree = { star: false, children: [] }): PopulateTree {
  if (populate === undefined || populate === null || populate === false || populate === 'false' || populate === '') return tree;
  if (typeof populate === 'string') {
    for (const part of populate.split(',')) addPath(tree, part);
    return tree;
  }
  if (populate === true) {
    tree.star = true;
    return tree;
  }
  const list = asList(populate);
  if (list) {
    for (const item of list) populateTree(item, tree);
    return tree;
  }
  if (!isRecord(populate)) return tree;
  for (const [name, value] of Object.entries(populate)) {
    if (name === '*') {
      tree.star = true;
      continue;
    }
    // `{ "blocs.members": true }` is not a form Strapi reads, but a dotted key must not hide depth.
    const node = name.includes('.') ? nodeAtPath(tree, name) : nodeOf(tree, name);
    addLevel(node, value);
  }
  return tree;
}

function nodeAtPath(tree: PopulateTree, path: string): PopulateNode {
  const segments = path.split('.').filter(Boolean);
  let level: PopulateTree = tree;
  let node: PopulateNode | undefined;
  for (const segment of segments) {
    node = nodeOf(level, segment);
    level = node;
  }
  return node ?? nodeOf(tree, path);
}

/** What `populate[name]=value` asks for below `name`. */
function addLevel(node: PopulateNode, value: unknown): void {
  // `populate[blocs]=*` or `=true`: Strapi casts the string to a boolean, the relation alone.
  if (typeof value === 'string' || typeof value === 'boolean' || value === undefined || value === null) return;
  if (!isRecord(value) || asList(value)) {
    // An array under a name: kept as the nested populate (Strapi refuses it; depth must not hide there).
    populateTree(value, node);
    return;
  }
  if (isTrue(value.count)) node.countOnly = true;
  // `populate[agencies][limit]=5` (or pageSize): at most that many related rows per document.
  const limit = value.limit ?? value.pageSize;
  if (typeof limit === 'string' && /^\d+$/.test(limit)) node.limit = Number(limit);
  if (value.populate !== undefined) populateTree(value.populate, node);
  const on = value.on;
  if (isRecord(on)) {
    for (const [type, sub] of Object.entries(on)) {
      const fragment: PopulateTree = { star: false, children: [] };
      if (isRecord(sub) && !asList(sub)) {
        if (sub.populate !== undefined) populateTree(sub.populate, fragment);
      } else if (sub === '*' || isTrue(sub)) {
        fragment.star = true;
      } else {
        populateTree(sub, fragment);
      }
      node.on.push({ type, ...fragment });
    }
  }
}

/** Attributes `*` populates on a model: relations, media, components, dynamic zones. */
const POPULATABLE = new Set(['relation', 'media', 'component', 'dynamiczone']);

interface AttributeWithZone extends AttributeInfo {
  components?: string[];
  multiple?: boolean;
  repeatable?: boolean;
}

/** `*` of a model, as nodes (one level: Strapi's `*` populates nothing below them). */
function starNodes(uid: string | undefined, getModel: GetModel): PopulateNode[] {
  const model = uid ? getModel(uid) : undefined;
  if (!model) return [];
  return Object.entries(model.attributes)
    .filter(([, a]) => POPULATABLE.has(a.type))
    .map(([name]): PopulateNode => ({ name, countOnly: false, star: false, children: [], on: [] }));
}

/** Children of a level with its `*` expanded (names given explicitly win over `*`). */
function expanded(level: { star: boolean; children: PopulateNode[] }, uid: string | undefined, getModel: GetModel): PopulateNode[] {
  if (!level.star) return level.children;
  const named = new Set(level.children.map((c) => c.name));
  return [...level.children, ...starNodes(uid, getModel).filter((n) => !named.has(n.name))];
}

export interface PopulateMeasure {
  depth: number;
  paths: number;
}

/** Depth and number of populated paths of a tree on model `uid`, `*` expanded. */
export function measurePopulate(tree: PopulateTree, uid: string, getModel: GetModel): PopulateMeasure {
  const walk = (level: { star: boolean; children: PopulateNode[] }, model: string | undefined, depth: number): PopulateMeasure => {
    let deepest = depth;
    let paths = 0;
    for (const node of expanded(level, model, getModel)) {
      paths += 1;
      const attribute = model ? (own(getModel(model)?.attributes ?? {}, node.name) as AttributeWithZone | undefined) : undefined;
      const below = walk(node, attribute ? targetOf(attribute) : undefined, depth + 1);
      deepest = Math.max(deepest, below.depth);
      paths += below.paths;
      for (const fragment of node.on) {
        const inner = walk(fragment, fragment.type, depth + 1);
        deepest = Math.max(deepest, inner.depth);
        paths += inner.paths;
      }
    }
    return { depth: deepest, paths };
  };
  return walk(tree, uid, 0);
}

/** Most related rows one row reaches through `uid.attribute` (1 for a to-one relation). */
export type FanOut = (uid: string, attribute: string) => number;

/** Whether an attribute can hold more than one row (and so needs a counted fan-out). */
export function isToMany(attribute: AttributeWithZone): boolean {
  if (attribute.type === 'relation') return /many$/i.test(attribute.relation ?? '');
  if (attribute.type === 'media') return attribute.multiple === true;
  if (attribute.type === 'component') return attribute.repeatable === true;
  return attribute.type === 'dynamiczone';
}

/**
 * Rows an answer may hold: each document asked for, plus, for every populated path, the product of
 * the fan-outs along it. `pageSize` × (1 + Σ fan-out × (1 + Σ …)).
 */
export function estimateRecords(tree: PopulateTree, uid: string, getModel: GetModel, fanOut: FanOut, pageSize: number): number {
  const rowsBelow = (level: { star: boolean; children: PopulateNode[] }, model: string | undefined): number => {
    let rows = 0;
    for (const node of expanded(level, model, getModel)) {
      const attribute = model ? (own(getModel(model)?.attributes ?? {}, node.name) as AttributeWithZone | undefined) : undefined;
      if (!attribute || node.countOnly) continue;
      const counted = model && isToMany(attribute) ? fanOut(model, node.name) : 1;
      const many = node.limit !== undefined ? Math.min(counted, node.limit) : counted;
      let each = 1 + rowsBelow(node, targetOf(attribute));
      for (const fragment of node.on) each += rowsBelow(fragment, fragment.type);
      rows += many * each;
    }
    return rows;
  };
  return pageSize * (1 + rowsBelow(tree, uid));
}

export function describePopulateProblem(measure: PopulateMeasure, limits: PopulateLimits): string | null {
  if (measure.depth > limits.maxDepth) return `populate quá sâu: tối đa ${limits.maxDepth} cấp (yêu cầu có ${measure.depth} cấp).`;
  if (measure.paths > limits.maxPaths) return `populate quá rộng: tối đa ${limits.maxPaths} quan hệ (yêu cầu có ${measure.paths}).`;
  return null;
}

export function describeRecordsProblem(records: number, maxRecords: number): string | null {
  if (records <= maxRecords) return null;
  return `Câu trả lời quá lớn: ước tính ${records} bản ghi, tối đa ${maxRecords}. Giảm pagination[pageSize] hoặc bớt quan hệ trong populate.`;
}

export interface FilterMeasure {
  conditions: number;
  depth: number;
}

/**
 * Conditions and nesting of a `filters` value. An operator's list (`$in`, `$between`) is one
 * condition; `$and`/`$or` lists and relation hops add a level.
 */
export function measureFilters(filters: unknown): FilterMeasure {
  let conditions = 0;
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: filters, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    const list = asList(value);
    if (list) {
      for (const item of list) stack.push({ value: item, depth });
      continue;
    }
    if (!isRecord(value)) continue;
    deepest = Math.max(deepest, depth);
    for (const [key, inner] of Object.entries(value)) {
      const isOperator = key.startsWith('$') && key !== '$and' && key !== '$or' && key !== '$not';
      if (isOperator || !isRecord(inner) && !asList(inner)) {
        conditions += 1;
        continue;
      }
      stack.push({ value: inner, depth: depth + 1 });
    }
  }
  return { conditions, depth: deepest };
}

/** Filters of every level of a populate value (`populate[a][filters]…`), each with its path. */
export function populateFilters(populate: unknown): unknown[] {
  const found: unknown[] = [];
  const stack: unknown[] = [populate];
  while (stack.length > 0) {
    const value = stack.pop();
    const list = asList(value);
    if (list) {
      stack.push(...list);
      continue;
    }
    if (!isRecord(value)) continue;
    for (const level of Object.values(value)) {
      if (!isRecord(level)) continue;
      if (level.filters !== undefined) found.push(level.filters);
      if (level.populate !== undefined) stack.push(level.populate);
      if (isRecord(level.on)) stack.push(...Object.values(level.on).map((sub) => (isRecord(sub) ? { fragment: sub } : sub)));
    }
  }
  return found;
}

/** Filter limits over a whole query (its filters and every populate level's), as a message. */
export function findFilterProblem(query: { filters?: unknown; populate?: unknown }, limits: FilterLimits): string | null {
  let conditions = 0;
  let depth = 0;
  for (const filters of [query.filters, ...populateFilters(query.populate)]) {
    const measure = measureFilters(filters);
    conditions += measure.conditions;
    depth = Math.max(depth, measure.depth);
  }
  if (depth > limits.maxDepth) return `filters lồng nhau quá sâu: tối đa ${limits.maxDepth} cấp (yêu cầu có ${depth} cấp).`;
  if (conditions > limits.maxConditions) return `filters có quá nhiều điều kiện: tối đa ${limits.maxConditions} (yêu cầu có ${conditions}).`;
  return null;
}

/** Page size of a REST read: pagination[pageSize] or [limit], Strapi's default otherwise, at most its max. */
export function requestedRows(pagination: unknown, defaultLimit: number, maxLimit: number): number {
  const p = isRecord(pagination) ? pagination : {};
  const raw = p.pageSize ?? p.limit;
  const asked = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : defaultLimit;
  return Math.min(Math.max(asked, 1), maxLimit);
}

/** Every (model, attribute) pair of a tree whose fan-out estimateRecords will ask for. */
export function toManyPairs(tree: PopulateTree, uid: string, getModel: GetModel): [string, string][] {
  const pairs: [string, string][] = [];
  const walk = (level: { star: boolean; children: PopulateNode[] }, model: string | undefined) => {
    for (const node of expanded(level, model, getModel)) {
      const attribute = model ? (own(getModel(model)?.attributes ?? {}, node.name) as AttributeWithZone | undefined) : undefined;
      if (!attribute || !model) continue;
      if (isToMany(attribute) && !node.countOnly) pairs.push([model, node.name]);
      walk(node, targetOf(attribute));
      for (const fragment of node.on) walk(fragment, fragment.type);
    }
  };
  walk(tree, uid);
  return pairs;
}

export interface BoundsSettings {
  populate: PopulateLimits;
  filters: FilterLimits;
  /** Rows an answer may be estimated to hold before it is built. */
  maxRecords: number;
  /** Serialized answer bytes past which it is refused (the last line, after building). */
  maxBodyBytes: number;
  /** Uncached requests one client may have in flight. */
  maxInFlight: number;
  /** Content-API requests still running after this get a 503. */
  timeoutMs: number;
  /** Bytes of a GraphQL request (document and variables), checked before it is parsed. */
  graphqlMaxBytes: number;
}

/** A positive integer setting from the environment, or its default; anything else stops the app. */
export const positive = (env: Record<string, string | undefined>, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  // A typo must not turn a limit off.
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got "${raw}").`);
  return value;
};

/**
 * Defaults: the website's deepest populate is 3 levels and its widest under 20 paths; its
 * biggest answer (a list of 100 articles with category, cover, blocs and agencies) is about
 * 100 × 12 rows, so 5,000 rows leave four times that; 5 MB is ten times the largest real page.
 * Four requests in flight is what a browser page's parallel API calls need; 10 s is past any
 * allowed request on the sample (the worst allowed took under 1 s in bench:abuse).
 */
export function readBoundsSettings(env: Record<string, string | undefined>): BoundsSettings {
  return {
    populate: { maxDepth: positive(env, 'POPULATE_MAX_DEPTH', 3), maxPaths: positive(env, 'POPULATE_MAX_PATHS', 20) },
    filters: { maxConditions: positive(env, 'FILTER_MAX_CONDITIONS', 30), maxDepth: positive(env, 'FILTER_MAX_DEPTH', 10) },
    maxRecords: positive(env, 'ANSWER_MAX_RECORDS', 5000),
    maxBodyBytes: positive(env, 'ANSWER_MAX_BYTES', 5 * 1024 * 1024),
    maxInFlight: positive(env, 'CLIENT_MAX_IN_FLIGHT', 4),
    timeoutMs: positive(env, 'REQUEST_TIMEOUT_MS', 10_000),
    // The website's largest query (the home page's blocks) is about 2 KB; the 2,400-alias attack was 84 KB.
    graphqlMaxBytes: positive(env, 'GRAPHQL_MAX_BYTES', 16 * 1024),
  };
}

/**
 * Bytes of a GraphQL request before anything parses it: the declared body length (Strapi leaves
 * the /graphql body to Apollo's own parser) plus the query string of a GET.
 */
export function graphqlRequestBytes(contentLength: string | undefined, querystring: string): number {
  const declared = contentLength !== undefined && /^\d+$/.test(contentLength) ? Number(contentLength) : 0;
  return declared + Buffer.byteLength(querystring);
}

export function describeGraphqlSizeProblem(bytes: number, maxBytes: number): string | null {
  if (bytes <= maxBytes) return null;
  return `Yêu cầu GraphQL quá lớn: ${bytes} byte, tối đa ${maxBytes} byte.`;
}
