/**
 * Pure rules of publishing rights: who is acting, which fields only some may write, and the
 * Vietnamese refusals. The `rights` and `publication-guard` services do the Strapi work.
 */
import { toEpochMs } from './schedule';

/**
 * Who causes a write. `system` is code running outside any HTTP request (the scheduler, the
 * importer, scripts): it is trusted, as it cannot be reached by a user.
 */
export type Principal =
  | { kind: 'system' }
  | { kind: 'admin'; id: string }
  | { kind: 'admin-token'; id: string }
  | { kind: 'api-token'; id: string; type: string }
  | { kind: 'reader'; id: string | null };

export type PrincipalKind = Principal['kind'];

/** The parts of a Koa request state this reads (set by Strapi's auth strategies). */
export interface RequestStateLike {
  user?: { id?: unknown } | null;
  auth?: { strategy?: { name?: string }; credentials?: { id?: unknown; type?: unknown } | null } | null;
}

const idOf = (value: unknown): string | null => (typeof value === 'number' || typeof value === 'string' ? String(value) : null);

/** The principal of a request, from the strategy Strapi authenticated it with. */
export function principalOf(state: RequestStateLike | null | undefined): Principal {
  const strategy = state?.auth?.strategy?.name ?? '';
  const credentials = state?.auth?.credentials ?? null;
  const userId = idOf(state?.user?.id);
  if (strategy === 'admin' && userId) return { kind: 'admin', id: userId };
  const tokenId = idOf(credentials?.id);
  if (strategy === 'admin-token' && tokenId) return { kind: 'admin-token', id: tokenId };
  // Strapi 5.54 names its content-API token strategy `content-api-token`; earlier 5.x, `api-token`.
  if ((strategy === 'content-api-token' || strategy === 'api-token') && tokenId) {
    return { kind: 'api-token', id: tokenId, type: typeof credentials?.type === 'string' ? credentials.type : '' };
  }
  // users-permissions sign-in, or nobody: a website reader.
  return { kind: 'reader', id: strategy === 'users-permissions' ? idOf(credentials?.id) : null };
}

/** How the principal is stored with a schedule, and told in logs. */
export const principalKey = (p: Principal): { kind: PrincipalKind; id: string | null } => ({
  kind: p.kind,
  id: p.kind === 'system' ? null : p.id,
});

export function principalLabel(p: { kind: string; id: string | null }): string {
  const labels: Record<string, string> = {
    system: 'hệ thống (lệnh chạy trên máy chủ)',
    admin: 'tài khoản quản trị',
    'admin-token': 'khóa API quản trị',
    'api-token': 'khóa API',
    reader: 'tài khoản website',
  };
  return `${labels[p.kind] ?? p.kind}${p.id ? ` #${p.id}` : ''}`;
}

/**
 * Outside the admin, only a full-access API token stands for the newsroom: Strapi's content API
 * has no separate publish permission (its create/update publish unless told `status=draft`), so a
 * custom token or a website account with write access may still only keep drafts.
 */
export function contentApiMayPublish(p: Principal): boolean {
  return p.kind === 'system' || (p.kind === 'api-token' && p.type === 'full-access');
}

/**
 * Fields only some writers may change, declared in the schema next to the field:
 * `pluginOptions.newsroom.writableBy` is `publisher` (changing it schedules a publication or an
 * unpublication) or `importer` (written by `npm run import` only, never through a request).
 */
export type WriteRight = 'publisher' | 'importer';

interface AttributeLike {
  pluginOptions?: { newsroom?: { writableBy?: unknown } } & Record<string, unknown>;
}

export function restrictedFieldsOf(attributes: Record<string, AttributeLike>): Record<string, WriteRight> {
  const out: Record<string, WriteRight> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    const right = attribute.pluginOptions?.newsroom?.writableBy;
    if (right === 'publisher' || right === 'importer') out[name] = right;
  }
  return out;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * Whether a value asked for equals the stored one. Dates compare as instants: the admin sends
 * ISO strings, SQLite returns epoch ms and PostgreSQL a Date for the same moment.
 */
export function sameValue(asked: unknown, stored: unknown): boolean {
  if (isEmpty(asked) || isEmpty(stored)) return isEmpty(asked) && isEmpty(stored);
  if (asked instanceof Date || stored instanceof Date || typeof stored === 'number' || typeof asked === 'number') {
    const a = toEpochMs(asked);
    const b = toEpochMs(stored);
    if (a !== null && b !== null) return a === b;
  }
  if (typeof asked === 'string' && typeof stored === 'string') {
    if (asked === stored) return true;
    // Two spellings of one instant ("…T08:00:00.000Z" and "…T08:00:00Z").
    const a = toEpochMs(asked);
    const b = toEpochMs(stored);
    return /^\d{4}-\d\d-\d\dT/.test(asked) && a !== null && a === b;
  }
  return JSON.stringify(asked) === JSON.stringify(stored);
}

/**
 * The restricted fields a write would change: present in any of `asked` (the data the Document
 * Service gets, and the request body the content manager filtered it from) with a value other
 * than the stored one. `stored` is null for a new document or locale.
 */
export function changedRestrictedFields(
  restricted: Record<string, WriteRight>,
  asked: Record<string, unknown>[],
  stored: Record<string, unknown> | null
): string[] {
  return Object.keys(restricted).filter((field) =>
    asked.some((data) => Object.prototype.hasOwnProperty.call(data, field) && !sameValue(data[field], stored?.[field] ?? null))
  );
}

export type Refusal =
  | { kind: 'publish' | 'unpublish' | 'delete-published' | 'clone-read'; locale: string }
  | { kind: 'field'; field: string; right: WriteRight; locale: string };

/**
 * The message a refused write answers with (shown to editors in the admin and to API clients).
 * Content-API callers are told the one thing they may do: keep a draft.
 */
export function refusalMessage(refusal: Refusal, principal: Principal): string {
  const where = refusal.locale ? ` (ngôn ngữ ${refusal.locale})` : '';
  if (refusal.kind === 'field' && refusal.right === 'importer') {
    return `Trường "${refusal.field}" chỉ do lệnh nhập dữ liệu (npm run import) ghi, không sửa qua trang quản trị hay API.`;
  }
  if (principal.kind === 'api-token' || principal.kind === 'reader') {
    return `Khóa API hoặc tài khoản này chỉ được lưu bản nháp (thêm status=draft)${where}: đăng, gỡ, hẹn giờ hay xóa bài đang đăng cần khóa API toàn quyền.`;
  }
  switch (refusal.kind) {
    case 'publish':
      return `Bạn không có quyền xuất bản nội dung này${where}.`;
    case 'unpublish':
      return `Bạn không có quyền gỡ nội dung này${where}: gỡ bài cần quyền xuất bản.`;
    case 'delete-published':
      return `Nội dung này đang được đăng${where}: xóa nó là gỡ khỏi trang, cần quyền xuất bản.`;
    case 'clone-read':
      return `Bạn không có quyền đọc bản gốc${where} nên không nhân bản được.`;
    default:
      return `Bạn không có quyền đặt hay đổi "${refusal.field}"${where}: hẹn giờ đăng hoặc gỡ bài cần quyền xuất bản.`;
  }
}
