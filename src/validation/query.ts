// A BCP 47-like code as Strapi's i18n uses them: "vi", "en", "zh-Hans", "pt-BR".
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const isLocaleCode = (code: unknown): code is string => typeof code === 'string' && LOCALE.test(code);

const positiveInt = (value: unknown) => typeof value === 'string' && /^[1-9]\d{0,8}$/.test(value);
const nonNegativeInt = (value: unknown) => typeof value === 'string' && /^\d{1,9}$/.test(value);

// PostgreSQL refuses NUL in text with an error (a 500), wherever it comes from.
const hasNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes('\u0000') : value !== null && typeof value === 'object' && Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v));

/** A raw (still percent-encoded) request path with an encoded or bare NUL. */
export const findPathProblem = (path: string): string | null =>
  /%00|\u0000/i.test(path) ? 'Đường dẫn chứa ký tự NUL, không hợp lệ.' : null;

/** The first problem of a parsed query string (qs shape), as a Vietnamese message; null when fine. */
export function findQueryProblem(query: Record<string, unknown>): string | null {
  if (hasNul(query)) return 'Tham số truy vấn chứa ký tự NUL, không hợp lệ.';
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

/** fileInfo of an upload must be JSON (Strapi's controller would throw a 500 on a syntax error). */
export function findFileInfoProblem(fileInfo: unknown): string | null {
  const items = Array.isArray(fileInfo) ? fileInfo : fileInfo === undefined ? [] : [fileInfo];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    try {
      const parsed: unknown = JSON.parse(item);
      if (!parsed || typeof parsed !== 'object') return 'Thông tin tệp (fileInfo) phải là một đối tượng JSON.';
      const { name } = parsed as { name?: unknown };
      // The stored name is shown and downloaded under: a path in it is an attack or a tool's bug.
      if (name !== undefined && (typeof name !== 'string' || /[/\\\u0000-\u001f]|^\.+$/.test(name))) {
        return 'Tên tệp (fileInfo.name) không hợp lệ: không được chứa đường dẫn (/, \\, ..) hay ký tự điều khiển.';
      }
    } catch {
      return 'Thông tin tệp (fileInfo) không phải JSON hợp lệ.';
    }
  }
  return null;
}
