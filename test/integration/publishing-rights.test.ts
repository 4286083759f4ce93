import request, { type Response } from 'supertest';
import { NEWSROOM_ROLES } from '../../src/bootstrap/admin-roles';
import { verifyPreviewToken } from '../../src/plugins/newsroom/server/src/utils/preview-token';
import { MIGRATIONS_TABLE } from 'strapi-plugin-migrations-runner';
import { migrate as migrateNewsroom } from '../../src/plugins/newsroom/server/src/migrations';
import { CLAIMS_TABLE, OWNERS_TABLE, type Scheduler } from '../../src/plugins/newsroom/server/src/services/scheduler';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

/**
 * Nobody causes a publication (now or scheduled) without the right to publish, by any admin
 * route or field a Phóng viên can reach, nor through the content API; the scheduler checks the
 * schedule's setter at due time; the admin preview hands out signed tokens to readers only.
 *
 * The admin matrix is generated: every write route of the content manager (from the real router)
 * × the targets it acts on × each restricted field, sent by a Phóng viên with today's role and
 * one with the role as earlier versions created it (every field writable). Each case must be a
 * 403 with a message and change no publication, no schedule and no stored field; the same request
 * by a Biên tập viên succeeds where publishing is the editor's right (so the cases can fail).
 */

const ARTICLE = 'api::article.article';
const CM = `/content-manager/collection-types/${ARTICLE}`;
const SINGLE = `/content-manager/single-types/${ARTICLE}`;
const PASSWORD = 'Mat-khau-thu-1234';
// Times an hour and more ahead: the real cron task (every 20 s) never reaches them during the run.
const HOUR = 3_600_000;
const T0 = Date.now();
const FIELD_VALUES: Record<string, () => string> = {
  publishAt: () => new Date(T0 + HOUR).toISOString(),
  unpublishAt: () => new Date(T0 + 3 * HOUR).toISOString(),
  legacyId: () => `cu-gia-mao-${Math.random().toString(36).slice(2, 8)}`,
  legacyHash: () => 'f'.repeat(64),
};
const RESTRICTED = Object.keys(FIELD_VALUES);

/** What a content-manager route does to a document's publication, or why it does nothing to it. */
type RouteKind =
  | 'create'
  | 'update'
  | 'clone'
  | 'auto-clone'
  | 'delete'
  | 'create-and-publish'
  | 'publish'
  | 'unpublish'
  | 'discard'
  | 'bulk-delete'
  | 'bulk-publish'
  | 'bulk-unpublish'
  | 'single-put'
  | 'single-delete'
  | 'single-publish'
  | 'single-unpublish'
  | 'single-discard';

const WRITE_ROUTES: Record<string, RouteKind> = {
  'POST /content-manager/collection-types/:model': 'create',
  'PUT /content-manager/collection-types/:model/:id': 'update',
  'POST /content-manager/collection-types/:model/clone/:sourceId': 'clone',
  'POST /content-manager/collection-types/:model/auto-clone/:sourceId': 'auto-clone',
  'DELETE /content-manager/collection-types/:model/:id': 'delete',
  'POST /content-manager/collection-types/:model/actions/publish': 'create-and-publish',
  'POST /content-manager/collection-types/:model/:id/actions/publish': 'publish',
  'POST /content-manager/collection-types/:model/:id/actions/unpublish': 'unpublish',
  'POST /content-manager/collection-types/:model/:id/actions/discard': 'discard',
  'POST /content-manager/collection-types/:model/actions/bulkDelete': 'bulk-delete',
  'POST /content-manager/collection-types/:model/actions/bulkPublish': 'bulk-publish',
  'POST /content-manager/collection-types/:model/actions/bulkUnpublish': 'bulk-unpublish',
  'PUT /content-manager/single-types/:model': 'single-put',
  'DELETE /content-manager/single-types/:model': 'single-delete',
  'POST /content-manager/single-types/:model/actions/publish': 'single-publish',
  'POST /content-manager/single-types/:model/actions/unpublish': 'single-unpublish',
  'POST /content-manager/single-types/:model/actions/discard': 'single-discard',
};

/** Write-method routes of the content manager that touch no document. */
const NO_DOCUMENT_WRITE: Record<string, string> = {
  'PUT /content-manager/content-types/:uid/configuration': 'view settings of a type',
  'PUT /content-manager/components/:uid/configuration': 'view settings of a component',
  'POST /content-manager/uid/generate': 'computes a slug, stores nothing',
  'POST /content-manager/uid/check-availability': 'reads whether a slug is free',
  'POST /content-manager/collection-types/:model/actions/bulkFindForValidation': 'reads drafts to validate them',
};

type Target = 'own-draft' | 'own-published' | 'other-draft' | 'none';

interface Case {
  name: string;
  kind: RouteKind;
  target: Target;
  /** The restricted field the body sets, if any. */
  field?: string;
  /** The status the reporter must get: 403, or 400 where the content manager refuses first for everyone. */
  status: 403 | 400;
  /** What the editor gets for the same request: `ok` (publishing is the editor's right) or a refusal. */
  editor: 'ok' | 403 | 400 | 'skip';
}

/** The cases of one route: the publication it causes, then each restricted field it could write. */
function casesOf(kind: RouteKind): Case[] {
  const c = (target: Target, field?: string, status: 403 | 400 = 403, editor: Case['editor'] = 'ok'): Case => ({
    name: `${kind} ${target}${field ? ` ${field}` : ''}`,
    kind,
    target,
    field,
    status,
    // Nobody writes the importer's fields through a request.
    editor: field === 'legacyId' || field === 'legacyHash' ? 403 : editor,
  });
  const fields = (target: Target, status: 403 | 400 = 403, editor: Case['editor'] = 'ok') => RESTRICTED.map((f) => c(target, f, status, editor));
  switch (kind) {
    case 'create':
      return fields('none');
    case 'update':
      return [...fields('own-draft'), ...fields('own-published'), ...fields('other-draft', 403, 'skip')];
    case 'clone':
      // Cloning another's draft reads it: refused even without a field.
      return [...fields('own-draft'), c('other-draft', undefined, 403, 'skip')];
    case 'auto-clone':
      // An article has a unique slug: the content manager never auto-clones it, for anyone.
      return [c('own-draft', undefined, 400, 400), c('other-draft', undefined, 400, 400)];
    case 'create-and-publish':
      return [c('none'), ...fields('none')];
    case 'publish':
    case 'bulk-publish':
      return [c('own-draft'), c('other-draft', undefined, 403, 'skip')];
    case 'unpublish':
    case 'bulk-unpublish':
    case 'delete':
    case 'bulk-delete':
      return [c('own-published')];
    case 'discard':
      // Discarding puts the published version back into the draft: no publication changes, so it
      // is allowed; it is in the matrix for the checks that nothing was published or scheduled.
      return [];
    case 'single-put':
      return fields('none', 403, 'skip');
    default:
      // Single-type actions on a collection type: refused for the reporter (whatever they find).
      return [c('none', undefined, 403, 'skip')];
  }
}

describeIntegration(`publishing rights (${testDatabase})`, () => {
  let app: TestApp;
  const api = () => request(app.strapi.server.httpServer);
  const docs = () => app.strapi.documents(ARTICLE);
  type UpdateParams = Parameters<ReturnType<typeof docs>['update']>[0];
  type CreateParams = Parameters<ReturnType<typeof docs>['create']>[0];
  /** A write by code outside any request (as a script or the importer makes it). */
  const systemUpdate = (documentId: string, data: Record<string, unknown>) => docs().update({ documentId, locale: 'vi', data } as UpdateParams);
  const scheduler = () => app.strapi.plugin('newsroom').service<Scheduler>('scheduler');
  const tokens: Record<string, string> = {};
  const users: Record<string, number> = {};
  let requests = 0;

  async function signIn(who: string, roleId: number): Promise<void> {
    const email = `${who}@example.vn`;
    const user = await app.strapi.service('admin::user').create({
      email,
      firstname: 'Thử',
      lastname: who,
      password: PASSWORD,
      isActive: true,
      registrationToken: null,
      roles: [roleId],
    });
    users[who] = user.id;
    tokens[who] = (await api().post('/admin/login').send({ email, password: PASSWORD }).expect(200)).body.data.token;
  }
  const roleId = async (code: string) => (await app.strapi.service('admin::role').findOne({ code })).id;
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  function send(who: string, method: string, url: string, body?: object): request.Test {
    requests++;
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    const req = api()[verb](url).set(as(who));
    return body ? req.send(body) : req;
  }

  let n = 0;
  async function draftBy(who: string): Promise<string> {
    n++;
    const res = await send(who, 'POST', `${CM}?locale=vi`, { title: `Bài thử quyền số ${n} của ${who}` });
    expect(res.status).toBe(201);
    return res.body.data.documentId;
  }
  async function publishedBy(who: string): Promise<string> {
    const id = await draftBy(who);
    // Published by the system (as an editor would), so the reporter owns a page on the site.
    await docs().publish({ documentId: id, locale: 'vi' });
    return id;
  }

  /** Everything a case could change about articles: publications, schedules, restricted fields, counts. */
  async function snapshot(ids: string[]) {
    const rows = (await app.strapi.db.query(ARTICLE).findMany({
      where: { documentId: { $in: ids } },
      select: ['documentId', 'locale', 'publishedAt', ...RESTRICTED],
    })) as Record<string, unknown>[];
    // Ordered by what a row is, not its id (a discard re-creates the draft row).
    const key = (r: Record<string, unknown>) => `${r.documentId}/${r.locale}/${r.publishedAt ? 1 : 0}`;
    rows.sort((a, b) => key(a).localeCompare(key(b)));
    const norm = (v: unknown) => (v instanceof Date ? v.getTime() : v === null || v === undefined ? null : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);
    return {
      rows: rows.map((r) => ({ ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, norm(v)])), publishedAt: r.publishedAt ? 'published' : null })),
      published: await app.strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } }),
      total: await app.strapi.db.query(ARTICLE).count(),
      owners: Number((await app.strapi.db.connection(OWNERS_TABLE).count({ n: '*' }))[0].n),
    };
  }

  /** The request of a case against its target; `ids` are the documents it names. */
  async function run(who: string, kase: Case, target: string | null): Promise<Response> {
    const body: Record<string, unknown> = {};
    if (kase.field) body[kase.field] = FIELD_VALUES[kase.field]();
    const ids = { documentIds: [target] };
    switch (kase.kind) {
      case 'create':
        return send(who, 'POST', `${CM}?locale=vi`, { title: `Bài mới ${kase.name}`, ...body });
      case 'update':
        return send(who, 'PUT', `${CM}/${target}?locale=vi`, { title: `Sửa ${kase.name}`, ...body });
      case 'clone':
        return send(who, 'POST', `${CM}/clone/${target}?locale=vi`, { title: `Bản sao ${kase.name}`, slug: `ban-sao-${++n}`, ...body });
      case 'auto-clone':
        return send(who, 'POST', `${CM}/auto-clone/${target}?locale=vi`, {});
      case 'delete':
        return send(who, 'DELETE', `${CM}/${target}?locale=vi`);
      case 'create-and-publish':
        return send(who, 'POST', `${CM}/actions/publish?locale=vi`, { title: `Đăng ngay ${kase.name}`, ...body });
      case 'publish':
        return send(who, 'POST', `${CM}/${target}/actions/publish?locale=vi`, {});
      case 'unpublish':
        return send(who, 'POST', `${CM}/${target}/actions/unpublish?locale=vi`, { discardDraft: false });
      case 'discard':
        return send(who, 'POST', `${CM}/${target}/actions/discard?locale=vi`, {});
      case 'bulk-delete':
        return send(who, 'POST', `${CM}/actions/bulkDelete?locale=vi`, ids);
      case 'bulk-publish':
        return send(who, 'POST', `${CM}/actions/bulkPublish?locale=vi`, ids);
      case 'bulk-unpublish':
        return send(who, 'POST', `${CM}/actions/bulkUnpublish?locale=vi`, ids);
      case 'single-put':
        return send(who, 'PUT', `${SINGLE}?locale=vi`, { title: `Một bài ${kase.name}`, ...body });
      case 'single-delete':
        return send(who, 'DELETE', `${SINGLE}?locale=vi`);
      case 'single-publish':
        return send(who, 'POST', `${SINGLE}/actions/publish?locale=vi`, {});
      case 'single-unpublish':
        return send(who, 'POST', `${SINGLE}/actions/unpublish?locale=vi`, {});
      default:
        return send(who, 'POST', `${SINGLE}/actions/discard?locale=vi`, {});
    }
  }

  async function targetFor(who: string, target: Target, other: string): Promise<string | null> {
    if (target === 'own-draft') return draftBy(who);
    if (target === 'own-published') return publishedBy(who);
    if (target === 'other-draft') return draftBy(other);
    return null;
  }

  beforeAll(async () => {
    app = await startApp();
    await signIn('bien-tap', await roleId('tdkt-editor'));
    await signIn('phong-vien', await roleId('tdkt-author'));
    await signIn('phong-vien-2', await roleId('tdkt-author'));
    // The Phóng viên role as earlier versions created it: create and update on every field.
    const roles = app.strapi.service('admin::role');
    const old = await roles.create({ code: 'pv-cu', name: 'Phóng viên (quyền cũ)', description: 'quyền trước khi sửa' });
    const author = NEWSROOM_ROLES.find((r) => r.code === 'tdkt-author');
    const action = app.strapi.service('admin::permission').actionProvider.get('plugin::content-manager.explorer.read');
    const nested = app.strapi.service('admin::content-type').getPermissionsWithNestedFields([action]) as { subject: string; properties: { fields: string[] } }[];
    const all = Object.fromEntries(nested.map((p) => [p.subject, p.properties.fields]));
    await roles.assignPermissions(old.id, author!.permissions({ read: all, write: all }, ['vi', 'en']));
    await signIn('pv-cu', old.id);
  }, 180_000);

  afterAll(async () => {
    console.log(`[publishing rights] ${requests} admin requests sent`);
    await app?.stop();
  });

  describe('the content manager, route by route', () => {
    const routes = () => {
      const seen = new Set<string>();
      for (const layer of app.strapi.server.listRoutes()) {
        if (!String(layer.path).startsWith('/content-manager/')) continue;
        for (const method of layer.methods) if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) seen.add(`${method} ${layer.path}`);
      }
      return [...seen];
    };

    it('knows every route that writes (a new one fails this test until it is classified)', () => {
      const unknown = routes().filter((r) => !WRITE_ROUTES[r] && !NO_DOCUMENT_WRITE[r]);
      expect(unknown).toEqual([]);
      const stale = [...Object.keys(WRITE_ROUTES), ...Object.keys(NO_DOCUMENT_WRITE)].filter((r) => !routes().includes(r));
      expect(stale).toEqual([]);
    });

    it('has no single type with draft and publish (the single-type routes are only reached with a collection type)', () => {
      const singles = Object.values(app.strapi.contentTypes).filter((t) => t.kind === 'singleType' && t.options?.draftAndPublish);
      expect(singles.map((t) => t.uid)).toEqual([]);
    });

    const CASES = Object.values(WRITE_ROUTES).flatMap(casesOf);
    const GUARDED: RouteKind[] = ['create', 'update', 'clone'];

    it('generates the cases: every route, target and restricted field', () => {
      expect(new Set(CASES.map((c) => c.kind))).toEqual(new Set(Object.values(WRITE_ROUTES).filter((k) => k !== 'discard')));
      // Each field on each route that writes fields, and on each target of an update.
      for (const field of RESTRICTED) expect(CASES.filter((c) => c.field === field)).toHaveLength(7);
    });

    for (const reporter of ['phong-vien', 'pv-cu']) {
      it.each(CASES.map((c) => [c.name, c] as const))(`${reporter}: %s is refused and publishes nothing`, async (_name, kase) => {
        const target = await targetFor(reporter, kase.target, 'phong-vien-2');
        const ids = target ? [target] : [];
        const before = await snapshot(ids);
        const res = await run(reporter, kase, target);
        expect({ status: res.status, body: res.body }).toMatchObject({ status: kase.status });
        expect(typeof res.body?.error?.message).toBe('string');
        expect(res.body.error.message.length).toBeGreaterThan(0);
        if (kase.field && GUARDED.includes(kase.kind) && kase.target !== 'other-draft') {
          // Routes the content manager lets through to the write: refused by the publication guard,
          // whose Vietnamese message names the field (the others refuse earlier, for any body).
          expect(res.body.error.message).toContain(`"${kase.field}"`);
        }
        expect(await snapshot(ids)).toEqual(before);
      });
    }

    it.each(CASES.filter((c) => c.editor !== 'skip').map((c) => [c.name, c] as const))(
      'Biên tập viên: the same request %s is answered as publishing rights say',
      async (_name, kase) => {
        const target = await targetFor('bien-tap', kase.target, 'bien-tap');
        const before = await snapshot(target ? [target] : []);
        const res = await run('bien-tap', kase, target);
        if (kase.editor !== 'ok') {
          expect(res.status).toBe(kase.editor);
          expect(await snapshot(target ? [target] : [])).toEqual(before);
          return;
        }
        expect([200, 201]).toContain(res.status);
        // Something a reporter could not do did happen: a publication or a schedule changed.
        expect(await snapshot(target ? [target] : [])).not.toEqual(before);
      }
    );

    it('lets a reporter save a form that sends the restricted fields back unchanged', async () => {
      const id = await draftBy('phong-vien');
      await systemUpdate(id, { publishAt: new Date(T0 + HOUR), legacyId: 'cu-77' });
      const stored = (await docs().findOne({ documentId: id, locale: 'vi' })) as unknown as Record<string, unknown>;
      const res = await send('phong-vien', 'PUT', `${CM}/${id}?locale=vi`, {
        title: 'Sửa chữ, giữ nguyên lịch',
        publishAt: new Date(T0 + HOUR).toISOString(),
        unpublishAt: null,
        legacyId: stored.legacyId,
        legacyHash: null,
      });
      expect(res.status).toBe(200);
    });

    it('lets a reporter discard a draft back to the published version without publishing anything', async () => {
      const id = await publishedBy('phong-vien');
      await send('phong-vien', 'PUT', `${CM}/${id}?locale=vi`, { title: 'Bản sửa chưa đăng' }).expect(200);
      const before = await snapshot([id]);
      await send('phong-vien', 'POST', `${CM}/${id}/actions/discard?locale=vi`, {}).expect(200);
      const after = await snapshot([id]);
      expect(after.published).toBe(before.published);
      expect(after.rows.map((r) => r.publishedAt)).toEqual(before.rows.map((r) => r.publishedAt));
    });

    it("does not copy the source's schedule or import fields into a clone", async () => {
      const id = await draftBy('phong-vien');
      // Far beyond the due-time test below, which must not publish this (system-scheduled) source.
      await systemUpdate(id, { publishAt: new Date(T0 + 100 * HOUR), legacyId: 'cu-88', legacyHash: 'a'.repeat(64) });
      for (const who of ['phong-vien', 'bien-tap']) {
        const res = await send(who, 'POST', `${CM}/clone/${id}?locale=vi`, { title: `Bản sao của ${who}`, slug: `ban-sao-cua-${who}` });
        expect(res.status).toBe(200);
        const clone = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: res.body.data.documentId, publishedAt: null } });
        expect([clone.publishAt, clone.unpublishAt, clone.legacyId, clone.legacyHash]).toEqual([null, null, null, null]);
      }
    });

    it("never publishes a reporter's work at due time either", async () => {
      const reporters = [users['phong-vien'], users['phong-vien-2'], users['pv-cu']];
      const theirs = async () =>
        ((await app.strapi.db.query(ARTICLE).findMany({
          where: { createdBy: { id: { $in: reporters } }, publishedAt: { $notNull: true } },
          select: ['documentId'],
        })) as { documentId: string }[]).map((r) => r.documentId).sort();
      const before = await theirs();
      const drafts = ((await app.strapi.db.query(ARTICLE).findMany({ where: { createdBy: { id: { $in: reporters } } }, select: ['documentId'] })) as { documentId: string }[]).map(
        (r) => r.documentId
      );
      const results = await scheduler().runDue(new Date(T0 + 4 * HOUR));
      // The editor's own cases above are due now and published; nothing of a reporter's is.
      expect(results.some((r) => r.outcome === 'done')).toBe(true);
      expect(results.filter((r) => r.outcome === 'done' && drafts.includes(r.documentId))).toEqual([]);
      // The schedule the system set on a reporter's draft that the reporter then saved: refused.
      expect(results.filter((r) => drafts.includes(r.documentId)).map((r) => r.outcome)).toEqual(['refused']);
      expect(await theirs()).toEqual(before);
    });
  });

  describe('the scheduler at due time', () => {
    const claim = (documentId: string) => app.strapi.db.connection(CLAIMS_TABLE).where({ document_id: documentId }).first();
    const isPublished = async (documentId: string, locale = 'vi') => (await docs().findOne({ documentId, locale, status: 'published' })) !== null;
    let at = 10 * HOUR;
    const nextDue = () => new Date(T0 + (at += HOUR));
    const schedule = (who: string, id: string, due: Date, locale = 'vi') =>
      send(who, 'PUT', `${CM}/${id}?locale=${locale}`, { publishAt: due.toISOString() });

    it("publishes on time what a Biên tập viên scheduled, recording who set it", async () => {
      const id = await draftBy('phong-vien');
      const due = nextDue();
      await schedule('bien-tap', id, due).expect(200);
      const owner = await app.strapi.db.connection(OWNERS_TABLE).where({ document_id: id, action: 'publish' }).first();
      expect(owner).toMatchObject({ principal_kind: 'admin', principal_id: String(users['bien-tap']), edited_by: null });
      expect(Number(owner.due_at_ms)).toBe(due.getTime());
      expect(await scheduler().runDue(due)).toContainEqual(expect.objectContaining({ documentId: id, outcome: 'done' }));
      expect(await isPublished(id)).toBe(true);
    });

    it('refuses, logs in Vietnamese and records a schedule whose setter lost the right to publish', async () => {
      await signIn('bien-tap-2', await roleId('tdkt-editor'));
      const id = await draftBy('bien-tap-2');
      const due = nextDue();
      await schedule('bien-tap-2', id, due).expect(200);
      // Moved to the Phóng viên role before the time comes.
      await app.strapi.service('admin::user').updateById(users['bien-tap-2'], { roles: [await roleId('tdkt-author')] });
      const warn = jest.spyOn(app.strapi.log, 'warn');
      const results = await scheduler().runDue(due);
      expect(results).toContainEqual(expect.objectContaining({ documentId: id, outcome: 'refused', reason: expect.stringMatching(/không còn quyền xuất bản/) }));
      expect(warn.mock.calls.flat().join('\n')).toMatch(new RegExp(`Không xuất bản bài viết ${id} \\(vi\\).*không còn quyền xuất bản`));
      warn.mockRestore();
      expect(await isPublished(id)).toBe(false);
      expect(await claim(id)).toMatchObject({ status: 'refused' });
      // Not tried again on later ticks.
      expect((await scheduler().runDue(new Date(due.getTime() + 60_000))).filter((r) => r.documentId === id)).toEqual([]);
    });

    it('checks the locale: a setter whose right to publish English is withdrawn is refused for English', async () => {
      const roles = app.strapi.service('admin::role');
      const role = await roles.create({ code: 'btv-song-ngu', name: 'Biên tập song ngữ', description: '' });
      const editor = NEWSROOM_ROLES.find((r) => r.code === 'tdkt-editor');
      const action = app.strapi.service('admin::permission').actionProvider.get('plugin::content-manager.explorer.read');
      const nested = app.strapi.service('admin::content-type').getPermissionsWithNestedFields([action]) as { subject: string; properties: { fields: string[] } }[];
      const all = Object.fromEntries(nested.map((p) => [p.subject, p.properties.fields]));
      await roles.assignPermissions(role.id, editor!.permissions({ read: all, write: all }, ['vi', 'en']));
      await signIn('song-ngu', role.id);
      const created = await send('song-ngu', 'POST', `${CM}?locale=en`, { title: 'Bilingual review' }).expect(201);
      const id = created.body.data.documentId;
      const due = nextDue();
      await schedule('song-ngu', id, due, 'en').expect(200);
      const publish = await app.strapi.db.query('admin::permission').findOne({ where: { role: role.id, action: 'plugin::content-manager.explorer.publish', subject: ARTICLE } });
      await app.strapi.db.query('admin::permission').update({ where: { id: publish.id }, data: { properties: { ...publish.properties, locales: ['vi'] } } });
      expect(await scheduler().runDue(due)).toContainEqual(expect.objectContaining({ documentId: id, locale: 'en', outcome: 'refused' }));
      expect(await isPublished(id, 'en')).toBe(false);
      // And the write itself is refused now.
      const res = await schedule('song-ngu', id, nextDue(), 'en');
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/"publishAt".*ngôn ngữ en/);
    });

    it('refuses a scheduled draft a reporter edited after it was scheduled, until an editor saves it again', async () => {
      const id = await draftBy('phong-vien');
      const due = nextDue();
      await schedule('bien-tap', id, due).expect(200);
      await send('phong-vien', 'PUT', `${CM}/${id}?locale=vi`, { summary: 'Thêm một câu chưa được duyệt' }).expect(200);
      const owner = await app.strapi.db.connection(OWNERS_TABLE).where({ document_id: id, action: 'publish' }).first();
      expect(owner.edited_by).toBe(`tài khoản quản trị #${users['phong-vien']}`);
      expect(await scheduler().runDue(due)).toContainEqual(expect.objectContaining({ documentId: id, outcome: 'refused', reason: expect.stringMatching(/đã được sửa sau khi hẹn giờ/) }));
      expect(await isPublished(id)).toBe(false);

      const later = nextDue();
      await schedule('bien-tap', id, later).expect(200);
      expect(await scheduler().runDue(later)).toContainEqual(expect.objectContaining({ documentId: id, outcome: 'done' }));
      expect(await isPublished(id)).toBe(true);
    });

    it('refuses a schedule nobody is recorded for (written straight into the database)', async () => {
      const id = await draftBy('phong-vien');
      const due = nextDue();
      await app.strapi.db.query(ARTICLE).update({ where: { documentId: id, locale: 'vi', publishedAt: null }, data: { publishAt: due } });
      expect(await scheduler().runDue(due)).toContainEqual(expect.objectContaining({ documentId: id, outcome: 'refused', reason: expect.stringMatching(/không rõ ai đặt lịch/) }));
      expect(await isPublished(id)).toBe(false);
    });

    it('attributes the schedules it finds when its table is first made to the draft’s last admin editor', async () => {
      const byEditor = await draftBy('bien-tap');
      const byReporter = await draftBy('phong-vien');
      const due = nextDue();
      await schedule('bien-tap', byEditor, due).expect(200);
      // Written by a script (no request): the reporter stays the draft's last admin editor.
      await systemUpdate(byReporter, { publishAt: due });
      // A database from before the owners table: the table does not exist yet, its migration not applied.
      await app.strapi.db.connection.schema.dropTable(OWNERS_TABLE);
      await app.strapi.db.connection(MIGRATIONS_TABLE).where({ plugin: 'newsroom', name: '001-schedule-owners' }).delete();
      expect((await migrateNewsroom(app.strapi)).map((m) => m.name)).toEqual(['001-schedule-owners']);
      const owners = await app.strapi.db.connection(OWNERS_TABLE).whereIn('document_id', [byEditor, byReporter]).orderBy('document_id');
      expect(Object.fromEntries(owners.map((o: { document_id: string; principal_id: string }) => [o.document_id, o.principal_id]))).toEqual({
        [byEditor]: String(users['bien-tap']),
        [byReporter]: String(users['phong-vien']),
      });
      const results = await scheduler().runDue(due);
      expect(results).toContainEqual(expect.objectContaining({ documentId: byEditor, outcome: 'done' }));
      expect(results).toContainEqual(expect.objectContaining({ documentId: byReporter, outcome: 'refused' }));
    });

    it('refuses a schedule set with a full-access API token that was deleted since', async () => {
      const token = await app.strapi.service('admin::api-token').create({ name: 'lich-tam', type: 'full-access', lifespan: null, description: '' });
      const created = await api().post('/api/articles?status=draft').set('Authorization', `Bearer ${token.accessKey}`).send({ data: { title: 'Tin hẹn giờ qua API' } }).expect(201);
      const id = created.body.data.documentId;
      const due = nextDue();
      await api().put(`/api/articles/${id}?status=draft`).set('Authorization', `Bearer ${token.accessKey}`).send({ data: { publishAt: due.toISOString() } }).expect(200);
      await app.strapi.service('admin::api-token').revoke(token.id);
      expect(await scheduler().runDue(due)).toContainEqual(expect.objectContaining({ documentId: id, outcome: 'refused', reason: expect.stringMatching(/khóa API #\d+ đã bị xóa/) }));
    });
  });

  describe('the content API', () => {
    let custom: string;
    let full: string;
    let jwt: string;
    let published: string;

    beforeAll(async () => {
      const actions = ['create', 'update', 'delete', 'find', 'findOne'].map((a) => `${ARTICLE}.${a}`);
      custom = (await app.strapi.service('admin::api-token').create({ name: 'viet-nhap', type: 'custom', lifespan: null, description: '', permissions: actions })).accessKey;
      full = (await app.strapi.service('admin::api-token').create({ name: 'toan-quyen', type: 'full-access', lifespan: null, description: '' })).accessKey;
      // A website account role an administrator gave write access to.
      const role = await app.strapi.db.query('plugin::users-permissions.role').create({ data: { name: 'Cộng tác viên', description: 'viết bài', type: 'cong-tac-vien' } });
      for (const action of actions) await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
      const account = { username: 'congtacvien', email: 'cong-tac-vien@example.vn', password: 'Matkhau-Ctv-2024' };
      await app.strapi.plugin('users-permissions').service('user').add({ ...account, provider: 'local', confirmed: true, role: role.id });
      jwt = (await api().post('/api/auth/local').send({ identifier: account.email, password: account.password }).expect(200)).body.jwt;
      published = (await docs().create({ status: 'published', data: { title: 'Bài đã đăng cho thử API' } } as CreateParams)).documentId;
    }, 60_000);

    const principals = () => [
      ['a custom API token', custom],
      ['a website account with write permissions', jwt],
    ];

    const CONTENT_CASES: [string, string, (id: string) => string, object][] = [
      ['create (publishes unless status=draft)', 'post', () => '/api/articles', { data: { title: 'Bài gửi qua API' } }],
      ['create with status=published', 'post', () => '/api/articles?status=published', { data: { title: 'Bài gửi qua API 2' } }],
      ['update (publishes the draft)', 'put', (id) => `/api/articles/${id}`, { data: { title: 'Sửa qua API' } }],
      ['delete of a published article', 'delete', (id) => `/api/articles/${id}`, {}],
      ...RESTRICTED.map((field): [string, string, (id: string) => string, object] => [
        `draft with ${field}`,
        'put',
        (id) => `/api/articles/${id}?status=draft`,
        { data: { [field]: FIELD_VALUES[field]() } },
      ]),
      ...RESTRICTED.map((field): [string, string, (id: string) => string, object] => [
        `new draft with ${field}`,
        'post',
        () => '/api/articles?status=draft',
        { data: { title: `Nháp có ${field}`, [field]: FIELD_VALUES[field]() } },
      ]),
    ];

    it.each(CONTENT_CASES)('refuses %s to custom tokens and website accounts, with a message, changing nothing', async (_name, method, path, body) => {
      for (const [label, key] of principals()) {
        const before = await snapshot([published]);
        const res = await (api() as unknown as Record<string, (url: string) => request.Test>)[method](path(published)).set('Authorization', `Bearer ${key}`).send(body);
        expect({ label, status: res.status }).toEqual({ label, status: 403 });
        expect(res.body.error.message).toMatch(/chỉ được lưu bản nháp|chỉ do lệnh nhập dữ liệu/);
        expect(await snapshot([published])).toEqual(before);
      }
    });

    it('lets them keep drafts, and delete a draft nobody published', async () => {
      for (const [, key] of principals()) {
        const res = await api().post('/api/articles?status=draft').set('Authorization', `Bearer ${key}`).send({ data: { title: 'Nháp gửi qua API' } });
        expect(res.status).toBe(201);
        const id = res.body.data.documentId;
        await api().put(`/api/articles/${id}?status=draft`).set('Authorization', `Bearer ${key}`).send({ data: { summary: 'Sửa nháp' } }).expect(200);
        expect(await docs().findOne({ documentId: id, locale: 'vi', status: 'published' })).toBeNull();
        await api().delete(`/api/articles/${id}`).set('Authorization', `Bearer ${key}`).expect(204);
      }
    });

    it('refuses the GraphQL mutations that publish to a custom token', async () => {
      const before = await snapshot([published]);
      for (const query of [
        'mutation { createArticle(data: { title: "Bài qua GraphQL" }) { documentId } }',
        `mutation { updateArticle(documentId: "${published}", data: { title: "Sửa qua GraphQL" }) { documentId } }`,
        `mutation { deleteArticle(documentId: "${published}") { documentId } }`,
      ]) {
        const res = await api().post('/graphql').set('Authorization', `Bearer ${custom}`).send({ query });
        expect(res.body.errors?.[0]?.message).toMatch(/chỉ được lưu bản nháp/);
      }
      expect(await snapshot([published])).toEqual(before);
      const draft = await api()
        .post('/graphql')
        .set('Authorization', `Bearer ${custom}`)
        .send({ query: 'mutation { createArticle(status: DRAFT, data: { title: "Nháp qua GraphQL" }) { documentId } }' });
      expect(draft.body.errors).toBeUndefined();
    });

    it('lets a full-access token publish and schedule, but not write the importer fields', async () => {
      const res = await api().post('/api/articles').set('Authorization', `Bearer ${full}`).send({ data: { title: 'Đăng bằng khóa toàn quyền' } });
      expect(res.status).toBe(201);
      expect(res.body.data.publishedAt).toBeTruthy();
      const legacy = await api().post('/api/articles?status=draft').set('Authorization', `Bearer ${full}`).send({ data: { title: 'Giả bài nhập', legacyId: 'cu-1' } });
      expect(legacy.status).toBe(403);
      expect(legacy.body.error.message).toMatch(/"legacyId" chỉ do lệnh nhập dữ liệu/);
    });
  });

  describe('content releases', () => {
    it('are not reachable: no route and no permission without an Enterprise licence', async () => {
      const routes = app.strapi.server.listRoutes().filter((l) => String(l.path).startsWith('/content-releases'));
      expect(routes.map((r) => r.path)).toEqual([]);
      for (const who of ['bien-tap', 'phong-vien']) {
        // Nothing answers there: 404, or 405 where a catch-all GET route takes the path.
        expect([404, 405]).toContain((await send(who, 'GET', '/content-releases')).status);
        expect([404, 405]).toContain((await send(who, 'POST', '/content-releases', { name: 'Đợt đăng', scheduledAt: null })).status);
      }
      expect(app.strapi.service('admin::permission').actionProvider.get('plugin::content-releases.publish')).toBeUndefined();
    });
  });

  describe('the admin preview', () => {
    const previewOf = (who: string, id: string, status = 'draft', locale = 'vi') =>
      send(who, 'GET', `/content-manager/preview/url/${ARTICLE}?documentId=${id}&locale=${locale}&status=${status}`);

    it("gives a reporter no URL (403) for another's draft", async () => {
      const id = await draftBy('phong-vien-2');
      const res = await previewOf('phong-vien', id);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe('Bạn không có quyền xem trước nội dung này.');
      expect(res.text).not.toContain(app.env.PREVIEW_SECRET);
      expect(res.text).not.toContain('bai-thu-quyen');
    });

    it('gives a reader of the document a signed token for it, never the shared secret', async () => {
      const id = await draftBy('phong-vien');
      const slug = ((await docs().findOne({ documentId: id, locale: 'vi' })) as unknown as { slug: string }).slug;
      for (const who of ['phong-vien', 'bien-tap']) {
        const res = await previewOf(who, id);
        expect(res.status).toBe(200);
        const url = new URL(res.body.data.url);
        expect(res.text).not.toContain(app.env.PREVIEW_SECRET);
        expect([...url.searchParams.keys()]).toEqual(['token']);
        const verified = verifyPreviewToken(app.env.PREVIEW_SECRET, url.searchParams.get('token'));
        expect(verified).toMatchObject({ ok: true, claims: { uid: ARTICLE, documentId: id, locale: 'vi', status: 'draft', path: `/tin-tuc/${slug}` } });
        expect(verifyPreviewToken('bi-mat-khac', url.searchParams.get('token')).ok).toBe(false);
      }
    });
  });
});
