/**
 * Shapes of user input that break code before it is validated: names of Object.prototype's own
 * members used as keys, and nesting too deep for recursive walkers.
 *
 * Strapi looks user keys up in plain objects in many places (yup's object schema with a
 * `constructor` or `toString` key in `data` or `fileInfo`, its query validator with
 * `fields=constructor`): the lookup finds the inherited function and the request ends in a 500.
 * The names are refused at the door instead; none of them is a valid attribute, field or key here.
 */
export const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export const isInheritedName = (name: string): boolean => INHERITED_NAMES.has(name);

/**
 * How deep a request body may nest (objects and arrays). The deepest real document is a blocks
 * field with nested lists: each list level adds 2 (a list and its children), so a list nested 10
 * levels inside `{ data: { body: [...] } }` is 27 deep, and 64 leaves room for 28 levels; a body
 * 3,000 deep overflowed the stack of the text normaliser (a 500).
 */
export const MAX_BODY_DEPTH = 64;

export type StructureProblem = { kind: 'depth'; max: number } | { kind: 'name'; name: string; path: string };

interface Frame {
  value: unknown;
  depth: number;
  key: string | number | null;
  parent: Frame | null;
}

/** "data.body[3].children": built only for a problem (a 1 MB body has tens of thousands of nodes). */
function pathOf(frame: Frame): string {
  let path = '';
  for (let f: Frame | null = frame; f && f.key !== null; f = f.parent) {
    path = typeof f.key === 'number' ? `[${f.key}]${path}` : `${f.parent?.key === null ? '' : '.'}${f.key}${path}`;
  }
  return path;
}

/** The first key named like an Object.prototype member, or nesting past `maxDepth`; no recursion. */
export function findStructureProblem(value: unknown, maxDepth = MAX_BODY_DEPTH): StructureProblem | null {
  const stack: Frame[] = [{ value, depth: 0, key: null, parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value: current, depth } = frame;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) return { kind: 'depth', max: maxDepth };
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) stack.push({ value: current[i], depth: depth + 1, key: i, parent: frame });
      continue;
    }
    // Only plain data is walked (a parsed body or query); files and dates are left alone.
    const proto = Object.getPrototypeOf(current);
    if (proto !== Object.prototype && proto !== null) continue;
    for (const key of Object.keys(current)) {
      const child: Frame = { value: (current as Record<string, unknown>)[key], depth: depth + 1, key, parent: frame };
      if (isInheritedName(key)) return { kind: 'name', name: key, path: pathOf(child) };
      stack.push(child);
    }
  }
  return null;
}

/** A structure problem as a message for whoever sent the request. */
export function describeStructureProblem(problem: StructureProblem, where: string): string {
  if (problem.kind === 'depth') return `${where} lồng nhau quá sâu (quá ${problem.max} tầng), không xử lý được.`;
  return `${where} có khoá "${problem.name}" (tại ${problem.path}), là tên dành riêng, không được dùng làm tên trường.`;
}

/** Query parameters whose values are attribute names (fields=title, sort=title:asc, populate=category.cover). */
const NAME_PARAMS = new Set(['fields', 'sort', 'populate', 'on']);

/** Names inside one value of such a parameter: comma lists, "name:direction", dotted paths. */
const namesIn = (value: string) =>
  value.split(',').flatMap((part) => part.trim().split(':')[0].split('.'));

/**
 * The first attribute-name value in a parsed query (qs shape) that names an Object.prototype member:
 * `fields=constructor`, `sort[0]=toString:asc`, `populate[category][fields][0]=valueOf`.
 * Keys need no check: qs drops such keys itself.
 */
export function findNameParamProblem(query: Record<string, unknown>): string | null {
  // Each entry: a value and the nearest parameter name above it (array indices are not names).
  const stack: { value: unknown; param: string }[] = Object.entries(query).map(([param, value]) => ({ value, param }));
  while (stack.length > 0) {
    const { value, param } = stack.pop()!;
    if (typeof value === 'string') {
      const bad = NAME_PARAMS.has(param) ? namesIn(value).find(isInheritedName) : undefined;
      if (bad) return `Tham số "${param}" nêu tên "${bad}", không phải tên trường nào.`;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, param });
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, param: /^\d+$/.test(key) ? param : key });
    }
  }
  return null;
}
