// C0 controls other than tab, line feed and carriage return; DEL; C1 controls; lone surrogates.
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes characters no editor means to type (Word pastes carry them; NUL breaks PostgreSQL). */
export const cleanText = (text: string): string => text.replace(UNWANTED, '');

/** `cleanText` on every string in a JSON-like value (components, blocks, arrays), keeping its shape. */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanDeep) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanDeep(v)])) as T;
  }
  return value;
}

export interface AttributeRule {
  type: string;
  maxLength?: number;
  required?: boolean;
}

const VARCHAR = new Set(['string', 'email', 'uid', 'enumeration', 'password']);
// Strapi stores these in varchar(255) columns (PostgreSQL refuses longer values with a 500).
const VARCHAR_LENGTH = 255;

const isBlocks = (value: unknown) =>
  Array.isArray(value) && value.every((node) => node && typeof node === 'object' && typeof (node as { type?: unknown }).type === 'string' && Array.isArray((node as { children?: unknown }).children));

/**
 * The first problem of `data` (already cleaned) against its attributes, as a message for editors;
 * `original` is the data as sent, to tell a field emptied by cleaning from one left empty.
 */
export function findTextProblem(data: Record<string, unknown>, original: Record<string, unknown>, attributes: Record<string, AttributeRule>): string | null {
  for (const [name, rule] of Object.entries(attributes)) {
    const value = data[name];
    if (value === undefined || value === null) continue;
    if (rule.type === 'blocks' && !isBlocks(value)) {
      return `Trường "${name}" phải là nội dung dạng khối (blocks): một danh sách các khối có "type" và "children".`;
    }
    if (typeof value !== 'string') continue;
    const max = rule.maxLength ?? (VARCHAR.has(rule.type) ? VARCHAR_LENGTH : undefined);
    if (max !== undefined && value.length > max) {
      return `Trường "${name}" dài ${value.length.toLocaleString('vi-VN')} ký tự, tối đa ${max.toLocaleString('vi-VN')} ký tự.`;
    }
    if (rule.required && value.trim() === '' && typeof original[name] === 'string' && original[name] !== '') {
      return `Trường "${name}" chỉ có ký tự điều khiển hoặc ký tự lỗi, không có nội dung.`;
    }
  }
  return null;
}
