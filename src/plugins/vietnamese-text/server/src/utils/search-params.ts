import { parseQuery, QueryError, type SearchQuery } from './search-text';

export interface SearchParams {
  query: SearchQuery;
  locale: string;
  uids: string[];
  page: number;
  pageSize: number;
}

interface Known {
  /** API type name → content type uid. */
  types: Record<string, string>;
  locales: string[];
  defaultLocale: string;
  maxPageSize: number;
}

const MAX_PAGE = 1000;

function positiveInt(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new QueryError(`Tham số ${name} phải là số nguyên dương.`);
  if (n > max) throw new QueryError(`Tham số ${name} tối đa là ${max}.`);
  return n;
}

/** Validates /api/search parameters; anything wrong is a QueryError with a Vietnamese message. */
export function parseSearchParams(raw: Record<string, unknown>, known: Known): SearchParams {
  const query = parseQuery(raw.q);

  const locale = raw.locale === undefined || raw.locale === '' ? known.defaultLocale : raw.locale;
  if (typeof locale !== 'string' || !known.locales.includes(locale)) {
    throw new QueryError(`Ngôn ngữ không hợp lệ. Dùng một trong: ${known.locales.join(', ')}.`);
  }

  const type = raw.type === undefined || raw.type === '' ? 'all' : raw.type;
  let uids: string[];
  if (type === 'all') uids = Object.values(known.types);
  // Own keys only: `type=constructor` must not find Object.prototype.constructor.
  else if (typeof type === 'string' && Object.hasOwn(known.types, type)) uids = [known.types[type]];
  else throw new QueryError(`Loại nội dung không hợp lệ. Dùng: all, ${Object.keys(known.types).join(', ')}.`);

  return {
    query,
    locale,
    uids,
    page: positiveInt(raw.page, 'page', 1, MAX_PAGE),
    pageSize: positiveInt(raw.pageSize, 'pageSize', 10, known.maxPageSize),
  };
}
