/**
 * Dates of a văn bản: the rules editors must keep, and the validity a reader is shown. Pure: the
 * Document Service glue (src/bootstrap/legal-document-guard.ts) and the API read the rows.
 */

/** The newsroom's time zone: a document takes effect at midnight in Việt Nam, not in UTC. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type Validity = 'chua-hieu-luc' | 'con-hieu-luc' | 'het-hieu-luc';

export const VALIDITY_LABELS: Record<Validity, string> = {
  'chua-hieu-luc': 'Chưa có hiệu lực',
  'con-hieu-luc': 'Còn hiệu lực',
  'het-hieu-luc': 'Hết hiệu lực',
};

export const VALIDITIES = Object.keys(VALIDITY_LABELS) as Validity[];

/**
 * A calendar date "YYYY-MM-DD" from what a request or a database gives (a string with or without
 * a time, a Date at midnight UTC as pg returns dates), or null when empty or not a real date.
 */
export function toDay(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === m[0] ? m[0] : null;
}

/** "YYYY-MM-DD" → "DD/MM/YYYY", the way dates are written in Vietnamese documents. */
export const vietnameseDate = (day: string): string => day.split('-').reverse().join('/');

/** Today in Việt Nam, "YYYY-MM-DD". */
export function todayIn(now: Date, timeZone = TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export interface DocumentDates {
  issuedOn?: unknown;
  effectiveFrom?: unknown;
  expiresOn?: unknown;
}

/**
 * Why the dates of a document cannot be saved (in Vietnamese, for the editor), or null.
 * A document cannot take effect before it is signed, and must take effect before it expires.
 * Missing dates are not a problem here: `issuedOn` is required on publication by the schema.
 */
export function findDateProblem(dates: DocumentDates): string | null {
  const issued = toDay(dates.issuedOn);
  const from = toDay(dates.effectiveFrom);
  const expires = toDay(dates.expiresOn);
  const effective = from ?? issued;
  if (issued && from && from < issued) {
    return `Ngày có hiệu lực (${vietnameseDate(from)}) không được trước ngày ban hành (${vietnameseDate(issued)}).`;
  }
  if (expires && effective && expires <= effective) {
    return `Ngày hết hiệu lực (${vietnameseDate(expires)}) phải sau ngày có hiệu lực (${vietnameseDate(effective)}).`;
  }
  return null;
}

/** A published document that replaces this one: it ends this one's validity once it takes effect. */
export interface Replacement {
  issuedOn?: unknown;
  effectiveFrom?: unknown;
}

/**
 * The validity of a document on `today` ("YYYY-MM-DD" in Việt Nam): expired on its `expiresOn`
 * (the first day it no longer applies) or from the day a replacement takes effect; not yet in
 * force before `effectiveFrom` (or, without one, before its issue date); in force otherwise.
 */
export function validityOn(doc: DocumentDates & { replacedBy?: Replacement[] }, today: string): Validity {
  const expires = toDay(doc.expiresOn);
  if (expires && today >= expires) return 'het-hieu-luc';
  const replacedFrom = (doc.replacedBy ?? [])
    .map((r) => toDay(r.effectiveFrom) ?? toDay(r.issuedOn))
    .filter((d): d is string => d !== null);
  if (replacedFrom.some((d) => today >= d)) return 'het-hieu-luc';
  const effective = toDay(doc.effectiveFrom) ?? toDay(doc.issuedOn);
  if (effective && today < effective) return 'chua-hieu-luc';
  return 'con-hieu-luc';
}
