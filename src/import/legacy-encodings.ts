/**
 * TCVN3 (ABC, TCVN 5712:1993 "VN3") and VNI-Windows: the 8-bit font encodings of Vietnamese
 * text written before Unicode. Old .doc/.txt/.html files hold their bytes; pasted through a
 * Western code page they show as "Céng hoµ" (TCVN3) or "Coäng hoøa" (VNI). Strings here are in
 * that form: one character per byte, as Windows-1252 shows it.
 *
 * Limits: TCVN3 has no upper-case toned vowels (old "H" fonts drew the lower-case codes as
 * capitals), so those come out lower-case.
 */
export type LegacyEncoding = 'tcvn3' | 'vni';
export type DetectedEncoding = 'unicode' | LegacyEncoding;

// Tones in the order the tables below list them.
const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const; // none, huyền, sắc, hỏi, ngã, nặng

const compose = (base: string, tone: number) => (base + TONE_MARKS[tone]).normalize('NFC');

/** Windows-1252 bytes 0x80–0x9F as characters; in a raw file read as Latin-1 they are C1 controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** A byte string (Latin-1 decoded, as from a file that is not UTF-8) in its Windows-1252 form. */
export function bytesAsCp1252(latin1: string): string {
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

// ---- TCVN3: one byte per letter --------------------------------------------------------------

/**
 * TCVN3 bytes per vowel, tones in TONE_MARKS order (0 = no byte of its own: the ASCII letter).
 * From the VN3 table: à ả ã á ạ = B5 B6 B7 B8 B9, and so on.
 */
const TCVN3_VOWELS: [string, number[]][] = [
  ['a', [0, 0xb5, 0xb8, 0xb6, 0xb7, 0xb9]],
  ['ă', [0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6]],
  ['â', [0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb]],
  ['e', [0, 0xcc, 0xd0, 0xce, 0xcf, 0xd1]],
  ['ê', [0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6]],
  ['i', [0, 0xd7, 0xdd, 0xd8, 0xdc, 0xde]],
  ['o', [0, 0xdf, 0xe3, 0xe1, 0xe2, 0xe4]],
  ['ô', [0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9]],
  ['ơ', [0xac, 0xea, 0xed, 0xeb, 0xec, 0xee]],
  ['u', [0, 0xef, 0xf3, 0xf1, 0xf2, 0xf4]],
  ['ư', [0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9]],
  ['y', [0, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe]],
];
const TCVN3_OTHERS: [string, number][] = [
  ['đ', 0xae],
  ['Ă', 0xa1],
  ['Â', 0xa2],
  ['Ê', 0xa3],
  ['Ô', 0xa4],
  ['Ơ', 0xa5],
  ['Ư', 0xa6],
  ['Đ', 0xa7],
];

/** Unicode letter → TCVN3 character (Windows-1252 form). */
const TCVN3_ENCODE = new Map<string, string>();
for (const [base, bytes] of TCVN3_VOWELS) {
  bytes.forEach((byte, tone) => byte && TCVN3_ENCODE.set(compose(base, tone), String.fromCharCode(byte)));
}
for (const [letter, byte] of TCVN3_OTHERS) TCVN3_ENCODE.set(letter, String.fromCharCode(byte));
const TCVN3_DECODE = new Map([...TCVN3_ENCODE].map(([u, b]) => [b, u]));

// ---- VNI-Windows: a base letter followed by a mark byte, plus a few single bytes -------------

// Mark bytes after a, e, o, u, y (and after ơ, ư): tones in TONE_MARKS order (lower, upper case).
const VNI_TONE = ['', 'ø', 'ù', 'û', 'õ', 'ï'];
const VNI_TONE_UPPER = ['', 'Ø', 'Ù', 'Û', 'Õ', 'Ï'];
// After a, e, o when the vowel has a circumflex (â ê ô): the circumflex alone, then with each tone.
const VNI_HAT = ['â', 'à', 'á', 'å', 'ã', 'ä'];
const VNI_HAT_UPPER = ['Â', 'À', 'Á', 'Å', 'Ã', 'Ä'];
// After a with a breve (ă).
const VNI_BREVE = ['ê', 'è', 'é', 'ú', 'ü', 'ë'];
const VNI_BREVE_UPPER = ['Ê', 'È', 'É', 'Ú', 'Ü', 'Ë'];
// i has single bytes for every tone; ỵ too.
const VNI_I = ['i', 'ì', 'í', 'æ', 'ó', 'ò'];
const VNI_I_UPPER = ['I', 'Ì', 'Í', 'Æ', 'Ó', 'Ò'];

/** Unicode letter → VNI character sequence. */
const VNI_ENCODE = new Map<string, string>();
function addVni(base: string, baseUpper: string, marks: string[], marksUpper: string[], letterBase: string) {
  marks.forEach((mark, tone) => {
    const lower = compose(letterBase, tone);
    if (lower === base && !mark) return; // the plain ASCII letter is itself
    VNI_ENCODE.set(lower, base + mark);
    VNI_ENCODE.set(lower.toUpperCase(), baseUpper + marksUpper[tone]);
  });
}
for (const v of ['a', 'e', 'o', 'u', 'y']) addVni(v, v.toUpperCase(), VNI_TONE, VNI_TONE_UPPER, v);
addVni('a', 'A', VNI_HAT, VNI_HAT_UPPER, 'â');
addVni('e', 'E', VNI_HAT, VNI_HAT_UPPER, 'ê');
addVni('o', 'O', VNI_HAT, VNI_HAT_UPPER, 'ô');
addVni('a', 'A', VNI_BREVE, VNI_BREVE_UPPER, 'ă');
addVni('ô', 'Ô', VNI_TONE, VNI_TONE_UPPER, 'ơ'); // ơ is the single byte ô; its tone follows it
addVni('ö', 'Ö', VNI_TONE, VNI_TONE_UPPER, 'ư'); // ư is ö
VNI_I.forEach((c, tone) => tone && VNI_ENCODE.set(compose('i', tone), c));
VNI_I_UPPER.forEach((c, tone) => tone && VNI_ENCODE.set(compose('I', tone), c));
VNI_ENCODE.set('ỵ', 'î').set('Ỵ', 'Î').set('đ', 'ñ').set('Đ', 'Ñ');

// Decoding reads the longest sequence first (two characters, then one). A mark in the other
// case than its letter is also read: hand-edited files mix them ("VIEät").
const VNI_DECODE_2 = new Map<string, string>();
const VNI_DECODE_1 = new Map<string, string>();
for (const [unicode, vni] of VNI_ENCODE) {
  if (vni.length === 1) VNI_DECODE_1.set(vni, unicode);
  else {
    VNI_DECODE_2.set(vni, unicode);
    const otherCaseMark = vni[0] + (vni[1] === vni[1].toUpperCase() ? vni[1].toLowerCase() : vni[1].toUpperCase());
    if (!VNI_DECODE_2.has(otherCaseMark)) VNI_DECODE_2.set(otherCaseMark, unicode);
  }
}

/** Unicode → legacy form; letters outside the encoding are kept. For tests and sample files. */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = encoding === 'tcvn3' ? TCVN3_ENCODE : VNI_ENCODE;
  return Array.from(text.normalize('NFC'), (c) => table.get(c) ?? table.get(c.toLowerCase()) ?? c).join('');
}

/** Legacy form → Unicode NFC. Characters that are not part of the encoding pass through. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  const source = bytesAsCp1252(text);
  let out = '';
  if (encoding === 'tcvn3') {
    for (const c of source) out += TCVN3_DECODE.get(c) ?? c;
    return out.normalize('NFC');
  }
  for (let i = 0; i < source.length; i += 1) {
    const pair = VNI_DECODE_2.get(source.slice(i, i + 2));
    if (pair) {
      out += pair;
      i += 1;
    } else out += VNI_DECODE_1.get(source[i]) ?? source[i];
  }
  return out.normalize('NFC');
}

// ---- Detection --------------------------------------------------------------------------------

// Letters only Unicode Vietnamese has (outside Latin-1): ă đ ĩ ũ ơ ư, the U+1EA0 block, combining marks.
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u036f]/;
const SYLLABLE = /^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnpt])?$/;
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** A word that is a well-formed Vietnamese syllable: an onset, 1–3 vowels, a coda, one tone at most. */
function isSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  if ((nfd.match(TONES) ?? []).length > 1) return false;
  const bare = nfd.replace(TONES, '').normalize('NFC');
  return SYLLABLE.test(bare);
}

/**
 * How Vietnamese a text reads: +1 per word with a non-ASCII letter that is a syllable, −1 per
 * word that is not, −1 per stray non-ASCII symbol (µ ¸ ® … left over from a legacy encoding).
 */
function vietnameseScore(text: string): number {
  let score = 0;
  for (const token of text.normalize('NFC').split(/\s+/)) {
    const word = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (/[^\x00-\x7f]/.test(word)) score += isSyllable(word) ? 1 : -1;
    const strays = token.replace(/[\p{L}\p{M}\x00-\x7f]/gu, '').replace(/[–—‘’“”…•€«»°]/g, '');
    score -= strays.length;
  }
  return score;
}

/**
 * Which encoding a text is in. Unicode (or ASCII) unless a legacy reading makes clearly more
 * Vietnamese words: text with a letter only Unicode Vietnamese has is never converted, and
 * Latin-1 text ("café", "Cá và gà") stays as it is because the legacy readings are not better.
 * Detect over a whole article, not a short field.
 */
export function detectEncoding(text: string): DetectedEncoding {
  if (!/[^\x00-\x7f]/.test(text) || UNICODE_VIETNAMESE.test(text)) return 'unicode';
  if (/[^\x00-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/.test(text)) return 'unicode';
  let best: DetectedEncoding = 'unicode';
  let bestScore = vietnameseScore(text);
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const score = vietnameseScore(decodeLegacy(text, encoding));
    if (score > bestScore) [best, bestScore] = [encoding, score];
  }
  return best;
}

/** Text in whatever encoding → Unicode NFC. */
export function toUnicode(text: string, encoding: DetectedEncoding = detectEncoding(text)): string {
  return encoding === 'unicode' ? text.normalize('NFC') : decodeLegacy(text, encoding);
}

export { isSyllable as isVietnameseSyllable };
