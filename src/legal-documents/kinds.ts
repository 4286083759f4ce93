/** Kinds of văn bản (the schema's `kind` enumeration) with the names editors and readers see. */
export const KIND_LABELS = {
  luat: 'Luật',
  'nghi-quyet': 'Nghị quyết',
  'nghi-dinh': 'Nghị định',
  'quyet-dinh': 'Quyết định',
  'chi-thi': 'Chỉ thị',
  'thong-tu': 'Thông tư',
  'ke-hoach': 'Kế hoạch',
  'huong-dan': 'Hướng dẫn',
  'cong-van': 'Công văn',
  'thong-bao': 'Thông báo',
  'bao-cao': 'Báo cáo',
  khac: 'Khác',
} as const;

export type LegalDocumentKind = keyof typeof KIND_LABELS;

/** The admin's description of the `kind` field: each stored value with its Vietnamese name. */
export const kindHint = (): string =>
  Object.entries(KIND_LABELS)
    .map(([value, label]) => `${value}: ${label}`)
    .join('; ');
