import request from 'supertest';
import type { AuditEntry } from '../../src/plugins/editorial/server/src/utils/types';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

/**
 * Review stages of the editorial plugin (issue 15): the review loop between a Phóng viên and a
 * Biên tập viên through the admin API, the queue, the trail, refusals, and two approvals racing.
 * One app boot; the same file runs on SQLite and PostgreSQL.
 */

const ARTICLE = 'api::article.article';
const CM = `/content-manager/collection-types/${ARTICLE}`;
const PASSWORD = 'Mat-khau-duyet-bai-2024';

interface Step {
  stage: string;
  note: string | null;
  actor: { id: number | null; name: string | null };
  at: string;
}

describeIntegration(`review stages (${testDatabase})`, () => {
  let app: TestApp;
  const api = () => request(app.strapi.server.httpServer);
  const tokens: Record<string, string> = {};
  const users: Record<string, number> = {};

  async function signIn(who: string, roleId: number): Promise<void> {
    const email = `${who}-duyet@example.vn`;
    const user = await app.strapi.service('admin::user').create({ email, firstname: 'Duyệt', lastname: who, password: PASSWORD, isActive: true, registrationToken: null, roles: [roleId] });
    users[who] = user.id;
    tokens[who] = (await api().post('/admin/login').send({ email, password: PASSWORD }).expect(200)).body.data.token;
  }
  const roleId = async (code: string) => (await app.strapi.service('admin::role').findOne({ code })).id;
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const name = (who: string) => `Duyệt ${who}`;

  const stagePath = (documentId: string) => `/editorial/stages/${ARTICLE}/${documentId}`;
  const move = (who: string, documentId: string, body: object, locale = 'vi') => api().post(stagePath(documentId)).query({ locale }).set(as(who)).send(body);
  const trail = async (documentId: string, locale = 'vi', who = 'editor'): Promise<{ stage: string; trail: Step[]; allowed: string[] }> =>
    (await api().get(stagePath(documentId)).query({ locale }).set(as(who)).expect(200)).body.data;
  const stageOf = async (documentId: string, locale = 'vi') => (await trail(documentId, locale)).stage;

  let n = 0;
  async function draftBy(who: string, locale = 'vi'): Promise<string> {
    n++;
    const res = await api().post(CM).query({ locale }).set(as(who)).send({ title: `Bài duyệt số ${n} (${locale})` });
    expect(res.status).toBe(201);
    return res.body.data.documentId;
  }
  const edit = (who: string, documentId: string, title: string, locale = 'vi') => api().put(`${CM}/${documentId}`).query({ locale }).set(as(who)).send({ title });
  const publish = (who: string, documentId: string, locale = 'vi') => api().post(`${CM}/${documentId}/actions/publish`).query({ locale }).set(as(who)).send({});

  beforeAll(async () => {
    app = await startApp();
    await signIn('editor', await roleId('tdkt-editor'));
    await signIn('reporter', await roleId('tdkt-author'));
    await signIn('reporter2', await roleId('tdkt-author'));
    // A role with no content permission: may sign in, may read no article.
    const empty = await app.strapi.service('admin::role').create({ name: 'Không quyền duyệt', code: 'review-no-rights', description: 'thử' });
    await signIn('nobody', empty.id);
  }, 180_000);
  afterAll(() => app?.stop());

  describe('the review loop', () => {
    let id: string;

    it('starts as a draft with an empty trail', async () => {
      id = await draftBy('reporter');
      expect(await trail(id)).toEqual({ stage: 'draft', trail: [], allowed: ['submitted', 'approved'] });
    });

    it('offers each user only the steps they may take (the admin panel’s buttons)', async () => {
      const own = await draftBy('reporter');
      expect((await trail(own, 'vi', 'reporter')).allowed).toEqual(['submitted']);
      expect((await trail(own, 'vi', 'reporter2')).allowed).toEqual([]);
      await move('reporter', own, { stage: 'submitted' }).expect(200);
      expect((await trail(own, 'vi', 'reporter')).allowed).toEqual([]);
      expect((await trail(own, 'vi', 'editor')).allowed).toEqual(['approved', 'returned']);
      await move('editor', own, { stage: 'returned', note: 'Chưa đủ ý' }).expect(200);
      expect((await trail(own, 'vi', 'reporter')).allowed).toEqual(['submitted']);
      await move('editor', own, { stage: 'approved' }).expect(200);
      expect((await trail(own, 'vi', 'editor')).allowed).toEqual(['returned']);
    });

    it('tells any signed-in administrator which types are reviewed, and no one else', async () => {
      const { data } = (await api().get('/editorial/config').set(as('nobody')).expect(200)).body;
      expect(data.review).toEqual({ contentTypes: [ARTICLE] });
      expect(data.history.contentTypes).toContain(ARTICLE);
      await api().get('/editorial/config').expect(401);
    });

    it('lets the reporter submit their own draft', async () => {
      const res = await move('reporter', id, { stage: 'submitted' }).expect(200);
      expect(res.body.data).toEqual({ stage: 'submitted', note: null, actor: { id: users.reporter, name: name('reporter') }, at: expect.any(String) });
    });

    it('refuses another reporter submitting a draft that is not theirs (403)', async () => {
      const other = await draftBy('reporter');
      const res = await move('reporter2', other, { stage: 'submitted' }).expect(403);
      expect(res.body.error.message).toMatch(/không có quyền gửi duyệt/);
    });

    it('refuses the reporter approving (403, in Vietnamese)', async () => {
      const res = await move('reporter', id, { stage: 'approved' }).expect(403);
      expect(res.body.error.message).toMatch(/không có quyền duyệt/);
      expect(await stageOf(id)).toBe('submitted');
    });

    it('refuses a return without a note (400)', async () => {
      const res = await move('editor', id, { stage: 'returned' }).expect(400);
      expect(res.body.error.message).toMatch(/cần ghi chú/);
    });

    it('returns with a note', async () => {
      const res = await move('editor', id, { stage: 'returned', note: 'Thiếu nguồn ảnh' }).expect(200);
      expect(res.body.data).toMatchObject({ stage: 'returned', note: 'Thiếu nguồn ảnh', actor: { id: users.editor, name: name('editor') } });
    });

    it('takes the reporter’s changes and a second submission', async () => {
      await edit('reporter', id, 'Bài duyệt: đã thêm nguồn ảnh').expect(200);
      expect(await stageOf(id)).toBe('returned');
      await move('reporter', id, { stage: 'submitted', note: 'Đã thêm nguồn' }).expect(200);
    });

    it('approves', async () => {
      await move('editor', id, { stage: 'approved' }).expect(200);
      expect(await stageOf(id)).toBe('approved');
    });

    it('sends an approved draft back to draft when the reporter edits it', async () => {
      await edit('reporter', id, 'Bài duyệt: sửa sau khi duyệt').expect(200);
      expect(await stageOf(id)).toBe('draft');
    });

    it('keeps the stage when the editor edits, then the editor re-approves and publishes', async () => {
      await move('editor', id, { stage: 'approved', note: 'Duyệt lại' }).expect(200);
      await edit('editor', id, 'Bài duyệt: biên tập viên sửa tít').expect(200);
      expect(await stageOf(id)).toBe('approved');
      await publish('editor', id).expect(200);
      const t = await trail(id);
      expect(t.stage).toBe('approved');
      // Publishing an approved draft adds no step.
      expect(t.trail.map((s) => s.stage)).toEqual(['submitted', 'returned', 'submitted', 'approved', 'draft', 'approved']);
    });

    it('keeps the full trail in order, with who, when and the note', async () => {
      const { trail: steps } = await trail(id);
      expect(steps.map((s) => [s.stage, s.note, s.actor.id])).toEqual([
        ['submitted', null, users.reporter],
        ['returned', 'Thiếu nguồn ảnh', users.editor],
        ['submitted', 'Đã thêm nguồn', users.reporter],
        ['approved', null, users.editor],
        ['draft', null, users.reporter],
        ['approved', 'Duyệt lại', users.editor],
      ]);
      const times = steps.map((s) => Date.parse(s.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      // The reporter may read the trail too (read permission on articles).
      expect((await trail(id, 'vi', 'reporter')).trail).toHaveLength(6);
    });

    it('records an approval when an editor publishes a draft that was not approved', async () => {
      const other = await draftBy('reporter');
      await move('reporter', other, { stage: 'submitted' }).expect(200);
      await publish('editor', other).expect(200);
      const t = await trail(other);
      expect(t.stage).toBe('approved');
      expect(t.trail.at(-1)).toMatchObject({ stage: 'approved', note: null, actor: { id: users.editor, name: name('editor') } });
    });

    it('writes each change to the audit log', async () => {
      const rows = (await app.strapi.db.connection('editorial_audit_log').where({ target_document_id: id }).andWhere('action', 'like', 'review.%').orderBy('id')) as { action: string; actor_id: string }[];
      expect(rows.map((r) => r.action)).toEqual(['review.submitted', 'review.returned', 'review.submitted', 'review.approved', 'review.draft', 'review.approved']);
      expect(rows[1].actor_id).toBe(String(users.editor));
      const entries: AuditEntry[] = (await app.strapi.plugin('editorial').service('auditLog').list({ action: 'review.returned', documentId: id, page: 1, pageSize: 10 })).entries;
      expect(entries[0].details).toMatchObject({ from: 'submitted', note: 'Thiếu nguồn ảnh' });
    });
  });

  describe('refusals', () => {
    let id: string;
    beforeAll(async () => {
      id = await draftBy('reporter');
    });

    it.each([
      ['returning a draft', { stage: 'returned', note: 'x' }, /"Bản nháp" sang "Trả lại"/],
      ['an unknown stage', { stage: 'published' }, /không hợp lệ/],
      ['draft asked for', { stage: 'draft' }, /không hợp lệ/],
    ])('answers 400 to %s', async (_name, body, message) => {
      const res = await move('editor', id, body).expect(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('answers 400 to an impossible transition (submitting an approved draft)', async () => {
      await move('editor', id, { stage: 'approved' }).expect(200);
      const res = await move('reporter', id, { stage: 'submitted' }).expect(400);
      expect(res.body.error.message).toMatch(/"Đã duyệt" sang "Chờ duyệt"/);
    });

    it('answers 400 to a type that is not reviewed, an unknown type or locale', async () => {
      expect((await api().get(`/editorial/stages/api::category.category/${id}`).set(as('editor')).expect(400)).body.error.message).toMatch(/không qua duyệt bài/);
      expect((await api().get(`/editorial/stages/api::khong-co.khong-co/${id}`).set(as('editor')).expect(400)).body.error.message).toMatch(/Không có loại nội dung/);
      expect((await api().get(stagePath(id)).query({ locale: 'fr' }).set(as('editor')).expect(400)).body.error.message).toMatch(/Ngôn ngữ "fr"/);
    });

    it('answers 404 to an unknown document or a locale the document lacks', async () => {
      expect((await move('editor', 'khong-co-bai-nay', { stage: 'approved' }).expect(404)).body.error.message).toMatch(/Không tìm thấy bài/);
      await api().get(stagePath(id)).query({ locale: 'en' }).set(as('editor')).expect(404);
    });

    it('answers 403 to a user who may not read articles, and 401 to nobody', async () => {
      expect((await api().get(stagePath(id)).query({ locale: 'vi' }).set(as('nobody')).expect(403)).body.error.message).toMatch(/không có quyền xem/);
      await move('nobody', id, { stage: 'submitted' }).expect(403);
      await api().get('/editorial/queue').set(as('nobody')).expect(403);
      await api().get(stagePath(id)).query({ locale: 'vi' }).expect(401);
    });
  });

  describe('the queue', () => {
    it('lists submitted drafts oldest first, per locale, with who submitted', async () => {
      const first = await draftBy('reporter');
      const second = await draftBy('reporter');
      const english = await draftBy('reporter', 'en');
      await move('reporter', second, { stage: 'submitted' }).expect(200);
      await new Promise((r) => setTimeout(r, 5));
      await move('reporter', english, { stage: 'submitted' }, 'en').expect(200);
      await new Promise((r) => setTimeout(r, 5));
      await move('reporter', first, { stage: 'submitted' }).expect(200);

      const vi = (await api().get('/editorial/queue').query({ stage: 'submitted', locale: 'vi', pageSize: '100' }).set(as('editor')).expect(200)).body;
      const ids = vi.data.map((d: { documentId: string }) => d.documentId);
      expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
      expect(ids).not.toContain(english);
      expect(vi.data.find((d: { documentId: string }) => d.documentId === first)).toEqual({
        uid: ARTICLE,
        documentId: first,
        locale: 'vi',
        title: expect.stringMatching(/^Bài duyệt số/),
        stage: 'submitted',
        since: expect.any(String),
        submittedBy: { id: users.reporter, name: name('reporter') },
      });
      const sinces = vi.data.map((d: { since: string }) => Date.parse(d.since));
      expect([...sinces].sort((a, b) => a - b)).toEqual(sinces);

      const en = (await api().get('/editorial/queue').query({ stage: 'submitted', locale: 'en' }).set(as('editor')).expect(200)).body;
      expect(en.data.map((d: { documentId: string }) => d.documentId)).toEqual([english]);

      const page = (await api().get('/editorial/queue').query({ stage: 'submitted', locale: 'vi', pageSize: '1', page: '2' }).set(as('editor')).expect(200)).body;
      expect(page.data).toHaveLength(1);
      expect(page.data[0].documentId).toBe(ids[1]);
      expect(page.meta.pagination).toMatchObject({ page: 2, pageSize: 1, total: vi.meta.pagination.total });
    });

    it('refuses a page size over 100 and an unknown stage', async () => {
      await api().get('/editorial/queue').query({ pageSize: '101' }).set(as('editor')).expect(400);
      await api().get('/editorial/queue').query({ stage: 'xong' }).set(as('editor')).expect(400);
    });
  });

  describe('the article list: stage column and filter', () => {
    interface Row {
      documentId: string;
      locale: string;
      reviewStage?: string;
    }
    const STAGES = ['draft', 'submitted', 'approved', 'returned'];
    const filterQuery = (conditions: [string, string][], extra: Record<string, string> = {}) => ({
      locale: 'vi',
      pageSize: '100',
      ...Object.fromEntries(conditions.map(([operator, stage], i) => [`filters[$and][${i}][reviewStage][${operator}]`, stage])),
      ...extra,
    });
    /** Every row of the content manager's list for this query, page after page. */
    async function listAll(query: Record<string, string>, who = 'editor'): Promise<{ rows: Row[]; total: number }> {
      const rows: Row[] = [];
      for (let page = 1; ; page++) {
        const res = await api().get(CM).query({ ...query, page: String(page) }).set(as(who));
        expect(res.status).toBe(200);
        rows.push(...res.body.results);
        if (page >= res.body.pagination.pageCount) return { rows, total: res.body.pagination.total };
      }
    }
    const made: Record<string, string> = {};

    beforeAll(async () => {
      made.untouched = await draftBy('reporter');
      made.submitted = await draftBy('reporter');
      await move('reporter', made.submitted, { stage: 'submitted' }).expect(200);
      made.returned = await draftBy('reporter');
      await move('reporter', made.returned, { stage: 'submitted' }).expect(200);
      await move('editor', made.returned, { stage: 'returned', note: 'Thiếu nguồn' }).expect(200);
      made.approved = await draftBy('reporter');
      await move('reporter', made.approved, { stage: 'submitted' }).expect(200);
      await move('editor', made.approved, { stage: 'approved' }).expect(200);
      // Back to draft by a reporter's edit: a row that says draft.
      made.backToDraft = await draftBy('reporter');
      await move('reporter', made.backToDraft, { stage: 'submitted' }).expect(200);
      await edit('reporter', made.backToDraft, 'Bài duyệt sửa lại').expect(200);
      // Submitted in English only: the Vietnamese list sees it as a draft.
      made.english = await draftBy('reporter', 'en');
      await move('reporter', made.english, { stage: 'submitted' }, 'en').expect(200);
    });

    it('gives each row its stage in the listed locale', async () => {
      const { rows, total } = await listAll({ locale: 'vi', pageSize: '100' });
      expect(rows).toHaveLength(total);
      const byId = new Map(rows.map((r) => [r.documentId, r.reviewStage]));
      for (const id of Object.values(made).filter((id) => id !== made.english)) expect(byId.get(id)).toBe(await stageOf(id));
      expect(byId.get(made.backToDraft)).toBe('draft');
      for (const row of rows) expect(STAGES).toContain(row.reviewStage);
      const english = (await listAll({ locale: 'en', pageSize: '100' })).rows.find((r) => r.documentId === made.english);
      expect(english?.reviewStage).toBe('submitted');
    });

    it('filters by every stage, "là" and "không là", exactly as the rows say, with the right total', async () => {
      const all = (await listAll({ locale: 'vi', pageSize: '100' })).rows;
      for (const stage of STAGES) {
        for (const operator of ['$eq', '$ne']) {
          const { rows, total } = await listAll(filterQuery([[operator, stage]]));
          const expected = all.filter((r) => (operator === '$eq' ? r.reviewStage === stage : r.reviewStage !== stage)).map((r) => r.documentId);
          expect({ stage, operator, ids: rows.map((r) => r.documentId).sort() }).toEqual({ stage, operator, ids: expected.sort() });
          expect(total).toBe(expected.length);
        }
      }
    });

    it('combines with the list’s own filters and with a second stage condition', async () => {
      const mine = await listAll(filterQuery([['$ne', 'draft']], { 'filters[$and][1][title][$startsWith]': 'Bài duyệt số' }));
      const ids = mine.rows.map((r) => r.documentId);
      expect(ids).toEqual(expect.arrayContaining([made.submitted, made.returned, made.approved]));
      expect(ids).not.toContain(made.untouched);
      expect(ids).not.toContain(made.backToDraft);
      const neither = await listAll(filterQuery([['$ne', 'draft'], ['$ne', 'approved']]));
      expect(neither.rows.every((r) => r.reviewStage === 'submitted' || r.reviewStage === 'returned')).toBe(true);
      expect(neither.rows.map((r) => r.documentId)).toEqual(expect.arrayContaining([made.submitted, made.returned]));
    });

    it('shows a reporter only what they may read, with stages', async () => {
      const { rows } = await listAll(filterQuery([['$eq', 'submitted']]), 'reporter2');
      expect(rows.map((r) => r.documentId)).not.toContain(made.submitted);
    });

    it.each([
      [{ 'filters[$and][0][reviewStage][$eq]': 'xong' }, /Trạng thái duyệt "xong" không hợp lệ/],
      [{ 'filters[$and][0][reviewStage][$in][0]': 'draft' }, /\$eq.*\$ne/],
      [{ 'filters[$and][0][reviewStage][$eq][$gt]': '' }, /không hợp lệ/],
      [{ 'filters[reviewStage]': 'pending' }, /không hợp lệ/],
    ])('refuses %j with a 400 in Vietnamese', async (query, message) => {
      const res = await api().get(CM).query({ locale: 'vi', ...query }).set(as('editor'));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('leaves types without review alone: no stage on their rows, the filter is the content manager’s unknown field', async () => {
      const categories = `/content-manager/collection-types/api::category.category`;
      const plain = await api().get(categories).query({ locale: 'vi' }).set(as('editor')).expect(200);
      expect(plain.body.results.length).toBeGreaterThan(0);
      for (const row of plain.body.results) expect(row).not.toHaveProperty('reviewStage');
      const filtered = await api().get(categories).query({ locale: 'vi', 'filters[$and][0][reviewStage][$eq]': 'draft' }).set(as('editor'));
      expect(filtered.status).toBeGreaterThanOrEqual(400);
      expect(filtered.status).toBeLessThan(500);
    });

    it('marks the reviewed type’s schema for the admin, and only that type', async () => {
      const init = (await api().get('/content-manager/init').set(as('editor')).expect(200)).body.data;
      const options = (uid: string) => init.contentTypes.find((t: { uid: string }) => t.uid === uid)?.pluginOptions?.editorial;
      expect(options(ARTICLE)).toEqual({ review: true });
      expect(options('api::category.category')).toBeUndefined();
    });
  });

  describe('concurrency', () => {
    it('gives two approvals at once one trail row (conditional update)', async () => {
      const id = await draftBy('reporter');
      await move('reporter', id, { stage: 'submitted' }).expect(200);
      const results = await Promise.all([move('editor', id, { stage: 'approved' }), move('editor', id, { stage: 'approved' })]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses[0]).toBe(200);
      expect([400, 409]).toContain(statuses[1]);
      const t = await trail(id);
      expect(t.trail.filter((s) => s.stage === 'approved')).toHaveLength(1);
    });

    it('lets the database refuse the loser: an update expecting the old stage changes nothing', async () => {
      const id = await draftBy('reporter');
      await move('reporter', id, { stage: 'submitted' }).expect(200);
      await move('editor', id, { stage: 'approved' }).expect(200);
      const changed = await app.strapi.db
        .connection('editorial_review_stages')
        .where({ uid: ARTICLE, document_id: id, locale: 'vi', stage: 'submitted' })
        .update({ stage: 'approved' });
      expect(Number(changed)).toBe(0);
      // The driver's error may come from another realm than jest's: its message is compared.
      const failure = await app.strapi.db
        .connection('editorial_review_stages')
        .insert({ uid: ARTICLE, document_id: id, locale: 'vi', stage: 'draft', since: 1 })
        .then(
          () => 'inserted',
          (error: { message?: unknown }) => String(error?.message)
        );
      expect(failure).toMatch(/UNIQUE constraint failed|duplicate key value violates unique constraint/);
    });
  });
});
