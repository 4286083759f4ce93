import type { Json } from './types';

/** Details are a hint for a reader, not a copy of the data: at most this many characters of JSON. */
export const MAX_DETAILS = 2000;

/**
 * The details as stored: JSON of at most `max` characters. Longer strings and lists are cut
 * first (the common cause); if it is still too long, a preview of the JSON is kept, marked cut.
 */
export function compactDetails(details: Json | null | undefined, max = MAX_DETAILS): string | null {
  if (!details || Object.keys(details).length === 0) return null;
  const shortened: Json = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined) continue;
    if (typeof value === 'string') shortened[key] = value.length > 200 ? `${value.slice(0, 199)}…` : value;
    else if (Array.isArray(value)) shortened[key] = value.length > 20 ? [...value.slice(0, 20), `… +${value.length - 20}`] : value;
    else shortened[key] = value;
  }
  const json = JSON.stringify(shortened);
  if (json.length <= max) return json;
  const cut = JSON.stringify({ cut: true, preview: json.slice(0, Math.max(0, max - 40)) });
  return cut.length <= max ? cut : JSON.stringify({ cut: true });
}

/** Stored details back to an object; a row written by hand that is not JSON is shown as text. */
export function parseDetails(stored: string | null): Json | null {
  if (!stored) return null;
  try {
    const value: unknown = JSON.parse(stored);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : { value };
  } catch {
    return { text: stored };
  }
}
