import { findFileInfoProblem, findPathProblem, findQueryProblem, isLocaleCode } from '../../src/validation/query';
import { cleanDeep, cleanText, findTextProblem } from '../../src/validation/text';

/** null: no problem expected; a pattern: the message expected. */
const expectProblem = (found: string | null, problem: RegExp | null) => {
  if (problem === null) expect(found).toBeNull();
  else expect(found).toMatch(problem);
};

describe('cleanText', () => {
  it.each([
    ['Hội nghị\u0000 tổng kết', 'Hội nghị tổng kết'],
    ['Hội\u001b[31m nghị', 'Hội[31m nghị'],
    ['a\u0007b\u000bc\u000cd\u007fe\u0085f', 'abcdef'],
    ['dòng 1\ndòng 2\r\n\tthụt', 'dòng 1\ndòng 2\r\n\tthụt'],
    ['x\ud800y', 'xy'],
    ['x\udfffy', 'xy'],
    ['\udc00\ud800', ''],
    ['emoji 😀 ở giữa', 'emoji 😀 ở giữa'],
    ['Thủy, Thuỷ, Hoà, Hòa', 'Thủy, Thuỷ, Hoà, Hòa'],
  ])('%j', (input, output) => {
    expect(cleanText(input)).toBe(output);
  });

  it('cleans every string of nested data and keeps everything else', () => {
    const date = new Date(0);
    expect(cleanDeep({ a: 'x\u0000', b: [{ text: 'y\ud800' }], n: 1, t: true, z: null, date })).toEqual({ a: 'x', b: [{ text: 'y' }], n: 1, t: true, z: null, date });
  });
});

describe('findTextProblem', () => {
  const attributes = {
    title: { type: 'string', required: true },
    summary: { type: 'text', maxLength: 10 },
    body: { type: 'blocks' },
    notes: { type: 'text' },
  };
  const check = (data: Record<string, unknown>, original = data) => findTextProblem(data, original, attributes);

  it.each([
    [{ title: 'Tin' }, null],
    [{ title: 'x'.repeat(255) }, null],
    [{ title: 'x'.repeat(256) }, /"title" dài 256 ký tự, tối đa 255/],
    [{ title: 'Tin', summary: 'x'.repeat(11) }, /"summary" dài 11 ký tự, tối đa 10/],
    [{ title: 'Tin', notes: 'x'.repeat(100_000) }, null],
    [{ title: 'Tin', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }] }, null],
    [{ title: 'Tin', body: 'không phải blocks' }, /"body" phải là nội dung dạng khối/],
    [{ title: 'Tin', body: [{ children: [] }] }, /"body"/],
    [{ title: 'Tin', body: [null] }, /"body"/],
    [{ title: 'Tin', body: null }, null],
  ])('%#', (data, problem) => {
    expectProblem(check(data), problem);
  });

  it('tells a required field emptied by cleaning from one sent empty', () => {
    expect(check({ title: '' }, { title: '\u0000\u001b' })).toMatch(/"title" chỉ có ký tự điều khiển/);
    expect(check({ title: '' }, { title: '' })).toBeNull();
  });
});

describe('findQueryProblem', () => {
  it.each([
    [{}, null],
    [{ locale: 'vi' }, null],
    [{ locale: 'zh-Hans' }, null],
    [{ locale: '*' }, null],
    [{ locale: 'xx' }, null],
    [{ locale: '../' }, /locale/],
    [{ locale: 'vi\u0000' }, /NUL/],
    [{ locale: ['vi', 'en'] }, /locale/],
    [{ pagination: { page: '2', pageSize: '10' } }, null],
    [{ pagination: { start: '0', limit: '10' } }, null],
    [{ pagination: { pageSize: '-1' } }, /"pageSize" phải là số nguyên dương/],
    [{ pagination: { limit: '-1' } }, /"limit"/],
    [{ pagination: { page: '0' } }, /"page"/],
    [{ pagination: { page: 'abc' } }, /"page"/],
    [{ pagination: { pageSize: '1e9' } }, /"pageSize"/],
    [{ pagination: { start: '-3' } }, /"start"/],
    [{ pagination: 'all' }, /phân trang/],
    [{ filters: { title: { $eq: 'a\u0000' } } }, /NUL/],
    [{ q: ['x', 'y\u0000'] }, /NUL/],
    [{ filters: { ['ti\u0000tle']: 'x' } }, /NUL/],
  ])('%j', (query, problem) => {
    expectProblem(findQueryProblem(query), problem);
  });

  it.each([
    ['/api/articles/by-slug/tin%00moi', true],
    ['/api/articles/by-slug/tin\u0000moi', true],
    ['/api/articles/by-slug/tin-moi-2000', false],
  ])('findPathProblem(%j)', (path, bad) => {
    expect(findPathProblem(path) !== null).toBe(bad);
  });

  it.each([['vi', true], ['en-US', true], ['../', false], ['', false], [42, false]])('isLocaleCode(%j)', (code, ok) => {
    expect(isLocaleCode(code)).toBe(ok);
  });
});

describe('findFileInfoProblem', () => {
  it.each([
    [undefined, null],
    ['{"alternativeText":"Ảnh hội nghị"}', null],
    [['{}', '{"name":"anh.jpg"}'], null],
    ['{not json', /không phải JSON/],
    ['42', /đối tượng JSON/],
    ['{"name":"../../etc/passwd.jpg"}', /fileInfo.name/],
    ['{"name":"..\\\\x.jpg"}', /fileInfo.name/],
    ['{"name":".."}', /fileInfo.name/],
    [['{}', '{"name":"a\\u0000.jpg"}'], /fileInfo.name/],
  ])('%j', (fileInfo, problem) => {
    expectProblem(findFileInfoProblem(fileInfo), problem);
  });
});
