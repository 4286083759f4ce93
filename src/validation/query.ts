import { describeStructureProblem, findStructureProblem } from './structure';
import { findLoneSurrogate, loneSurrogateMessage } from './text';

// A BCP 47-like code as Strapi's i18n uses them: "vi", "en", "zh-Hans", "pt-BR".
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const isLocaleCode = (code: unknown): code is string => typeof code === 'string' && LOCALE.test(code);

const positiveInt = (value: unknown) => typeof value === 'string' && /^[1-9]\d{0,8}$/.test(value);
const nonNegativeInt = (value: unknown) => typeof value === 'string' && /^\d{1,9}$/.test(value);

// PostgreSQL refuses NUL in text with an error (a 500), wherever it comes from (REST query
// strings here, GraphQL arguments in src/graphql/nul-guard.ts).
export const containsNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes('\u0000') : value !== null && typeof value === 'object' && Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));

export const NUL_MESSAGE = 'Tham số truy vấn chứa ký tự NUL, không hợp lệ.';

/** The first problem of a parsed query string (qs shape), as a Vietnamese message; null when fine. */
export function findQueryProblem(query: Record<string, unknown>): string | null {
  if (containsNul(query)) return NUL_MESSAGE;
  const { locale, pagination } = query;
  if (locale !== undefined && locale !== '*' && !isLocaleCode(locale)) {
    return 'Mã ngôn ngữ (locale) không hợp lệ.';
  }
  if (pagination !== undefined) {
    if (!pagination || typeof pagination !== 'object' || Array.isArray(pagination)) return 'Tham số phân trang (pagination) không hợp lệ.';
    const p = pagination as Record<string, unknown>;
    // Strapi reads pageSize/limit -1 as "no limit": a client must not ask for everything.
    for (const key of ['page', 'pageSize', 'limit'] as const) {
      if (p[key] !== undefined && !positiveInt(p[key])) return `Tham số phân trang "${key}" phải là số nguyên dương.`;
    }
    if (p.start !== undefined && !nonNegativeInt(p.start)) return 'Tham số phân trang "start" phải là số nguyên không âm.';
  }
  return null;
}

/**
 * fileInfo of an upload (a JSON string per file, in a multipart field): Strapi's controller throws a
 * 500 on a syntax error, on a key named like an Object.prototype member (`__proto__`, `toString`)
 * and on nesting its validator recurses through.
 */
export function findFileInfoProblem(fileInfo: unknown): string | null {
  const items = Array.isArray(fileInfo) ? fileInfo : fileInfo === undefined ? [] : [fileInfo];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(item);
    } catch {
      return 'Thông tin tệp (fileInfo) không phải JSON hợp lệ.';
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'Thông tin tệp (fileInfo) phải là một đối tượng JSON.';
    // Real fileInfo is flat (name, alternativeText, caption, folder): 8 levels is already generous.
    const structure = findStructureProblem(parsed, 8);
    if (structure) return describeStructureProblem(structure, 'Thông tin tệp (fileInfo)');
    const surrogate = findLoneSurrogate(parsed);
    if (surrogate !== null) return loneSurrogateMessage(`fileInfo.${surrogate}`);
    const { name } = parsed as { name?: unknown };
    // The stored name is shown and downloaded under: a path in it is an attack or a tool's bug.
    if (name !== undefined && (typeof name !== 'string' || /[/\\\u0000-\u001f]|^\.+$/.test(name))) {
      return 'Tên tệp (fileInfo.name) không hợp lệ: không được chứa đường dẫn (/, \\, ..) hay ký tự điều khiển.';
    }
  }
  return null;
}
