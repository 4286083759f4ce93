/**
 * Vietnamese text helpers shared by the app and its plugins.
 * NFD splits a letter from its tone and vowel marks; đ has no decomposition, so it is mapped by hand.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const D_LETTERS = /[đĐÐ]/g;

/** Removes tones and marks: "Đoàn Thể" → "Doan The". Case is kept. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_LETTERS, (c) => (c === 'đ' ? 'd' : 'D'))
    .normalize('NFC');
}

/**
 * URL slug: lowercase ASCII words joined by "-", cut at a word boundary.
 * Quotes vanish (so "Bác Hồ's" stays one word); "&" becomes nothing.
 */
export function slugify(text: string, maxLength = 80): string {
  const words = foldVietnamese(text)
    .toLowerCase()
    .replace(/['’‘"“”`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A single word longer than the limit is cut rather than dropped.
  return slug || (words[0] ?? '').slice(0, maxLength);
}
