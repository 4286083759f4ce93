import {
  changedRestrictedFields,
  contentApiMayPublish,
  principalLabel,
  principalOf,
  refusalMessage,
  restrictedFieldsOf,
  sameValue,
  type Principal,
  type Refusal,
} from '../server/src/utils/rights';
import { ownerProblem } from '../server/src/utils/schedule';

describe('principalOf', () => {
  it.each([
    ['no state (outside any request is decided by the caller)', undefined, { kind: 'reader', id: null }],
    ['an anonymous reader', { auth: undefined }, { kind: 'reader', id: null }],
    ['an admin session', { user: { id: 7 }, auth: { strategy: { name: 'admin' }, credentials: { id: 7 } } }, { kind: 'admin', id: '7' }],
    ['an admin session without a user', { auth: { strategy: { name: 'admin' } } }, { kind: 'reader', id: null }],
    ['an admin API token', { user: { id: 7 }, auth: { strategy: { name: 'admin-token' }, credentials: { id: 3 } } }, { kind: 'admin-token', id: '3' }],
    ['a full-access API token', { auth: { strategy: { name: 'content-api-token' }, credentials: { id: 4, type: 'full-access' } } }, { kind: 'api-token', id: '4', type: 'full-access' }],
    ['a custom API token (older strategy name)', { auth: { strategy: { name: 'api-token' }, credentials: { id: 5, type: 'custom' } } }, { kind: 'api-token', id: '5', type: 'custom' }],
    ['a website account', { auth: { strategy: { name: 'users-permissions' }, credentials: { id: 9 } } }, { kind: 'reader', id: '9' }],
    ['an unknown strategy', { user: { id: 1 }, auth: { strategy: { name: 'sso-x' }, credentials: { id: 1 } } }, { kind: 'reader', id: null }],
  ])('%s', (_label, state, expected) => {
    expect(principalOf(state)).toEqual(expected);
  });
});

describe('contentApiMayPublish', () => {
  const cases: [Principal, boolean][] = [
    [{ kind: 'system' }, true],
    [{ kind: 'api-token', id: '1', type: 'full-access' }, true],
    [{ kind: 'api-token', id: '1', type: 'custom' }, false],
    [{ kind: 'api-token', id: '1', type: 'read-only' }, false],
    [{ kind: 'reader', id: '9' }, false],
    [{ kind: 'reader', id: null }, false],
    // Admin principals are decided by their permissions, never by this rule.
    [{ kind: 'admin', id: '1' }, false],
    [{ kind: 'admin-token', id: '1' }, false],
  ];
  it.each(cases)('%j → %s', (principal, expected) => {
    expect(contentApiMayPublish(principal)).toBe(expected);
  });
});

describe('restrictedFieldsOf', () => {
  it('reads writableBy from the pluginOptions of each attribute, ignoring other values', () => {
    expect(
      restrictedFieldsOf({
        title: { pluginOptions: { i18n: { localized: true } } },
        publishAt: { pluginOptions: { newsroom: { writableBy: 'publisher' } } },
        legacyId: { pluginOptions: { i18n: { localized: true }, newsroom: { writableBy: 'importer' } } },
        odd: { pluginOptions: { newsroom: { writableBy: 'everyone' } } },
        plain: {},
      })
    ).toEqual({ publishAt: 'publisher', legacyId: 'importer' });
  });
});

describe('sameValue', () => {
  const instant = Date.UTC(2026, 5, 1, 1, 30);
  it.each([
    [null, undefined, true],
    ['', null, true],
    [null, instant, false],
    ['2026-06-01T01:30:00.000Z', instant, true],
    ['2026-06-01T01:30:00Z', new Date(instant), true],
    ['2026-06-01T01:30:00.000Z', '2026-06-01T01:30:00Z', true],
    ['2026-06-01T01:30:00.001Z', instant, false],
    [new Date(instant), String(instant), true],
    ['cu-123', 'cu-123', true],
    ['cu-123', 'cu-124', false],
    ['12', '12.0', false],
    [{ a: 1 }, { a: 1 }, true],
  ])('%j vs %j → %s', (asked, stored, expected) => {
    expect(sameValue(asked, stored)).toBe(expected);
  });
});

describe('changedRestrictedFields', () => {
  const restricted = { publishAt: 'publisher', unpublishAt: 'publisher', legacyId: 'importer' } as const;
  const stored = { publishAt: Date.UTC(2026, 0, 1), unpublishAt: null, legacyId: 'cu-1', title: 'x' };
  it.each([
    ['nothing restricted asked', [{ title: 'y' }], stored, []],
    ['the same values sent back (the edit form sends every field)', [{ publishAt: '2026-01-01T00:00:00.000Z', unpublishAt: null, legacyId: 'cu-1' }], stored, []],
    ['a new publish time', [{ publishAt: '2026-01-02T00:00:00.000Z' }], stored, ['publishAt']],
    ['a cleared publish time', [{ publishAt: null }], stored, ['publishAt']],
    ['an unpublish time in the request body only', [{}, { unpublishAt: '2026-03-01T00:00:00.000Z' }], stored, ['unpublishAt']],
    ['a changed import id', [{ legacyId: 'cu-2' }], stored, ['legacyId']],
    ['values on a new document', [{ publishAt: '2026-01-02T00:00:00.000Z', legacyId: '' }], null, ['publishAt']],
    ['empty values on a new document', [{ publishAt: null, unpublishAt: '', legacyId: undefined }], null, []],
  ])('%s', (_label, asked, current, expected) => {
    expect(changedRestrictedFields(restricted, asked as Record<string, unknown>[], current)).toEqual(expected);
  });
});

describe('refusalMessage', () => {
  const admin: Principal = { kind: 'admin', id: '5' };
  const token: Principal = { kind: 'api-token', id: '2', type: 'custom' };
  const cases: [Refusal, Principal, RegExp][] = [
    [{ kind: 'publish', locale: 'vi' }, admin, /không có quyền xuất bản.*\(ngôn ngữ vi\)/],
    [{ kind: 'unpublish', locale: 'en' }, admin, /không có quyền gỡ.*\(ngôn ngữ en\).*quyền xuất bản/],
    [{ kind: 'delete-published', locale: 'vi' }, admin, /đang được đăng.*cần quyền xuất bản/],
    [{ kind: 'clone-read', locale: 'vi' }, admin, /không có quyền đọc bản gốc/],
    [{ kind: 'field', field: 'publishAt', right: 'publisher', locale: 'vi' }, admin, /"publishAt".*hẹn giờ.*quyền xuất bản/],
    [{ kind: 'field', field: 'legacyId', right: 'importer', locale: 'vi' }, admin, /"legacyId" chỉ do lệnh nhập dữ liệu/],
    [{ kind: 'field', field: 'legacyHash', right: 'importer', locale: 'vi' }, token, /"legacyHash" chỉ do lệnh nhập dữ liệu/],
    [{ kind: 'publish', locale: 'vi' }, token, /chỉ được lưu bản nháp \(thêm status=draft\)/],
    [{ kind: 'field', field: 'publishAt', right: 'publisher', locale: 'vi' }, { kind: 'reader', id: '1' }, /chỉ được lưu bản nháp/],
  ];
  it.each(cases)('%j for %j', (refusal, principal, expected) => {
    expect(refusalMessage(refusal, principal)).toMatch(expected);
  });

  it('labels principals in Vietnamese for logs', () => {
    expect(principalLabel({ kind: 'admin', id: '5' })).toBe('tài khoản quản trị #5');
    expect(principalLabel({ kind: 'system', id: null })).toBe('hệ thống (lệnh chạy trên máy chủ)');
  });
});

describe('ownerProblem', () => {
  const due = Date.UTC(2026, 0, 1, 8);
  const owner = { due_at_ms: String(due), principal_kind: 'admin', principal_id: '5', edited_by: null };
  it.each([
    ['a recorded owner of this very time', owner, 'publish', null],
    ['no owner', undefined, 'publish', /không rõ ai đặt lịch/],
    ['an owner of another time', { ...owner, due_at_ms: due + 60_000 }, 'publish', /không rõ ai đặt lịch/],
    ['a draft edited since by someone who may not publish', { ...owner, edited_by: 'tài khoản quản trị #9' }, 'publish', /đã được sửa sau khi hẹn giờ bởi tài khoản quản trị #9/],
    ['the same edit before an unpublication (shows nothing new)', { ...owner, edited_by: 'tài khoản quản trị #9' }, 'unpublish', null],
  ] as const)('%s', (_label, row, action, expected) => {
    const problem = ownerProblem(row, due, action);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
