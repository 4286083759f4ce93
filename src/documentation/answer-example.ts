/**
 * A real answer cut down to an example for the OpenAPI document: lists keep their first two
 * items and long texts their first 240 characters, so a page's example stays readable (an article
 * page answer is ~40 KB) while keeping every field and its type.
 */
export function answerExample(value: unknown, maxItems = 2, maxText = 240): unknown {
  if (Array.isArray(value)) return value.slice(0, maxItems).map((item) => answerExample(item, maxItems, maxText));
  if (typeof value === 'string') return value.length > maxText ? `${value.slice(0, maxText)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, answerExample(item, maxItems, maxText)]));
}
