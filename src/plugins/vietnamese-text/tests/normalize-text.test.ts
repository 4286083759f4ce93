import { cleanFileName, cleanName, deepNFC, hasVisibleText, toNewTonePlacement } from '../server/src/utils/normalize-text';

const nfd = (s: string) => s.normalize('NFD');

describe('cleanName', () => {
  it.each([
    [nfd('Hội nghị tổng kết'), 'Hội nghị tổng kết'],
    ['  Tiêu đề có khoảng trắng  ', 'Tiêu đề có khoảng trắng'],
    ['Zero\u200Bwidth\u200C\u200D\uFEFF', 'Zerowidth'],
    ['Soft\u00ADhyphen', 'Softhyphen'],
    ['Dòng\nmới\tvà   tab', 'Dòng mới và tab'],
  ])('%j → %j', (input, expected) => {
    const out = cleanName(input);
    expect(out).toBe(expected);
    expect(out).toBe(out.normalize('NFC'));
  });
});

// Invisible on screen: zero-width characters, joiners, BOM, soft hyphen, fillers, bidirectional controls.
const INVISIBLE = ['\u00ad', '\u034f', '\u061c', '\u115f', '\u1160', '\u180e', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u2066', '\u2067', '\u2068', '\u2069', '\u3164', '\ufeff', '\uffa0'];

describe('hasVisibleText', () => {
  it.each(INVISIBLE.flatMap((c) => [c, `${c}${c}`, ` ${c} `, `\t${c}\u0000`]))('%j has none', (text) => {
    expect(hasVisibleText(text)).toBe(false);
    expect(cleanName(text).replace(/[\u0000-\u001f]/g, '')).toBe('');
  });

  it.each(['Tin', ' a ', 'đ', '😀', '\u200bHội\u200b'])('%j has some', (text) => {
    expect(hasVisibleText(text)).toBe(true);
  });
});

describe('cleanFileName', () => {
  it.each([
    ['anh\u202egpj.exe', 'anhgpj.exe'],
    ['\u202ehoa-don\u202c.pdf', 'hoa-don.pdf'],
    ['\u2067bao-cao\u2069.png', 'bao-cao.png'],
    ['ảnh\u200b hội\u00adnghị.jpg', 'ảnh hộinghị.jpg'],
    ['dòng\nmới\t.jpg', 'dòng mới .jpg'],
    ['a\u0000b\u0085c.png', 'a b c.png'],
    ['hội nghị'.normalize('NFD') + '.jpg', 'hội nghị.jpg'],
    ['\u202e\u200b', 'tep'],
  ])('%j → %j', (input, expected) => {
    expect(cleanFileName(input)).toBe(expected);
  });

  it.each(INVISIBLE)('removes %j wherever it is', (c) => {
    expect(cleanFileName(`${c}a${c}b${c}.png${c}`)).toBe('ab.png');
  });
});

describe('deepNFC', () => {
  it('normalises every string in nested data, blocks included', () => {
    const input = {
      title: nfd('Hội nghị'),
      count: 3,
      when: new Date(0),
      body: [{ type: 'paragraph', children: [{ type: 'text', text: nfd('Đoàn thể tỉnh'), bold: true }] }],
      seo: { metaTitle: nfd('Tiêu đề SEO'), noIndex: false },
      tags: [nfd('thi đua'), null],
    };
    const out = deepNFC(input);
    expect(out.title).toBe('Hội nghị');
    expect(out.body[0].children[0].text).toBe('Đoàn thể tỉnh');
    expect(out.seo.metaTitle).toBe('Tiêu đề SEO');
    expect(out.tags).toEqual(['thi đua', null]);
    expect(out.when).toBe(input.when);
    expect(JSON.stringify(out)).toBe(JSON.stringify(out).normalize('NFC'));
  });

  it('returns the very same object when nothing changes', () => {
    const input = { title: 'Hội nghị', body: [{ text: 'đã NFC' }] };
    expect(deepNFC(input)).toBe(input);
  });
});

describe('toNewTonePlacement', () => {
  it.each([
    ['hoà', 'hòa'],
    ['Hoà Bình', 'Hòa Bình'],
    ['thuỷ lợi', 'thủy lợi'],
    ['Uỷ ban', 'Ủy ban'],
    ['UỶ BAN', 'ỦY BAN'],
    ['khoẻ mạnh', 'khỏe mạnh'],
    ['hoạ sĩ', 'họa sĩ'],
    ['hoàng', 'hoàng'],
    ['thuyền', 'thuyền'],
    ['quý', 'quý'],
    ['hòa', 'hòa'],
    [nfd('hoà'), 'hòa'],
  ])('%s → %s', (input, expected) => {
    expect(toNewTonePlacement(input)).toBe(expected);
  });
});
