import { hasVisibleText } from 'strapi-plugin-vietnamese-text/text';

// C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Removes control characters no editor means to type (Word pastes carry them; NUL breaks PostgreSQL). */
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

/**
 * Half of a UTF-16 surrogate pair on its own. It is no character: JSON can carry one ("\ud800"),
 * but UTF-8 cannot store it, and dropping it silently would change what the writer sent.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/**
 * Where in a JSON-like value the first string (or key) with a lone surrogate is, as a dotted path
 * ('' for the value itself), or null when there is none. No recursion.
 */
export function findLoneSurrogate(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (hasLoneSurrogate(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]` }));
    } else if (current && typeof current === 'object' && Object.getPrototypeOf(current) === Object.prototype) {
      for (const [key, item] of Object.entries(current)) {
        const at = path ? `${path}.${key}` : key;
        if (hasLoneSurrogate(key)) return at;
        stack.push({ value: item, path: at });
      }
    }
  }
  return null;
}

export const loneSurrogateMessage = (field: string): string =>
  `Trường "${field}" chứa ký tự Unicode hỏng (nửa cặp surrogate UTF-16), không lưu được. Hãy gõ lại hoặc dán lại đoạn chữ này.`;

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
 * `original` is the data as sent, to tell a field emptied by cleaning from one left empty, and to
 * find lone surrogates (refused, not dropped). `prefix` names the component the data sits in
 * ("seo.") so a message names the field as the editor knows it.
 */
export function findTextProblem(data: Record<string, unknown>, original: Record<string, unknown>, attributes: Record<string, AttributeRule>, prefix = ''): string | null {
  for (const [name, rule] of Object.entries(attributes)) {
    const field = `${prefix}${name}`;
    // Components are checked field by field by the caller, with their own attributes.
    if (rule.type !== 'component' && Object.hasOwn(original, name) && findLoneSurrogate(original[name]) !== null) {
      return loneSurrogateMessage(field);
    }
    const value = data[name];
    if (value === undefined || value === null) continue;
    if (rule.type === 'blocks' && !isBlocks(value)) {
      return `Trường "${field}" phải là nội dung dạng khối (blocks): một danh sách các khối có "type" và "children".`;
    }
    if (typeof value !== 'string') continue;
    const max = rule.maxLength ?? (VARCHAR.has(rule.type) ? VARCHAR_LENGTH : undefined);
    if (max !== undefined && value.length > max) {
      return `Trường "${field}" dài ${value.length.toLocaleString('vi-VN')} ký tự, tối đa ${max.toLocaleString('vi-VN')} ký tự.`;
    }
    if (rule.required && !hasVisibleText(value) && typeof original[name] === 'string' && original[name] !== '') {
      return `Trường "${field}" chỉ có ký tự điều khiển, ký tự vô hình hoặc ký tự lỗi, không có nội dung.`;
    }
  }
  return null;
}
