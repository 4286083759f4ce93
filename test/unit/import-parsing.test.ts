import { parseFrontMatter, FrontMatterError } from '../../src/import/front-matter';
import { parseJsonl } from '../../src/import/parse-jsonl';
import { parseLegacyDate } from '../../src/import/legacy-date';
import { decodeFileBytes } from '../../src/import/read-source';

describe('parseFrontMatter', () => {
  it('reads values, quoted values, inline lists and dash lists', () => {
    const { data, body, bodyLine } = parseFrontMatter(
      '---\ntitle: "Tổng kết: năm 2019"\nslug: tong-ket\nblocs: [Khối A, \'Khối B\']\nagencies:\n  - Hội Nông dân tỉnh\n  - Tỉnh đoàn\n# ghi chú\n---\nThân bài\n'
    );
    expect(data).toEqual({
      title: 'Tổng kết: năm 2019',
      slug: 'tong-ket',
      blocs: ['Khối A', 'Khối B'],
      agencies: ['Hội Nông dân tỉnh', 'Tỉnh đoàn'],
    });
    expect(body).toBe('Thân bài\n');
    expect(bodyLine).toBe(10);
  });

  it('treats a file without front matter as all body', () => {
    expect(parseFrontMatter('<p>x</p>')).toEqual({ data: {}, body: '<p>x</p>', bodyLine: 1 });
  });

  it.each([
    ['---\ntitle: x\n', /Thiếu dòng "---"/],
    ['---\nkhông có dấu hai chấm\n---\n', /Dòng 2: không đọc được/],
  ])('refuses %j', (text, message) => {
    expect(() => parseFrontMatter(text)).toThrow(FrontMatterError);
    expect(() => parseFrontMatter(text)).toThrow(message);
  });
});

describe('parseJsonl', () => {
  it('gives each line its number and reports bad lines on their own', () => {
    const lines = parseJsonl('{"a":1}\n\n[1,2]\n{oops\n{"b":"đ"}\r\n');
    expect(lines).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 3, error: 'Mỗi dòng phải là một đối tượng JSON ({…}).' },
      { line: 4, error: expect.stringMatching(/^JSON không hợp lệ: /) },
      { line: 5, record: { b: 'đ' } },
    ]);
  });
});

describe('parseLegacyDate', () => {
  it.each([
    ['27/11/2019 15:20', '2019-11-27T08:20:00.000Z'],
    ['27.11.2019', '2019-11-26T17:00:00.000Z'],
    ['2019-11-27 15:20:30', '2019-11-27T08:20:30.000Z'],
    ['2019-11-27T15:20:00Z', '2019-11-27T15:20:00.000Z'],
    ['2019-11-27T15:20:00+09:00', '2019-11-27T06:20:00.000Z'],
    ['2020-2-9', '2020-02-08T17:00:00.000Z'],
  ])('%s → %s (Vietnam time unless a zone is given)', (text, iso) => expect(parseLegacyDate(text)).toBe(iso));

  it.each(['31/02/2019', '2019-13-01', '27/11/2019 25:00', 'hôm qua', '2019-11-27 lúc 8 giờ'])('refuses %j', (text) =>
    expect(parseLegacyDate(text)).toBeNull()
  );
});

describe('decodeFileBytes', () => {
  it('reads UTF-8 as UTF-8 and other bytes one character each, in their Windows-1252 form', () => {
    expect(decodeFileBytes(Buffer.from('Hội nghị', 'utf8'))).toBe('Hội nghị');
    expect(decodeFileBytes(Buffer.from([0x48, 0xe9, 0x69, 0x96]))).toBe('Héi–');
  });
});
