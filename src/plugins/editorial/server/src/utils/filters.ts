import { VIETNAM_OFFSET_MS } from './time';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
const KEYS = ['action', 'actor', 'uid', 'documentId', 'from', 'to', 'page', 'pageSize'] as const;
type Key = (typeof KEYS)[number];

/** The filters of GET /editorial/audit-log and its CSV export, checked. Times are epoch ms; `to` is exclusive. */
export interface Filters {
  action?: string;
  /** An actor key ("admin:5", "system:scheduler"), a type ("system", "api-token"), or part of a name. */
  actor?: string;
  uid?: string;
  documentId?: string;
  from?: number;
  to?: number;
  page: number;
  pageSize: number;
}

export type Parsed = { ok: true; filters: Filters } | { ok: false; message: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A full time must say its zone: "2026-12-03T08:00" alone would be read in the server's zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date filter as epoch ms. A bare date is a day in Vietnam (UTC+7): `from` is its start and
 * `to` the start of the next day, so "to=2026-12-03" includes the whole of the 3rd.
 */
export function parseTime(value: string, end: boolean): number | null {
  const day = DATE_ONLY.exec(value);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const utc = Date.UTC(y, m - 1, d + (end ? 1 : 0));
    const check = new Date(Date.UTC(y, m - 1, d));
    // Date.UTC rolls 2026-02-30 over to March: refuse it instead.
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
    return utc - VIETNAM_OFFSET_MS;
  }
  if (!DATE_TIME.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

const positiveInt = (value: string): number | null => (/^\d{1,9}$/.test(value) && Number(value) >= 1 ? Number(value) : null);

/** Checks the query string of the audit log routes; the messages are for an administrator, in Vietnamese. */
export function parseFilters(query: Record<string, unknown>): Parsed {
  const filters: Filters = { page: 1, pageSize: DEFAULT_PAGE_SIZE };
  for (const [key, raw] of Object.entries(query)) {
    if (!(KEYS as readonly string[]).includes(key)) return { ok: false, message: `Tham số không được hỗ trợ: "${key}". Chỉ dùng: ${KEYS.join(', ')}.` };
    if (typeof raw !== 'string') return { ok: false, message: `Tham số "${key}" chỉ nhận một giá trị dạng chuỗi.` };
    const value = raw.trim();
    if (value === '') continue;
    if (value.length > 200 || /[\u0000-\u001f]/.test(value)) return { ok: false, message: `Giá trị của "${key}" không hợp lệ.` };
    switch (key as Key) {
      case 'page':
      case 'pageSize': {
        const n = positiveInt(value);
        if (n === null) return { ok: false, message: `"${key}" phải là số nguyên dương.` };
        if (key === 'pageSize' && n > MAX_PAGE_SIZE) return { ok: false, message: `"pageSize" tối đa là ${MAX_PAGE_SIZE}.` };
        filters[key as 'page' | 'pageSize'] = n;
        break;
      }
      case 'from':
      case 'to': {
        const ms = parseTime(value, key === 'to');
        if (ms === null) return { ok: false, message: `Ngày "${key}" không hợp lệ: dùng dạng YYYY-MM-DD hoặc thời điểm ISO 8601 có múi giờ.` };
        filters[key as 'from' | 'to'] = ms;
        break;
      }
      default:
        filters[key as 'action' | 'actor' | 'uid' | 'documentId'] = value;
    }
  }
  if (filters.from !== undefined && filters.to !== undefined && filters.from >= filters.to) return { ok: false, message: 'Ngày bắt đầu ("from") phải trước ngày kết thúc ("to").' };
  return { ok: true, filters };
}

/** How the `actor` filter is matched: an exact key, every actor of a type, or a part of the name. */
export function actorMatch(actor: string): { key: string } | { type: string } | { name: string } {
  if (/^(admin|api-token|user):\d+$/.test(actor) || /^system:[\w-]+$/.test(actor)) return { key: actor };
  if (['admin', 'api-token', 'user', 'anonymous', 'system'].includes(actor)) return { type: actor };
  return { name: actor };
}
