/** Pure rules of scheduled publishing; the scheduler service does the database work. */

export type ScheduleAction = 'publish' | 'unpublish';

/** A draft row's schedule as read from the database (SQLite gives epoch ms, PostgreSQL a Date). */
export interface ScheduleRow {
  documentId: string;
  locale: string;
  publishAt: unknown;
  unpublishAt: unknown;
}

export interface DueItem {
  documentId: string;
  locale: string;
  action: ScheduleAction;
  /** The schedule value acted on, in epoch ms: part of the claim key, so a new time is a new claim. */
  dueAt: number;
}

/** Epoch ms of a datetime as any supported database returns it, or null when empty or unreadable. */
export function toEpochMs(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

/**
 * What a draft row asks for at `now`. A passed unpublish time wins over a passed publish time:
 * when both went by (the app was down through the whole window) the article must not appear.
 */
export function dueAction(row: ScheduleRow, now: Date): DueItem | null {
  const t = now.getTime();
  const publishAt = toEpochMs(row.publishAt);
  const unpublishAt = toEpochMs(row.unpublishAt);
  const base = { documentId: row.documentId, locale: row.locale };
  if (unpublishAt !== null && unpublishAt <= t) return { ...base, action: 'unpublish', dueAt: unpublishAt };
  if (publishAt !== null && publishAt <= t) return { ...base, action: 'publish', dueAt: publishAt };
  return null;
}

export const claimKey = (item: Pick<DueItem, 'documentId' | 'locale' | 'action' | 'dueAt'>): string =>
  `${item.documentId}\u0000${item.locale}\u0000${item.action}\u0000${item.dueAt}`;

/** Who set a schedule, as the scheduler's owners table keeps it. */
export interface ScheduleOwner {
  due_at_ms: string | number;
  principal_kind: string;
  principal_id: string | null;
  /** Set when someone who may not publish edited the draft after the schedule was set. */
  edited_by: string | null;
}

/**
 * Why a due schedule must not be acted on whatever its owner's rights (in Vietnamese), or null:
 * nobody is recorded for this very time, or the draft changed since in hands that may not publish.
 */
export function ownerProblem(owner: ScheduleOwner | undefined, dueAt: number, action: ScheduleAction): string | null {
  if (!owner || Number(owner.due_at_ms) !== dueAt) return 'không rõ ai đặt lịch này (đặt trước khi có ghi nhận, hoặc ghi thẳng vào cơ sở dữ liệu)';
  // Unpublishing shows nothing new: only a publication can carry an unapproved edit.
  if (action === 'publish' && owner.edited_by) return `bản nháp đã được sửa sau khi hẹn giờ bởi ${owner.edited_by}, người không có quyền xuất bản`;
  return null;
}

/** The Vietnamese message for an impossible schedule, or null when it is fine. */
export function scheduleProblem(publishAt: unknown, unpublishAt: unknown): string | null {
  const from = toEpochMs(publishAt);
  const to = toEpochMs(unpublishAt);
  if (from !== null && to !== null && to <= from) {
    return 'Thời điểm hẹn giờ gỡ bài phải sau thời điểm hẹn giờ xuất bản.';
  }
  return null;
}
