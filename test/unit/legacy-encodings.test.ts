import {
  decodeLegacy,
  detectEncoding,
  encodeLegacy,
  isVietnameseSyllable,
  toUnicode,
} from '../../src/import/legacy-encodings';

// Expected letters are composed here from base + combining tone, independently of the module.
const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']; // huyền, sắc, hỏi, ngã, nặng
const letter = (base: string, tone: number) => (base + TONES[tone]).normalize('NFC');

/**
 * Hand-written from the published code charts, tones in the order above. For TCVN3 as the
 * bytes show in Windows-1252; `null` where the letter has no code of its own (plain ASCII).
 */
const TCVN3: [string, string | null, string][] = [
  ['a', null, 'µ¸¶·¹'],
  ['ă', '¨', '»¾¼½Æ'],
  ['â', '©', 'ÇÊÈÉË'],
  ['e', null, 'ÌÐÎÏÑ'],
  ['ê', 'ª', 'ÒÕÓÔÖ'],
  ['i', null, '×ÝØÜÞ'],
  ['o', null, 'ßãáâä'],
  ['ô', '«', 'åèæçé'],
  ['ơ', '¬', 'êíëìî'],
  ['u', null, 'ïóñòô'],
  ['ư', '\u00ad', 'õøö÷ù'],
  ['y', null, 'úýûüþ'],
];
const VNI: [string, string | null, string[]][] = [
  ['a', null, ['aø', 'aù', 'aû', 'aõ', 'aï']],
  ['ă', 'aê', ['aè', 'aé', 'aú', 'aü', 'aë']],
  ['â', 'aâ', ['aà', 'aá', 'aå', 'aã', 'aä']],
  ['e', null, ['eø', 'eù', 'eû', 'eõ', 'eï']],
  ['ê', 'eâ', ['eà', 'eá', 'eå', 'eã', 'eä']],
  ['i', null, ['ì', 'í', 'æ', 'ó', 'ò']],
  ['o', null, ['oø', 'où', 'oû', 'oõ', 'oï']],
  ['ô', 'oâ', ['oà', 'oá', 'oå', 'oã', 'oä']],
  ['ơ', 'ô', ['ôø', 'ôù', 'ôû', 'ôõ', 'ôï']],
  ['u', null, ['uø', 'uù', 'uû', 'uõ', 'uï']],
  ['ư', 'ö', ['öø', 'öù', 'öû', 'öõ', 'öï']],
  ['y', null, ['yø', 'yù', 'yû', 'yõ', 'î']],
];

const tcvn3Cases = TCVN3.flatMap(([base, plain, toned]) => [
  ...(plain ? [[base, plain]] : []),
  ...[...toned].map((code, tone) => [letter(base, tone), code]),
]);
const vniCases = VNI.flatMap(([base, plain, toned]) => [
  ...(plain ? [[base, plain]] : []),
  ...toned.map((code, tone) => [letter(base, tone), code]),
]);
// VNI writes capitals with capital marks ("VIEÄT"); the code's upper case is the capital's code.
const vniUpper = vniCases.map(([unicode, code]) => [unicode.toUpperCase(), code.toUpperCase()]);

describe('TCVN3 table', () => {
  it('covers the 66 lower-case toned and marked vowels', () => expect(tcvn3Cases).toHaveLength(66));

  it.each(tcvn3Cases)('%s ⇄ %j', (unicode, code) => {
    expect(decodeLegacy(code, 'tcvn3')).toBe(unicode);
    expect(encodeLegacy(unicode, 'tcvn3')).toBe(code);
  });

  it.each([
    ['đ', '®'],
    ['Ă', '¡'],
    ['Â', '¢'],
    ['Ê', '£'],
    ['Ô', '¤'],
    ['Ơ', '¥'],
    ['Ư', '¦'],
    ['Đ', '§'],
  ])('%s ⇄ %j', (unicode, code) => {
    expect(decodeLegacy(code, 'tcvn3')).toBe(unicode);
    expect(encodeLegacy(unicode, 'tcvn3')).toBe(code);
  });

  it('has no capital toned vowels: they are written with the lower-case code', () => {
    expect(encodeLegacy('Ấ', 'tcvn3')).toBe('Ê');
    expect(decodeLegacy(encodeLegacy('Ấ', 'tcvn3'), 'tcvn3')).toBe('ấ');
  });

  it('reads raw bytes and text written by hand', () => {
    const bytes = Buffer.from([0x43, 0xe9, 0x6e, 0x67, 0x20, 0x68, 0x6f, 0xb5]).toString('latin1');
    expect(decodeLegacy(bytes, 'tcvn3')).toBe('Cộng hoà');
    expect(decodeLegacy('§oµn kÕt x©y dùng n«ng th«n míi', 'tcvn3')).toBe('Đoàn kết xây dựng nông thôn mới');
  });
});

describe('VNI-Windows table', () => {
  it('covers the 66 toned and marked vowels in each case', () => {
    expect(vniCases).toHaveLength(66);
    expect(vniUpper).toHaveLength(66);
  });

  it.each([...vniCases, ...vniUpper])('%s ⇄ %j', (unicode, code) => {
    expect(decodeLegacy(code, 'vni')).toBe(unicode);
    expect(encodeLegacy(unicode, 'vni')).toBe(code);
  });

  it.each([
    ['đ', 'ñ'],
    ['Đ', 'Ñ'],
  ])('%s ⇄ %j', (unicode, code) => {
    expect(decodeLegacy(code, 'vni')).toBe(unicode);
    expect(encodeLegacy(unicode, 'vni')).toBe(code);
  });

  it('puts the tone on ơ and ư, which are single codes followed by the mark', () => {
    expect(decodeLegacy('Tröôøng', 'vni')).toBe('Trường');
    expect(decodeLegacy('Ñöôïc', 'vni')).toBe('Được');
    expect(decodeLegacy('söû duïng', 'vni')).toBe('sử dụng');
    expect(decodeLegacy('TRÖÔØNG', 'vni')).toBe('TRƯỜNG');
  });

  it('reads a mark in the other case than its letter', () => {
    expect(decodeLegacy('VIEät', 'vni')).toBe('VIỆt');
  });

  it('reads text written by hand', () => {
    expect(decodeLegacy('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'vni')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
  });
});

describe('round trip of all letters', () => {
  const all = VNI.flatMap(([base]) => [0, 1, 2, 3, 4].map((t) => letter(base, t))).join(' ') + ' đ Đ';
  it.each(['tcvn3', 'vni'] as const)('%s, lower case', (encoding) => {
    expect(decodeLegacy(encodeLegacy(all, encoding), encoding)).toBe(all);
  });
  it('vni, upper case', () => {
    expect(decodeLegacy(encodeLegacy(all.toUpperCase(), 'vni'), 'vni')).toBe(all.toUpperCase());
  });
});

const SENTENCES = [
  'Hội Liên hiệp Phụ nữ tỉnh nhận Cờ thi đua của Ủy ban nhân dân tỉnh năm 2023',
  'Cựu chiến binh gương mẫu, tích cực tham gia xây dựng nông thôn mới',
  'Khối Mặt trận – Đoàn thể tổng kết phong trào thi đua, triển khai nhiệm vụ năm tới',
  'Người lao động sáng tạo được khen thưởng; ông Nguyễn Văn Quý nhận Bằng khen',
];

describe('detectEncoding', () => {
  it.each(SENTENCES)('finds TCVN3 and VNI in %j and leaves the Unicode text alone', (sentence) => {
    expect(detectEncoding(sentence)).toBe('unicode');
    expect(toUnicode(sentence)).toBe(sentence);
    expect(toUnicode(sentence.normalize('NFD'))).toBe(sentence);
    const tcvn3 = encodeLegacy(sentence, 'tcvn3');
    expect(detectEncoding(tcvn3)).toBe('tcvn3');
    expect(toUnicode(tcvn3)).toBe(decodeLegacy(tcvn3, 'tcvn3'));
    const vni = encodeLegacy(sentence, 'vni');
    expect(detectEncoding(vni)).toBe('vni');
    expect(toUnicode(vni)).toBe(sentence);
  });

  it.each([
    'Annual emulation review of the Front bloc, 2023',
    'Café, naïve, façade — Müller & Søren',
    'Cá và gà ở nhà bà',
    'Bà mẹ đi chợ',
    'Giá vé là 50.000 đồng',
    '',
    '© 2024 Sở Nội vụ',
  ])('keeps %j as it is', (text) => {
    expect(detectEncoding(text)).toBe('unicode');
    expect(toUnicode(text)).toBe(text);
  });
});

describe('isVietnameseSyllable', () => {
  it.each(['nghiêng', 'giường', 'khuyết', 'Quốc', 'hoàng', 'Nguyễn', 'được', 'ăn', 'Thứ'])('%s is one', (w) =>
    expect(isVietnameseSyllable(w)).toBe(true)
  );
  it.each(['café', 'hoµ', 'Ñoaøn', 'naïve', 'àá'])('%s is not', (w) => expect(isVietnameseSyllable(w)).toBe(false));
});
