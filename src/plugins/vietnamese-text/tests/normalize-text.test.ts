import { cleanName, deepNFC, toNewTonePlacement } from '../server/src/utils/normalize-text';

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
