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
