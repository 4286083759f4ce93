/**
 * Characters that are invisible on screen but break matching and equality: zero-width space,
 * joiners, word joiner and invisible operators, BOM, soft hyphen, combining grapheme joiner,
 * Mongolian vowel separator, Hangul fillers (drawn blank), and the bidirectional controls (LRM, RLM,
 * ALM, the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069): Vietnamese never
 * needs them, and a right-to-left override makes "anh\u202Egpj.exe" display as "anhexe.jpg".
 */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/g;
/** C0 and C1 control characters (tab and line breaks included: a file name has none). */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/** NFC, so text pasted as "Unicode tổ hợp" (NFD) compares and searches like typed text. */
export function toNFC(text: string): string {
  return text.normalize('NFC');
}

/** For titles and names: NFC, invisible characters removed, runs of spaces collapsed, trimmed. */
export function cleanName(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Whether a text shows anything at all once invisible characters, controls and spaces are set aside. */
export const hasVisibleText = (text: string): boolean => cleanName(text).replace(CONTROL, '').trim() !== '';

/** The name a media file is stored and shown under: a clean name without controls; never empty. */
export function cleanFileName(name: string): string {
  return cleanName(name.replace(CONTROL, ' ')) || 'tep';
}

/**
 * NFC for every string inside a value (objects, arrays, Strapi blocks JSON), returning the
 * same object when nothing changed. Only plain data is walked: Dates, Buffers and files are left as they are.
 */
export function deepNFC<T>(value: T): T {
  if (typeof value === 'string') return toNFC(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const next = deepNFC(item);
      if (next !== item) changed = true;
      return next;
    });
    return (changed ? out : value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const next = deepNFC(item);
      if (next !== item) changed = true;
      out[key] = next;
    }
    return (changed ? out : value) as T;
  }
  return value;
}

// Old-style tone placement ("hoà", "thuỷ") → new style ("hòa", "thủy") on the diphthongs where
// both are in use: oa, oe, uy with the tone mark moved to the first vowel.
const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const PAIRS: [string, string][] = [
  ['o', 'a'],
  ['o', 'e'],
  ['u', 'y'],
];

/**
 * Moves the tone of oa/oe/uy to the first vowel when it closes the syllable ("hoà" → "hòa",
 * "Uỷ" → "Ủy"); "hoàng", "thuyền" and "quý" are left alone, as both styles agree on them.
 */
export function toNewTonePlacement(text: string): string {
  const nfd = text.normalize('NFD');
  let out = nfd;
  for (const [first, second] of PAIRS) {
    for (const tone of TONES) {
      // first + second + tone, not followed by another letter (the syllable ends), and not after q/g (qu-, gi- are consonants)
      const pattern = new RegExp(`(?<![qQgG])([${first}${first.toUpperCase()}])([${second}${second.toUpperCase()}])${tone}(?![\\p{L}\\p{M}])`, 'gu');
      out = out.replace(pattern, `$1${tone}$2`);
    }
  }
  return out === nfd ? text.normalize('NFC') : out.normalize('NFC');
}
