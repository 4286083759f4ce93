/**
 * Vietnamese letter folding. NFD splits a letter from its tone and vowel marks; đ/Đ (and the
 * look-alike Icelandic Ð) have no decomposition, so they are mapped by hand.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const D_LETTERS = /[đĐÐ]/g;

/** "Đoàn Thể" → "Doan The". Case and everything else are kept. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_LETTERS, (c) => (c === 'đ' ? 'd' : 'D'))
    .normalize('NFC');
}
