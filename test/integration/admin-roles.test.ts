import request from 'supertest';
import { ARTICLE_LAYOUT } from '../../src/bootstrap/admin-layouts';
import { ensureAdminRoles, NEWSROOM_ROLES, ROLE_CORRECTIONS, ROLE_CORRECTIONS_KEY, STRAPI_DEFAULT_ROLES } from '../../src/bootstrap/admin-roles';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const ARTICLES = `/content-manager/collection-types/${ARTICLE}`;
const CM = 'plugin::content-manager.explorer';
const SCHEDULE = ['publishAt', 'unpublishAt'];
const IMPORTED = ['legacyId', 'legacyHash'];
const PASSWORD = 'Mat-khau-thu-1234';

describeIntegration(`admin roles (${testDatabase})`, () => {
  let app: TestApp;
  const api = () => request(app.strapi.server.httpServer);
  const roleByCode = async (code: string) => app.strapi.service('admin::role').findOne({ code });

  /** An active admin user with one of the newsroom roles, and a bearer token from POST /admin/login. */
  async function signIn(code: string, email: string): Promise<string> {
    const role = await roleByCode(code);
    await app.strapi.service('admin::user').create({
      email,
      firstname: 'Thử',
      lastname: code,
      password: PASSWORD,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    const res = await api().post('/admin/login').send({ email, password: PASSWORD }).expect(200);
    return res.body.data.token;
  }

  const createDraft = (token: string, title: string) =>
    api().post(`${ARTICLES}?locale=vi`).set('Authorization', `Bearer ${token}`).send({ title });

  let editor: string;
  let author: string;
  let otherAuthor: string;

  beforeAll(async () => {
    app = await startApp();
    // A second start's bootstrap of the same database.
    await ensureAdminRoles(app.strapi);
    editor = await signIn('tdkt-editor', 'bien-tap@example.vn');
    author = await signIn('tdkt-author', 'phong-vien@example.vn');
    otherAuthor = await signIn('tdkt-author', 'phong-vien-2@example.vn');
  }, 120_000);
  afterAll(() => app?.stop());

  it("stores the newsroom's article list and edit layout over Strapi's default at start", async () => {
    const model = app.strapi.contentTypes['api::article.article'];
    const config = await app.strapi.plugin('content-manager').service('content-types').findConfiguration(model);
    expect(config.layouts.list).toEqual(ARTICLE_LAYOUT.list);
    expect(config.layouts.edit.map((r: { name: string }[]) => r.map((f) => f.name))).toEqual(
      ARTICLE_LAYOUT.edit.map((r) => r.map(([name]) => name))
    );
  });

  it("names Strapi's website accounts type and its fields in Vietnamese for the admin", async () => {
    const admin = await signIn(STRAPI_DEFAULT_ROLES.superAdmin, 'quan-tri@example.vn');
    const auth = { Authorization: `Bearer ${admin}` };
    const types = await api().get('/content-manager/content-types').set(auth).expect(200);
    const user = types.body.data.find((t: { uid: string }) => t.uid === 'plugin::users-permissions.user');
    expect(user.info.displayName).toBe('Tài khoản website');
    const config = await api().get('/content-manager/content-types/plugin::users-permissions.user/configuration').set(auth).expect(200);
    expect(config.body.data.contentType.metadatas.username.edit.label).toBe('Tên đăng nhập');
    expect(config.body.data.contentType.metadatas.blocked.list.label).toBe('Bị khóa');
  });

  it('creates each role once, with Vietnamese names', async () => {
    for (const { code, name } of NEWSROOM_ROLES) {
      const found = await app.strapi.db.query('admin::role').findMany({ where: { name } });
      expect(found.map((r: { code: string }) => r.code)).toEqual([code]);
    }
  });

  it("replaces Strapi's English default roles on a new database: one role list, all in Vietnamese", async () => {
    const roles = await app.strapi.db.query('admin::role').findMany({ orderBy: { id: 'asc' } });
    expect(roles.map((r: { code: string }) => r.code).sort()).toEqual(
      [STRAPI_DEFAULT_ROLES.superAdmin, ...NEWSROOM_ROLES.map((r) => r.code)].sort()
    );
    const superAdmin = roles.find((r: { code: string }) => r.code === STRAPI_DEFAULT_ROLES.superAdmin);
    expect(superAdmin.name).toBe('Quản trị viên cao nhất');
  });

  it('leaves role names an administrator chose on later starts', async () => {
    const roles = app.strapi.service('admin::role');
    const superAdmin = await roles.findOne({ code: STRAPI_DEFAULT_ROLES.superAdmin });
    await roles.update({ id: superAdmin.id }, { name: 'Super Admin' });
    await ensureAdminRoles(app.strapi);
    expect((await roles.findOne({ id: superAdmin.id })).name).toBe('Super Admin');
    await roles.update({ id: superAdmin.id }, { name: superAdmin.name });
  });

  it('keeps permissions an administrator changed when it starts again', async () => {
    const role = await roleByCode('tdkt-author');
    const permissions = app.strapi.db.query('admin::permission');
    const before = await permissions.count({ where: { role: role.id } });
    await app.strapi.service('admin::role').addPermissions(role.id, [{ action: 'plugin::upload.settings.read' }]);
    await ensureAdminRoles(app.strapi);
    const actions = (await permissions.findMany({ where: { role: role.id } })).map((p: { action: string }) => p.action);
    expect(actions).toContain('plugin::upload.settings.read');
    expect(actions).toHaveLength(before + 1);
  });

  it('lets a reporter write a draft but not publish it', async () => {
    const created = await createDraft(author, 'Phóng viên viết bản nháp').expect(201);
    const id = created.body.data.documentId;
    expect(created.body.data.publishedAt).toBeNull();

    await api()
      .put(`${ARTICLES}/${id}?locale=vi`)
      .set('Authorization', `Bearer ${author}`)
      .send({ title: 'Phóng viên sửa bản nháp' })
      .expect(200);
    await api().post(`${ARTICLES}/${id}/actions/publish?locale=vi`).set('Authorization', `Bearer ${author}`).expect(403);
  });

  it("keeps a reporter off another reporter's article", async () => {
    const created = await createDraft(otherAuthor, 'Bài của phóng viên khác').expect(201);
    const id = created.body.data.documentId;
    await api()
      .put(`${ARTICLES}/${id}?locale=vi`)
      .set('Authorization', `Bearer ${author}`)
      .send({ title: 'Sửa bài người khác' })
      .expect(403);
    await api().delete(`${ARTICLES}/${id}?locale=vi`).set('Authorization', `Bearer ${author}`).expect(403);
  });

  interface Permission {
    id: number;
    action: string;
    properties: { fields?: string[]; locales?: string[] };
  }
  /** The role's permissions on articles, by action (read, create, update, publish, …). */
  async function articlePermissions(code: string): Promise<Record<string, Permission>> {
    const role = await roleByCode(code);
    const rows = (await app.strapi.db.query('admin::permission').findMany({ where: { role: role.id, subject: ARTICLE } })) as Permission[];
    return Object.fromEntries(rows.map((p) => [p.action.replace(`${CM}.`, ''), p]));
  }

  it('gives a new database roles that write only the restricted fields they have the right to', async () => {
    const author = await articlePermissions('tdkt-author');
    const editor = await articlePermissions('tdkt-editor');
    for (const action of ['create', 'update']) {
      expect(author[action].properties.fields).toEqual(expect.arrayContaining(['title', 'body', 'seo.metaTitle']));
      const restricted = (author[action].properties.fields as string[]).filter((f) => [...SCHEDULE, ...IMPORTED].includes(f.split('.')[0]));
      expect({ action, restricted }).toEqual({ action, restricted: [] });
      // A Biên tập viên schedules; nobody writes the importer's fields in the admin.
      expect(editor[action].properties.fields).toEqual(expect.arrayContaining(SCHEDULE));
      for (const field of IMPORTED) expect(editor[action].properties.fields).not.toContain(field);
    }
    // Reading the schedule stays: a reporter sees when an editor scheduled their article.
    expect(author.read.properties.fields).toEqual(expect.arrayContaining([...SCHEDULE, ...IMPORTED]));
    expect(author.publish).toBeUndefined();
    expect(editor.publish.properties.locales).toEqual(expect.arrayContaining(['vi', 'en']));
  });

  it("corrects an existing database's Phóng viên role once, and keeps what an administrator does after", async () => {
    const permissions = app.strapi.db.query('admin::permission');
    const store = app.strapi.store({ type: 'core', name: 'tdkt' });
    expect(await store.get({ key: ROLE_CORRECTIONS_KEY })).toEqual(ROLE_CORRECTIONS.map((c) => c.id));

    // The role as earlier versions created it: create and update on every field.
    const before = await articlePermissions('tdkt-author');
    const everyField = before.read.properties.fields as string[];
    for (const action of ['create', 'update']) {
      await permissions.update({ where: { id: before[action].id }, data: { properties: { ...before[action].properties, fields: everyField } } });
    }
    await store.set({ key: ROLE_CORRECTIONS_KEY, value: [] });
    await ensureAdminRoles(app.strapi);
    const corrected = await articlePermissions('tdkt-author');
    for (const action of ['create', 'update']) {
      expect(corrected[action].properties.fields).toEqual(everyField.filter((f) => ![...SCHEDULE, ...IMPORTED].includes(f.split('.')[0])));
      expect(corrected[action].properties.locales).toEqual(before[action].properties.locales);
    }
    expect(corrected.read.properties.fields).toEqual(everyField);

    // An administrator gives this role the schedule back on purpose: later starts leave it.
    const withSchedule = [...(corrected.update.properties.fields as string[]), 'publishAt'];
    await permissions.update({ where: { id: corrected.update.id }, data: { properties: { ...corrected.update.properties, fields: withSchedule } } });
    await ensureAdminRoles(app.strapi);
    expect((await articlePermissions('tdkt-author')).update.properties.fields).toEqual(withSchedule);
    await permissions.update({ where: { id: corrected.update.id }, data: { properties: corrected.update.properties } });
  });

  it("lets an editor publish a reporter's draft", async () => {
    const created = await createDraft(author, 'Bài chờ biên tập viên duyệt').expect(201);
    const id = created.body.data.documentId;
    const res = await api()
      .post(`${ARTICLES}/${id}/actions/publish?locale=vi`)
      .set('Authorization', `Bearer ${editor}`)
      .send({})
      .expect(200);
    expect(res.body.data.publishedAt).toBeTruthy();
    const published = await api().get('/api/articles').query({ 'filters[documentId][$eq]': id }).expect(200);
    expect(published.body.data).toHaveLength(1);
  });
});
