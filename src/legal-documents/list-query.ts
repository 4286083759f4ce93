import { KIND_LABELS } from './kinds';
import { VALIDITIES, type Validity } from './dates';

/** The list's own parameters (`?kind=&year=&issuer=&field=&validity=`), besides Strapi's `filters`. */
export const LIST_PARAMS = ['kind', 'year', 'issuer', 'field', 'validity'] as const;

type Filters = Record<string, unknown>;

/** A bad parameter, with the message the reader is shown. */
export class ListParamError extends Error {}

/** Years a văn bản can carry: the portal's archive starts long after 1945, and none is issued after next year. */
const MIN_YEAR = 1945;

const one = (name: string, raw: unknown, maxLength: number): string | undefined => {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || raw.length > maxLength) {
    throw new ListParamError(`Tham số "${name}" phải là một chuỗi không quá ${maxLength} ký tự.`);
  }
  return raw;
};

/** A published replacement that has taken effect on `today` (a condition on `replacedBy`). */
export const replacementInForce = (today: string): Filters => ({
  $or: [{ effectiveFrom: { $lte: today } }, { effectiveFrom: { $null: true }, issuedOn: { $lte: today } }],
});

/** The day a document takes effect: its `effectiveFrom`, or without one its issue date (as `validityOn`). */
const startsOn = (day: string): Filters => ({ $or: [{ effectiveFrom: { $eq: day } }, { effectiveFrom: { $null: true }, issuedOn: { $eq: day } }] });

/**
 * The documents whose validity changes on `day`, by the rules of `validityOn`: they take effect,
 * their `expiresOn` comes, or a replacement of theirs takes effect. (Nothing else moves a
 * validity without a write, which the API cache sees itself.)
 */
export const validityChangesOn = (day: string): Filters => ({
  $or: [startsOn(day), { expiresOn: { $eq: day } }, { replacedBy: startsOn(day) }],
});

/**
 * Conditions of "in force on `today`" and its two opposites, as Document Service filters, the
 * same rules as `validityOn`. `replaced` lists the documents a replacement in force has ended:
 * "not replaced" cannot be a `$not` over the `replacedBy` join, which SQL reads as unknown (so
 * false) for a document with no replacement at all.
 */
export function validityFilter(validity: Validity, today: string, replaced: string[]): Filters {
  const notReplaced = replaced.length > 0 ? [{ documentId: { $notIn: replaced } }] : [];
  const notExpired = [{ $or: [{ expiresOn: { $null: true } }, { expiresOn: { $gt: today } }] }, ...notReplaced];
  const notYet = { $or: [{ effectiveFrom: { $gt: today } }, { effectiveFrom: { $null: true }, issuedOn: { $gt: today } }] };
  const started = { $or: [{ effectiveFrom: { $lte: today } }, { effectiveFrom: { $null: true }, issuedOn: { $lte: today } }] };
  if (validity === 'het-hieu-luc') return { $or: [{ expiresOn: { $lte: today } }, { replacedBy: replacementInForce(today) }] };
  if (validity === 'chua-hieu-luc') return { $and: [...notExpired, notYet] };
  return { $and: [...notExpired, started] };
}

/**
 * The filters the list parameters ask for (joined with `$and`), or null when none is given;
 * `replaced` as for `validityFilter`.
 * Anything malformed is a ListParamError with a Vietnamese message (a 400).
 */
export function listFilters(query: Record<string, unknown>, today: string, replaced: string[] = []): Filters | null {
  const out: Filters[] = [];
  const kind = one('kind', query.kind, 20);
  if (kind !== undefined) {
    if (!Object.hasOwn(KIND_LABELS, kind)) throw new ListParamError(`Loại văn bản "${kind}" không có; chọn một trong: ${Object.keys(KIND_LABELS).join(', ')}.`);
    out.push({ kind: { $eq: kind } });
  }
  const year = one('year', query.year, 4);
  if (year !== undefined) {
    const max = Number(today.slice(0, 4)) + 1;
    if (!/^\d{4}$/.test(year) || Number(year) < MIN_YEAR || Number(year) > max) throw new ListParamError(`Năm ban hành phải là số từ ${MIN_YEAR} đến ${max}.`);
    out.push({ issuedOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } });
  }
  const issuer = one('issuer', query.issuer, 255);
  // An agency of the province by its slug, or a body outside it by its name (any case).
  if (issuer !== undefined) out.push({ $or: [{ issuer: { slug: { $eq: issuer } } }, { issuerName: { $eqi: issuer } }] });
  const field = one('field', query.field, 200);
  if (field !== undefined) out.push({ field: { $eqi: field } });
  const validity = one('validity', query.validity, 20);
  if (validity !== undefined) {
    if (!VALIDITIES.includes(validity as Validity)) throw new ListParamError(`Hiệu lực "${validity}" không có; chọn một trong: ${VALIDITIES.join(', ')}.`);
    out.push(validityFilter(validity as Validity, today, replaced));
  }
  return out.length === 0 ? null : out.length === 1 ? out[0] : { $and: out };
}

