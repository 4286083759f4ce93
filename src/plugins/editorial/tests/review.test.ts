import { defaultConfig, validateConfig, type PluginConfig } from '../server/src/config';
import {
  allowedSteps,
  decideTransition,
  mayRequest,
  parsePage,
  stageMembership,
  takeStageFilters,
  REQUESTABLE,
  STAGE_LABELS,
  STAGES,
  stageAfterEdit,
  stageAfterPublish,
  TRANSITIONS,
  type Abilities,
  type Stage,
} from '../server/src/utils/review';

const EDITOR: Abilities = { canApprove: true, canEdit: true };
const OWNER: Abilities = { canApprove: false, canEdit: true };
const OTHER: Abilities = { canApprove: false, canEdit: false };

describe('review stages: the transition table', () => {
  // Every (from, to) pair asked by an editor with a note: allowed exactly where the table says.
  const pairs = STAGES.flatMap((from) => REQUESTABLE.map((to) => [from, to] as const));
  const allowed = new Set(['draft>submitted', 'returned>submitted', 'draft>approved', 'submitted>approved', 'returned>approved', 'submitted>returned', 'approved>returned']);
  it.each(pairs)('%s → %s', (from, to) => {
    const d = decideTransition(from, to, 'Ghi chú', EDITOR);
    if (allowed.has(`${from}>${to}`)) expect(d).toEqual({ ok: true, stage: to, note: 'Ghi chú' });
    else expect(d).toMatchObject({ ok: false, status: 400, message: expect.stringContaining(`"${STAGE_LABELS[from]}" sang "${STAGE_LABELS[to]}"`) });
  });

  it('names each stage in Vietnamese', () => {
    expect(STAGE_LABELS).toEqual({ draft: 'Bản nháp', submitted: 'Chờ duyệt', approved: 'Đã duyệt', returned: 'Trả lại' });
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...REQUESTABLE].sort());
  });
});

describe('review stages: who may ask for what', () => {
  it.each([
    ['submitted', EDITOR, true],
    ['submitted', OWNER, true],
    ['submitted', OTHER, false],
    ['approved', EDITOR, true],
    ['approved', OWNER, false],
    ['approved', OTHER, false],
    ['returned', EDITOR, true],
    ['returned', OWNER, false],
    ['returned', OTHER, false],
    // An approver who may not edit this draft (no update permission) still approves or submits.
    ['submitted', { canApprove: true, canEdit: false }, true],
  ] as const)('%s by %j: %s', (to, who, expected) => expect(mayRequest(to, who)).toBe(expected));

  it.each([
    ['a writer approving', 'submitted', 'approved', 'x', OWNER, 403, /quyền duyệt/],
    ['a writer returning', 'submitted', 'returned', 'x', OWNER, 403, /quyền trả lại/],
    ['someone else submitting', 'draft', 'submitted', null, OTHER, 403, /gửi duyệt/],
    ['a role refusal comes before an impossible transition', 'approved', 'approved', null, OWNER, 403, /quyền duyệt/],
    ['an unknown stage', 'draft', 'published', null, EDITOR, 400, /không hợp lệ/],
    ['draft asked for (only an edit reaches it)', 'submitted', 'draft', null, EDITOR, 400, /không hợp lệ/],
    ['no stage', 'draft', undefined, null, EDITOR, 400, /không hợp lệ/],
    ['a note that is not text', 'submitted', 'approved', 5, EDITOR, 400, /chuỗi/],
    ['returned without a note', 'submitted', 'returned', undefined, EDITOR, 400, /cần ghi chú/],
    ['returned with a blank note', 'submitted', 'returned', '   ', EDITOR, 400, /cần ghi chú/],
    ['a note too long', 'submitted', 'approved', 'a'.repeat(2001), EDITOR, 400, /dài quá/],
  ] as const)('refuses %s', (_name, from, to, note, who, status, message) => {
    expect(decideTransition(from, to, note, who)).toEqual({ ok: false, status, message: expect.stringMatching(message) });
  });

  it.each([
    ['submitted', undefined, OWNER, null],
    ['submitted', '  ', OWNER, null],
    ['submitted', ' Đã sửa tít ', OWNER, 'Đã sửa tít'],
    ['approved', null, EDITOR, null],
    ['returned', 'Thiếu nguồn ảnh', EDITOR, 'Thiếu nguồn ảnh'],
  ] as const)('accepts %s with note %j (stored as %j)', (to, note, who, stored) => {
    const from: Stage = to === 'returned' ? 'submitted' : 'draft';
    expect(decideTransition(from, to, note, who)).toEqual({ ok: true, stage: to, note: stored });
  });
});

describe('review stages: the steps offered to a user', () => {
  // The buttons of the admin panel: for every stage and kind of user, exactly the steps that
  // decideTransition would accept (with a note, so a return is not refused for lacking one).
  const users = { EDITOR, OWNER, OTHER } as const;
  it.each(STAGES.flatMap((from) => Object.entries(users).map(([name, who]) => [from, name, who] as const)))('from %s for %s', (from, _name, who) => {
    const accepted = REQUESTABLE.filter((to) => decideTransition(from, to, 'Ghi chú', who).ok);
    expect(allowedSteps(from, who)).toEqual(accepted);
  });

  it.each([
    ['draft', OWNER, ['submitted']],
    ['submitted', OWNER, []],
    ['submitted', EDITOR, ['approved', 'returned']],
    ['approved', EDITOR, ['returned']],
    ['returned', OWNER, ['submitted']],
    ['approved', OTHER, []],
  ] as const)('from %s for %j: %j', (from, who, expected) => expect(allowedSteps(from, who)).toEqual(expected));
});

describe('review stages: edits and publications', () => {
  it.each([
    ['draft', false, null],
    ['submitted', false, 'draft'],
    ['approved', false, 'draft'],
    ['returned', false, null],
    ['submitted', true, null],
    ['approved', true, null],
  ] as const)('an edit of a %s draft by canApprove=%s: %s', (stage, canApprove, expected) => expect(stageAfterEdit(stage, canApprove)).toBe(expected));

  it.each([
    ['draft', true, 'approved'],
    ['submitted', true, 'approved'],
    ['returned', true, 'approved'],
    ['approved', true, null],
    ['submitted', false, null],
  ] as const)('a publication of a %s draft by canApprove=%s: %s', (stage, canApprove, expected) => expect(stageAfterPublish(stage, canApprove)).toBe(expected));
});

describe('review stages: queue pages and config', () => {
  it.each([
    [{}, { ok: true, page: 1, pageSize: 25 }],
    [{ page: '3', pageSize: '100' }, { ok: true, page: 3, pageSize: 100 }],
    [{ page: '0' }, { ok: false, message: expect.stringMatching(/page/) }],
    [{ pageSize: '101' }, { ok: false, message: expect.stringMatching(/pageSize/) }],
    [{ pageSize: '1.5' }, { ok: false, message: expect.stringMatching(/pageSize/) }],
    [{ page: ['1', '2'] }, { ok: false, message: expect.stringMatching(/page/) }],
  ])('%j', (query, expected) => expect(parsePage(query)).toEqual(expected));

  it('reviews no content type unless configured, and checks the list', () => {
    expect(defaultConfig.review.contentTypes).toEqual([]);
    const bad = (review: unknown) => () => validateConfig({ ...defaultConfig, review } as PluginConfig);
    expect(bad({ contentTypes: ['api::x.x'] })).not.toThrow();
    expect(bad({ contentTypes: 'api::x.x' })).toThrow(/review.contentTypes/);
    expect(bad({ contentTypes: [1] })).toThrow(/review.contentTypes/);
    expect(bad(undefined)).toThrow(/review.contentTypes/);
  });
});

describe('review stages: the list filter', () => {
  const FIELD = 'reviewStage';
  it.each([
    ['no filters', undefined, undefined, []],
    ['other filters only', { $and: [{ title: { $contains: 'a' } }] }, { $and: [{ title: { $contains: 'a' } }] }, []],
    ['one $eq among others', { $and: [{ title: { $contains: 'a' } }, { reviewStage: { $eq: 'submitted' } }] }, { $and: [{ title: { $contains: 'a' } }] }, [{ stage: 'submitted', negate: false }]],
    ['$ne alone: $and dropped', { $and: [{ reviewStage: { $ne: 'approved' } }] }, {}, [{ stage: 'approved', negate: true }]],
    ['two conditions', { $and: [{ reviewStage: { $ne: 'draft' } }, { reviewStage: { $ne: 'approved' } }] }, {}, [{ stage: 'draft', negate: true }, { stage: 'approved', negate: true }]],
    ['top level, bare stage', { reviewStage: 'returned', locale: { $eq: 'vi' } }, { locale: { $eq: 'vi' } }, [{ stage: 'returned', negate: false }]],
    ['an item with another field kept', { $and: [{ reviewStage: { $eq: 'draft' }, title: { $eq: 'x' } }] }, { $and: [{ title: { $eq: 'x' } }] }, [{ stage: 'draft', negate: false }]],
    ['$and past qs array limit (object)', { $and: { 0: { reviewStage: { $eq: 'submitted' } }, 21: { id: { $gt: 1 } } } }, { $and: [{ id: { $gt: 1 } }] }, [{ stage: 'submitted', negate: false }]],
  ])('%s', (_name, filters, rest, conditions) => {
    const before = JSON.stringify(filters);
    expect(takeStageFilters(filters, FIELD)).toEqual({ ok: true, filters: rest, conditions });
    expect(JSON.stringify(filters)).toBe(before);
  });

  it.each([
    [{ reviewStage: { $eq: 'pending' } }, /không hợp lệ/],
    [{ $and: [{ reviewStage: { $eq: 'Submitted' } }] }, /không hợp lệ/],
    [{ $and: [{ reviewStage: { $in: ['draft'] } }] }, /\$eq.*\$ne/],
    [{ $and: [{ reviewStage: { $eq: 'draft', $ne: 'approved' } }] }, /\$eq.*\$ne/],
    [{ $and: [{ reviewStage: { $eq: ['draft', 'approved'] } }] }, /không hợp lệ/],
    [{ $and: [{ reviewStage: { $eq: { $gt: '' } } }] }, /không hợp lệ/],
    [{ reviewStage: 'x'.repeat(500) }, /không hợp lệ/],
    [{ $and: [{ reviewStage: null }] }, /\$eq.*\$ne/],
  ])('%j is refused in Vietnamese', (filters, message) => {
    const answer = takeStageFilters(filters, FIELD);
    expect(answer).toEqual({ ok: false, message: expect.stringMatching(message) });
    if (!answer.ok) expect(answer.message.length).toBeLessThan(300);
  });

  // Every stage and both operators against what a document in each stage is: membership must
  // agree with "its stage is (not) the one asked for", a document with no row being a draft.
  const docs: (Stage | null)[] = [null, ...STAGES];
  it.each(STAGES.flatMap((stage) => [true, false].map((negate) => [stage, negate] as const)))('%s negate=%s', (stage, negate) => {
    const { operator, stages } = stageMembership({ stage, negate });
    for (const row of docs) {
      const actual = row ?? 'draft';
      const member = row !== null && stages.includes(row);
      expect(operator === '$in' ? member : !member).toBe(negate ? actual !== stage : actual === stage);
    }
  });
});
