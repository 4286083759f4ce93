/**
 * Pure rules of review stages: which stage may follow which, who may move a document there, when
 * a note is required, and what an edit or a publication does to the stage. The `review` service
 * does the database and permission work and asks these rules.
 */

export const STAGES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages a person asks for through the route; `draft` is only reached by an edit. */
export const REQUESTABLE = ['submitted', 'approved', 'returned'] as const;
export type RequestedStage = (typeof REQUESTABLE)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  draft: 'Bản nháp',
  submitted: 'Chờ duyệt',
  approved: 'Đã duyệt',
  returned: 'Trả lại',
};

export const isStage = (value: unknown): value is Stage => typeof value === 'string' && (STAGES as readonly string[]).includes(value);
export const isRequestable = (value: unknown): value is RequestedStage => typeof value === 'string' && (REQUESTABLE as readonly string[]).includes(value);

/**
 * Which stages each requested stage may come from. An approver may approve a draft or a returned
 * document directly (they could publish it anyway), and return an approved one that turned out
 * wrong; a writer submits a draft or a returned document again after changes.
 */
export const TRANSITIONS: Record<RequestedStage, readonly Stage[]> = {
  submitted: ['draft', 'returned'],
  approved: ['draft', 'submitted', 'returned'],
  returned: ['submitted', 'approved'],
};

/** What the acting user may do to this document version, from the permission engine. */
export interface Abilities {
  /** May publish the type in this locale (explorer.publish with its conditions), or is a super admin. */
  canApprove: boolean;
  /**
   * May update this draft (explorer.update with its conditions). For a Phóng viên the role's
   * is-creator condition makes this "their own drafts".
   */
  canEdit: boolean;
}

export type Decision = { ok: true; stage: RequestedStage; note: string | null } | { ok: false; status: 400 | 403; message: string };

export const MAX_NOTE = 2000;

const refuse = (status: 400 | 403, message: string): Decision => ({ ok: false, status, message });

/** Whether this user may ask for `to` at all (the role part, whatever the document's stage). */
export function mayRequest(to: RequestedStage, who: Abilities): boolean {
  return to === 'submitted' ? who.canEdit || who.canApprove : who.canApprove;
}

/** The stages this user may ask for now, from `from`: the buttons the admin's review panel shows. */
export function allowedSteps(from: Stage, who: Abilities): RequestedStage[] {
  return REQUESTABLE.filter((to) => mayRequest(to, who) && TRANSITIONS[to].includes(from));
}

/**
 * The answer to "move this document from `from` to `asked`, with this note": the stage and the
 * cleaned note, or a refusal with its HTTP status and a Vietnamese message. Checked in order:
 * the stage asked for, the role, the transition, the note.
 */
export function decideTransition(from: Stage, asked: unknown, noteIn: unknown, who: Abilities): Decision {
  if (!isRequestable(asked)) {
    return refuse(400, `Trạng thái "${String(asked ?? '')}" không hợp lệ: chỉ chọn submitted (Chờ duyệt), approved (Đã duyệt) hoặc returned (Trả lại).`);
  }
  if (noteIn !== undefined && noteIn !== null && typeof noteIn !== 'string') return refuse(400, 'Ghi chú (note) phải là chuỗi ký tự.');
  if (!mayRequest(asked, who)) {
    return asked === 'submitted'
      ? refuse(403, 'Bạn không có quyền gửi duyệt bài này: chỉ người được sửa bản nháp mới gửi duyệt.')
      : refuse(403, `Bạn không có quyền ${asked === 'approved' ? 'duyệt' : 'trả lại'} bài này: cần quyền xuất bản loại nội dung và ngôn ngữ này.`);
  }
  if (!TRANSITIONS[asked].includes(from)) {
    return refuse(400, `Không thể chuyển từ "${STAGE_LABELS[from]}" sang "${STAGE_LABELS[asked]}".`);
  }
  const note = typeof noteIn === 'string' && noteIn.trim() !== '' ? noteIn.trim() : null;
  if (asked === 'returned' && note === null) return refuse(400, 'Trả lại bài cần ghi chú (note) nói rõ phải sửa gì.');
  if (note !== null && note.length > MAX_NOTE) return refuse(400, `Ghi chú dài quá ${MAX_NOTE} ký tự.`);
  return { ok: true, stage: asked, note };
}

/**
 * The stage after a draft is edited: a submitted or approved draft changed by someone who could
 * not approve it goes back to `draft` (what was reviewed is no longer what is there); an
 * approver's own edit keeps the stage. Null: no change.
 */
export function stageAfterEdit(current: Stage, canApprove: boolean): Stage | null {
  return !canApprove && (current === 'submitted' || current === 'approved') ? 'draft' : null;
}

/** The stage after a publication: publishing by an approver is an approval. Null: no change. */
export function stageAfterPublish(current: Stage, canApprove: boolean): Stage | null {
  return canApprove && current !== 'approved' ? 'approved' : null;
}

/** Page and page size of the queue: page from 1, size 1–100 (25). */
export function parsePage(query: Record<string, unknown>): { ok: true; page: number; pageSize: number } | { ok: false; message: string } {
  const num = (v: unknown, fallback: number) => (v === undefined ? fallback : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN);
  const page = num(query.page, 1);
  const pageSize = num(query.pageSize, 25);
  if (!Number.isInteger(page) || page < 1) return { ok: false, message: 'Trang (page) phải là số nguyên từ 1.' };
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return { ok: false, message: 'Số dòng mỗi trang (pageSize) phải từ 1 đến 100.' };
  return { ok: true, page, pageSize };
}

/** One stage condition of a list's filters: in this stage, or (`negate`) not in it. */
export interface StageCondition {
  stage: Stage;
  negate: boolean;
}

type Taken = { ok: true; filters: unknown; conditions: StageCondition[] } | { ok: false; message: string };

const STAGE_CHOICES = STAGES.map((s) => `${s} (${STAGE_LABELS[s]})`).join(', ');

/** One filter value on the stage field: `{ $eq: stage }`, `{ $ne: stage }` or a bare stage. */
function stageCondition(value: unknown): StageCondition | string {
  if (isStage(value)) return { stage: value, negate: false };
  if (typeof value === 'string') return `Trạng thái duyệt "${value.slice(0, 40)}" không hợp lệ: chỉ chọn một trong ${STAGE_CHOICES}.`;
  const entries = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
  if (entries.length !== 1 || (entries[0][0] !== '$eq' && entries[0][0] !== '$ne')) {
    return 'Lọc theo trạng thái duyệt chỉ dùng "là" ($eq) hoặc "không là" ($ne) một trạng thái.';
  }
  const [operator, stage] = entries[0];
  if (!isStage(stage)) {
    const shown = typeof stage === 'string' ? stage.slice(0, 40) : typeof stage;
    return `Trạng thái duyệt "${shown}" không hợp lệ: chỉ chọn một trong ${STAGE_CHOICES}.`;
  }
  return { stage, negate: operator === '$ne' };
}

/**
 * Takes the stage conditions out of a content-manager list's `filters` (the admin's filter menu
 * writes `filters[$and][i][<field>][$eq|$ne]=<stage>`; a top-level `filters[<field>]` is read the
 * same way), returning the filters without them, for the content manager, which knows no such
 * field. Nothing is changed in place. A bad operator or stage is refused in Vietnamese.
 */
export function takeStageFilters(filters: unknown, field: string): Taken {
  if (filters === null || typeof filters !== 'object' || Array.isArray(filters)) return { ok: true, filters, conditions: [] };
  const conditions: StageCondition[] = [];
  const take = (value: unknown): string | null => {
    const condition = stageCondition(value);
    if (typeof condition === 'string') return condition;
    conditions.push(condition);
    return null;
  };
  const { [field]: top, ...rest } = filters as Record<string, unknown>;
  if (top !== undefined) {
    const refused = take(top);
    if (refused) return { ok: false, message: refused };
  }
  // qs parses an index past its array limit into an object with numeric keys: read both shapes.
  const and = rest.$and;
  if (and !== null && typeof and === 'object') {
    const kept: unknown[] = [];
    for (const item of Array.isArray(and) ? and : Object.values(and)) {
      if (item === null || typeof item !== 'object' || Array.isArray(item) || !(field in item)) {
        kept.push(item);
        continue;
      }
      const { [field]: value, ...others } = item as Record<string, unknown>;
      const refused = take(value);
      if (refused) return { ok: false, message: refused };
      if (Object.keys(others).length > 0) kept.push(others);
    }
    if (kept.length > 0) rest.$and = kept;
    else delete rest.$and;
  }
  return { ok: true, filters: conditions.length > 0 ? rest : filters, conditions };
}

/**
 * A stage condition as a membership test on the stage table: documents with a row in `stages`
 * are `$in` or `$notIn`. A document never moved has no row and is a draft, so "is a draft" is
 * "has no row in another stage".
 */
export function stageMembership({ stage, negate }: StageCondition): { operator: '$in' | '$notIn'; stages: Stage[] } {
  const draft = stage === 'draft';
  return { operator: draft !== negate ? '$notIn' : '$in', stages: draft ? STAGES.filter((s) => s !== 'draft') : [stage] };
}

/**
 * The stage in the content manager's list (list-view.ts and the admin's hooks): the field of the
 * filter menu (`filters[$and][i][reviewStage][$eq]=submitted`) and the property each listed row gains.
 */
export const LIST_STAGE_FIELD = 'reviewStage';

/** The schema plugin option marking a reviewed type, which the admin reads to show the column and filter. */
export const SCHEMA_OPTION = 'editorial';
