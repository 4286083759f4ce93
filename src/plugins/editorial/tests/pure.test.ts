import { defaultConfig, validateConfig, type PluginConfig } from '../server/src/config';
import { actorFromState, actorKey, ANONYMOUS, displayName } from '../server/src/utils/actor';
import { BOM, csvCell, csvRow } from '../server/src/utils/csv';
import { compactDetails, MAX_DETAILS, parseDetails } from '../server/src/utils/details';
import { entriesFromDocument, titleField } from '../server/src/utils/documents';
import { AUDITED_EVENTS, entriesFromEvent } from '../server/src/utils/events';
import { actorMatch, MAX_PAGE_SIZE, parseFilters, parseTime } from '../server/src/utils/filters';
import { ACTION_LABELS, actionLabel, actorLabel } from '../server/src/utils/labels';
import { STAGES } from '../server/src/utils/review';
import { entryFromLifecycle } from '../server/src/utils/lifecycles';
import { retentionCutoff } from '../server/src/utils/retention';
import { vietnamTime } from '../server/src/utils/time';

const DAY = 24 * 3600 * 1000;
const NO_REQUEST = { hasFiles: false, loginEmail: null };

describe('actor of a request', () => {
  const admin = { id: 5, firstname: 'Lê', lastname: 'Hằng', email: 'le.hang@example.vn' };
  it.each([
    ['no state', undefined, ANONYMOUS],
    ['a login (no strategy yet)', {}, ANONYMOUS],
    ['an admin session', { user: admin, auth: { strategy: { name: 'admin' }, credentials: admin } }, { type: 'admin', id: '5', name: 'Lê Hằng' }],
    ['a content API token', { auth: { strategy: { name: 'content-api-token' }, credentials: { id: 3, name: 'Trang web tỉnh' } } }, { type: 'api-token', id: '3', name: 'Trang web tỉnh' }],
    ['an admin token (its owner in state.user)', { user: admin, auth: { strategy: { name: 'admin-token' }, credentials: { id: 9, name: 'Máy nhập bài' } } }, { type: 'api-token', id: '9', name: 'Máy nhập bài' }],
    ['a website account', { auth: { strategy: { name: 'users-permissions' }, credentials: { id: 12, username: 'bandoc' } } }, { type: 'user', id: '12', name: 'bandoc' }],
    ['a public read', { auth: { strategy: { name: 'users-permissions' }, credentials: null } }, ANONYMOUS],
  ])('%s', (_name, state, expected) => {
    expect(actorFromState(state)).toEqual(expected);
  });

  it.each([
    [{ firstname: 'Lê', lastname: 'Hằng', username: 'lh' }, 'Lê Hằng'],
    [{ firstname: null, lastname: null, username: 'lh' }, 'lh'],
    [{ email: 'a@example.vn' }, 'a@example.vn'],
    [{}, null],
  ])('display name of %j is %s', (user, name) => expect(displayName(user)).toBe(name));

  it.each([
    [{ type: 'admin' as const, id: '5', name: 'x' }, 'admin:5'],
    [{ type: 'api-token' as const, id: '2', name: 'x' }, 'api-token:2'],
    [{ type: 'system' as const, id: null, name: 'scheduler' }, 'system:scheduler'],
    [{ type: 'system' as const, id: null, name: null }, 'system'],
    [ANONYMOUS, 'anonymous'],
  ])('key of %j is %s', (actor, key) => expect(actorKey(actor)).toBe(key));
});

describe('CSV', () => {
  it.each([
    ['Hội nghị tổng kết', 'Hội nghị tổng kết'],
    ['a,b', '"a,b"'],
    ['nói "không"', '"nói ""không"""'],
    ['dòng 1\ndòng 2', '"dòng 1\ndòng 2"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+84 912', "'+84 912"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['a=b', 'a=b'],
    [null, ''],
    [undefined, ''],
    [42, '42'],
    [{ count: 3 }, '"{""count"":3}"'],
  ])('cell %j → %s', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('ends records with CRLF and starts files with a BOM for Excel', () => {
    expect(csvRow(['a', 'b c', null])).toBe('a,b c,\r\n');
    expect(BOM).toBe('\uFEFF');
  });
});

describe('filters', () => {
  const ok = (query: Record<string, unknown>) => {
    const parsed = parseFilters(query);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.filters;
  };
  const refused = (query: Record<string, unknown>) => {
    const parsed = parseFilters(query);
    if (parsed.ok) throw new Error(`accepted ${JSON.stringify(query)}`);
    return parsed.message;
  };

  it('defaults to the first page of 25', () => expect(ok({})).toEqual({ page: 1, pageSize: 25 }));

  it('takes every documented filter', () => {
    expect(ok({ action: 'content.publish', actor: 'admin:5', uid: 'api::x.x', documentId: 'abc', from: '2026-12-01', to: '2026-12-02', page: '2', pageSize: '100' })).toEqual({
      action: 'content.publish',
      actor: 'admin:5',
      uid: 'api::x.x',
      documentId: 'abc',
      from: Date.parse('2026-12-01T00:00:00+07:00'),
      to: Date.parse('2026-12-03T00:00:00+07:00'),
      page: 2,
      pageSize: 100,
    });
  });

  it('ignores empty values (an empty form field)', () => expect(ok({ action: '', actor: ' ' })).toEqual({ page: 1, pageSize: 25 }));

  it.each([
    [{ pageSize: String(MAX_PAGE_SIZE + 1) }, 'tối đa'],
    [{ pageSize: '0' }, 'số nguyên dương'],
    [{ page: '-1' }, 'số nguyên dương'],
    [{ page: '1.5' }, 'số nguyên dương'],
    [{ from: '2026-13-01' }, 'Ngày'],
    [{ from: '2026-02-30' }, 'Ngày'],
    [{ to: 'hôm qua' }, 'Ngày'],
    [{ from: '2026-12-01T08:00' }, 'múi giờ'],
    [{ from: '2026-12-02', to: '2026-12-01' }, 'trước'],
    [{ sort: 'id' }, 'không được hỗ trợ'],
    [{ 'filters[action]': 'x' }, 'không được hỗ trợ'],
    [{ action: ['a', 'b'] }, 'một giá trị'],
    [{ action: { $ne: 'x' } }, 'một giá trị'],
    [{ actor: 'x'.repeat(201) }, 'không hợp lệ'],
    [{ documentId: 'a\u0000b' }, 'không hợp lệ'],
  ])('refuses %j in Vietnamese', (query, words) => expect(refused(query)).toContain(words));

  it.each([
    ['2026-12-03', false, Date.parse('2026-12-03T00:00:00+07:00')],
    ['2026-12-03', true, Date.parse('2026-12-04T00:00:00+07:00')],
    ['2026-12-03T08:00:00Z', false, Date.parse('2026-12-03T08:00:00Z')],
    ['2026-12-03T08:00:00.123+07:00', true, Date.parse('2026-12-03T01:00:00.123Z')],
    ['2026-12-31', true, Date.parse('2027-01-01T00:00:00+07:00')],
    ['03/12/2026', false, null],
  ])('time %s (end %s)', (value, end, ms) => expect(parseTime(value, end)).toBe(ms));

  it.each([
    ['admin:5', { key: 'admin:5' }],
    ['api-token:2', { key: 'api-token:2' }],
    ['system:scheduler', { key: 'system:scheduler' }],
    ['system', { type: 'system' }],
    ['anonymous', { type: 'anonymous' }],
    ['Hằng', { name: 'Hằng' }],
    ['admin:x', { name: 'admin:x' }],
  ])('actor filter %s', (value, match) => expect(actorMatch(value)).toEqual(match));
});

describe('retention', () => {
  it.each([
    [365, Date.UTC(2026, 11, 3) - 365 * DAY],
    [1, Date.UTC(2026, 11, 2)],
  ])('%i days', (days, cutoff) => expect(retentionCutoff(Date.UTC(2026, 11, 3), days)).toBe(cutoff));

  it.each([0, -1, 1.5, Number.NaN])('refuses %s days', (days) => expect(() => retentionCutoff(0, days)).toThrow('retention'));

  it('validates the config', () => {
    expect(() => validateConfig(defaultConfig)).not.toThrow();
    const bad = (patch: Partial<PluginConfig>) => () => validateConfig({ ...defaultConfig, ...patch });
    expect(bad({ retentionDays: 0 })).toThrow('AUDIT_RETENTION_DAYS');
    expect(bad({ exportMaxRows: 0 })).toThrow('exportMaxRows');
    expect(bad({ purgeRule: '' })).toThrow('purgeRule');
  });
});

describe('details', () => {
  it('stores nothing for no details, JSON otherwise', () => {
    expect(compactDetails(null)).toBeNull();
    expect(compactDetails({})).toBeNull();
    expect(compactDetails({ count: 3, skip: undefined })).toBe('{"count":3}');
  });

  it('cuts long strings and lists, then the whole, to stay small', () => {
    const long = compactDetails({ reason: 'x'.repeat(1000), fields: Array.from({ length: 50 }, (_, i) => `f${i}`) })!;
    const parsed = JSON.parse(long);
    expect(parsed.reason).toHaveLength(200);
    expect(parsed.fields).toHaveLength(21);
    expect(parsed.fields[20]).toBe('… +30');
    const huge = compactDetails(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'y'.repeat(150)])))!;
    expect(huge.length).toBeLessThanOrEqual(MAX_DETAILS);
    expect(JSON.parse(huge).cut).toBe(true);
  });

  it.each([
    [null, null],
    ['{"count":1}', { count: 1 }],
    ['[1]', { value: [1] }],
    ['không phải JSON', { text: 'không phải JSON' }],
  ])('reads %j back', (stored, value) => expect(parseDetails(stored)).toEqual(value));
});

describe('action naming from Strapi events', () => {
  const admin = { id: 7, firstname: 'Quản', lastname: 'Trị', email: 'qt@example.vn', isActive: true, roles: [{ name: 'Super Admin', code: 'strapi-super-admin' }] };

  it.each([
    ['admin.auth.success', { user: admin, provider: 'local' }, NO_REQUEST, [{ action: 'admin.login', target: { uid: 'admin::user', documentId: '7', title: 'Quản Trị' }, details: { provider: 'local' }, actor: { type: 'admin', id: '7', name: 'Quản Trị' } }]],
    ['admin.auth.error', { error: new Error('Invalid credentials'), provider: 'local' }, { hasFiles: false, loginEmail: 'ke-la@example.vn' }, [{ action: 'admin.login.failure', target: { uid: 'admin::user', title: 'ke-la@example.vn' }, details: { provider: 'local', reason: 'Invalid credentials' } }]],
    ['admin.logout', { user: admin }, NO_REQUEST, [{ action: 'admin.logout', target: { uid: 'admin::user', documentId: '7', title: 'Quản Trị' } }]],
    ['user.create', { user: admin }, NO_REQUEST, [{ action: 'admin-user.create', target: { uid: 'admin::user', documentId: '7', title: 'Quản Trị' }, details: { active: true, roles: ['Super Admin'] } }]],
    ['role.update', { role: { id: 3, name: 'Biên tập viên', code: 'tdkt-editor' } }, NO_REQUEST, [{ action: 'admin-role.update', target: { uid: 'admin::role', documentId: '3', title: 'Biên tập viên' }, details: { code: 'tdkt-editor' } }]],
    [
      'permission.delete',
      { permissions: [{ action: 'plugin::content-manager.explorer.publish', subject: 'api::a.a', role: 3 }, { action: 'plugin::content-manager.explorer.read', subject: 'api::a.a', role: { id: 3 } }] },
      NO_REQUEST,
      [{ action: 'admin-permission.delete', target: { uid: 'admin::permission', documentId: '3' }, details: { count: 2, roles: ['3'], actions: ['plugin::content-manager.explorer.publish api::a.a', 'plugin::content-manager.explorer.read api::a.a'] } }],
    ],
    ['permission.update', { permissions: { action: 'x', role: 1 } }, NO_REQUEST, [{ action: 'admin-permission.update', target: { uid: 'admin::permission', documentId: '1' }, details: { count: 1, roles: ['1'], actions: ['x'] } }]],
    ['permission.create', { permissions: [] }, NO_REQUEST, []],
    ['permission.create', { permissions: [{ action: 'x' }] }, { ...NO_REQUEST, roleId: '6' }, [{ action: 'admin-permission.create', target: { uid: 'admin::permission', documentId: '6' }, details: { count: 1, roles: ['6'], actions: ['x'] } }]],
    ['media.create', { media: { id: 4, documentId: 'f4', name: 'hoi-nghi.jpg', mime: 'image/jpeg', size: 120.5 } }, { hasFiles: true, loginEmail: null }, [{ action: 'media.create', target: { uid: 'plugin::upload.file', documentId: 'f4', title: 'hoi-nghi.jpg' }, details: { mime: 'image/jpeg', size: 120.5 } }]],
    ['media.update', { media: { id: 4, documentId: 'f4', name: 'a.jpg' } }, NO_REQUEST, [expect.objectContaining({ action: 'media.update' })]],
    ['media.update', { media: { id: 4, documentId: 'f4', name: 'a.jpg' } }, { hasFiles: true, loginEmail: null }, [expect.objectContaining({ action: 'media.replace' })]],
    ['media.delete', { media: null }, NO_REQUEST, []],
    ['media-folder.delete', { folders: [{ id: 1, name: 'Ảnh', path: '/1' }, { id: 2, name: 'Con', path: '/1/2' }] }, NO_REQUEST, [expect.objectContaining({ action: 'media-folder.delete' }), expect.objectContaining({ action: 'media-folder.delete' })]],
    ['content-type.create', { contentType: { uid: 'api::x.x', schema: { info: { displayName: 'Văn bản' } } } }, NO_REQUEST, [{ action: 'content-type.create', target: { uid: 'api::x.x', title: 'Văn bản' } }]],
    ['locale.create', { localeId: 3, name: 'Français (fr)', code: 'fr', isDefault: false }, NO_REQUEST, [{ action: 'locale.create', target: { uid: 'plugin::i18n.locale', documentId: '3', locale: 'fr', title: 'Français (fr)' }, details: { isDefault: false, changes: undefined } }]],
    ['locale.default.update', { localeId: 3, name: 'Français (fr)', code: 'fr', changes: { defaultLocale: { before: null } } }, NO_REQUEST, [expect.objectContaining({ action: 'locale.default' })]],
    ['entry.create', { uid: 'api::x.x', entry: {} }, NO_REQUEST, []],
  ])('%s', (name, payload, context, entries) => {
    expect(entriesFromEvent(name, payload, context)).toEqual(entries);
  });

  it('a bulk admin user delete is one entry per user', () => {
    expect(entriesFromEvent('user.delete', { users: [{ id: 1 }, { id: 2 }] }, NO_REQUEST).map((e) => e.target?.documentId)).toEqual(['1', '2']);
  });

  it('has a Vietnamese label for every action it can name', () => {
    const named = new Set<string>();
    for (const event of AUDITED_EVENTS) {
      for (const e of entriesFromEvent(event, { user: {}, role: {}, permissions: [{}], media: {}, folder: {}, contentType: {}, localeId: 1 }, { hasFiles: event === 'media.update', loginEmail: null })) named.add(e.action);
    }
    named.add('media.update');
    // Each review step is logged as review.<stage> (services/review.ts).
    for (const stage of STAGES) named.add(`review.${stage}`);
    for (const action of ['content.create', 'content.update', 'content.publish', 'content.unpublish', 'content.delete', 'content.discard-draft', 'content.clone', 'api-token.regenerate', 'settings.update', 'audit.purge', 'system.import', 'system.restore', 'history.restore', 'history.purge']) named.add(action);
    expect([...named].filter((a) => !ACTION_LABELS[a])).toEqual([]);
    expect(actionLabel('unknown.thing')).toBe('unknown.thing');
  });
});

describe('actor labels', () => {
  it.each([
    [{ type: 'admin', name: 'Lê Hằng' }, 'Quản trị viên Lê Hằng'],
    [{ type: 'system', name: 'scheduler' }, 'Hệ thống (lịch hẹn giờ)'],
    [{ type: 'system', name: null }, 'Hệ thống'],
    [{ type: 'api-token', name: 'Trang web' }, 'Khoá API Trang web'],
    [{ type: 'anonymous', name: null }, 'Chưa đăng nhập'],
  ])('%j → %s', (actor, label) => expect(actorLabel(actor)).toBe(label));
});

describe('content writes (Document Service)', () => {
  const UID = 'api::article.article';
  const vi = { id: 1, documentId: 'd1', locale: 'vi', title: 'Hội nghị tổng kết' };
  const viPublished = { ...vi, id: 2 };
  const en = { id: 3, documentId: 'd1', locale: 'en', title: 'Year-end review' };

  it.each([
    ['create', { data: { title: 'x', slug: 'x' } }, vi, true, [{ action: 'content.create', target: { uid: UID, documentId: 'd1', locale: 'vi', title: 'Hội nghị tổng kết' }, details: { fields: ['slug', 'title'] } }]],
    [
      'create',
      { data: { title: 'x' }, status: 'published' },
      vi,
      true,
      [
        { action: 'content.create', target: { uid: UID, documentId: 'd1', locale: 'vi', title: 'Hội nghị tổng kết' }, details: { fields: ['title'] } },
        { action: 'content.publish', target: { uid: UID, documentId: 'd1', locale: 'vi', title: 'Hội nghị tổng kết' }, details: null },
      ],
    ],
    ['update', { data: { title: 'x' }, status: 'published' }, vi, false, [expect.objectContaining({ action: 'content.update' })]],
    ['update', { documentId: 'none', data: {} }, null, true, []],
    ['delete', { documentId: 'd1' }, { documentId: 'd1', entries: [vi, viPublished] }, true, [{ action: 'content.delete', target: { uid: UID, documentId: 'd1', locale: 'vi', title: 'Hội nghị tổng kết' }, details: null }]],
    ['publish', { documentId: 'd1', locale: '*' }, { documentId: 'd1', entries: [vi, en] }, true, [expect.objectContaining({ action: 'content.publish', target: expect.objectContaining({ locale: 'vi' }) }), expect.objectContaining({ action: 'content.publish', target: expect.objectContaining({ locale: 'en', title: 'Year-end review' }) })]],
    ['unpublish', { documentId: 'd1' }, { documentId: 'd1', entries: [] }, true, []],
    ['discardDraft', { documentId: 'd1' }, { documentId: 'd1', entries: [vi] }, true, [expect.objectContaining({ action: 'content.discard-draft' })]],
    ['clone', { documentId: 'd1' }, { documentId: 'd9', entries: [{ ...vi, documentId: 'd9' }] }, true, [expect.objectContaining({ action: 'content.clone', details: { from: 'd1' } })]],
    ['findMany', {}, [vi], true, []],
    ['count', {}, 3, true, []],
  ])('%s %j', (action, params, result, draftAndPublish, entries) => {
    expect(entriesFromDocument(UID, action, params, result, 'title', draftAndPublish)).toEqual(entries);
  });

  it('keeps titles short', () => {
    const [entry] = entriesFromDocument(UID, 'create', {}, { ...vi, title: 'x'.repeat(600) }, 'title', true);
    expect(entry.target?.title).toHaveLength(500);
  });

  it.each([
    [{ title: { type: 'string' }, slug: { type: 'uid' } }, 'title'],
    [{ slug: { type: 'uid' }, name: { type: 'string' } }, 'name'],
    [{ email: { type: 'email' }, password: { type: 'password' }, username: { type: 'string' } }, 'username'],
    [{ body: { type: 'blocks' }, summary: { type: 'string' } }, 'summary'],
    [{ title: { type: 'relation' }, caption: { type: 'string' } }, 'caption'],
    [{ email: { type: 'email' } }, null],
  ])('title field of %j is %s', (attributes, field) => expect(titleField(attributes)).toBe(field));
});

describe('tables without events (database lifecycles)', () => {
  const token = { id: 2, name: 'Trang web', type: 'read-only', kind: 'content-api' };
  it.each([
    ['admin::api-token', 'afterCreate', { name: 'Trang web', accessKey: 'h' }, token, false, { action: 'api-token.create', target: { uid: 'admin::api-token', documentId: '2', title: 'Trang web' }, details: { type: 'read-only', kind: 'content-api', fields: undefined } }],
    ['admin::api-token', 'afterUpdate', { accessKey: 'h', encryptedKey: 'e' }, { id: 2, accessKey: 'h' }, true, { action: 'api-token.regenerate', target: { uid: 'admin::api-token', documentId: '2', title: null }, details: { type: null, kind: null, fields: undefined } }],
    ['admin::api-token', 'afterUpdate', { name: 'Mới', description: 'x' }, token, true, expect.objectContaining({ action: 'api-token.update', details: expect.objectContaining({ fields: ['name', 'description'] }) })],
    ['admin::api-token', 'afterUpdate', { lastUsedAt: new Date() }, token, false, null],
    ['admin::api-token', 'afterDelete', {}, token, true, expect.objectContaining({ action: 'api-token.delete' })],
    ['plugin::users-permissions.role', 'afterUpdate', { name: 'Public' }, { id: 2, name: 'Public', type: 'public' }, true, expect.objectContaining({ action: 'website-role.update' })],
    ['plugin::users-permissions.role', 'afterUpdate', { name: 'Public' }, { id: 2, name: 'Public', type: 'public' }, false, null],
    ['strapi::core-store', 'afterUpdate', { value: '{}' }, { key: 'plugin_upload_settings', value: '{}' }, true, { action: 'settings.update', target: { uid: 'strapi::core-store', documentId: 'plugin_upload_settings', title: 'plugin_upload_settings' } }],
    ['strapi::core-store', 'afterUpdate', { value: '{}' }, { key: 'plugin_upload_settings' }, false, null],
    ['strapi::core-store', 'afterUpdate', { value: '"fr"' }, { key: 'plugin_i18n_default_locale' }, true, null],
    ['strapi::webhook', 'afterCreate', {}, { id: 1, name: 'Trang web', url: 'https://x.vn/h', enabled: true }, true, expect.objectContaining({ action: 'webhook.create' })],
    ['admin::user', 'afterCreate', {}, { id: 1 }, true, null],
  ] as const)('%s %s %j', (model, lifecycle, data, result, adminWrite, entry) => {
    expect(entryFromLifecycle(model, lifecycle, { ...data }, { ...result }, adminWrite)).toEqual(entry);
  });
});

describe('Vietnam time', () => {
  it.each([
    [Date.parse('2026-12-03T06:20:05Z'), '2026-12-03 13:20:05'],
    [Date.parse('2026-12-31T17:00:00Z'), '2027-01-01 00:00:00'],
  ])('%i → %s', (ms, shown) => expect(vietnamTime(ms)).toBe(shown));
});
