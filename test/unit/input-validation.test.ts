import { findFileInfoProblem, findQueryProblem, isLocaleCode } from '../../src/validation/query';
import { findPathProblem } from '../../src/validation/path';
import { findNameParamProblem, findStructureProblem, INHERITED_NAMES, MAX_BODY_DEPTH } from '../../src/validation/structure';
import { cleanDeep, cleanText, findLoneSurrogate, findTextProblem } from '../../src/validation/text';

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
    // Lone surrogates are refused by the input guard (findTextProblem), never dropped here.
    ['x\ud800y', 'x\ud800y'],
    ['emoji 😀 ở giữa', 'emoji 😀 ở giữa'],
    ['Thủy, Thuỷ, Hoà, Hòa', 'Thủy, Thuỷ, Hoà, Hòa'],
  ])('%j', (input, output) => {
    expect(cleanText(input)).toBe(output);
  });

  it('cleans every string of nested data and keeps everything else', () => {
    const date = new Date(0);
    expect(cleanDeep({ a: 'x\u0000', b: [{ text: 'y\u0007' }], n: 1, t: true, z: null, date })).toEqual({ a: 'x', b: [{ text: 'y' }], n: 1, t: true, z: null, date });
  });
});

describe('findLoneSurrogate', () => {
  it.each([
    ['Hội nghị', null],
    ['emoji 😀 và 𝒜', null],
    ['x\ud800y', ''],
    ['x\udfffy', ''],
    ['\udc00\ud800', ''],
    ['kết thúc\ud83d', ''],
    [{ title: 'ổn', seo: { metaTitle: 'hỏng\udead' } }, 'seo.metaTitle'],
    [{ body: [{ type: 'paragraph', children: [{ type: 'text', text: 'ổn' }, { type: 'text', text: '\ud800' }] }] }, 'body[0].children[1].text'],
    [{ ['khoá\ud800']: 'x' }, 'khoá\ud800'],
    [{ n: 1, d: null, t: true }, null],
  ])('%j → %j', (value, path) => {
    expect(findLoneSurrogate(value)).toBe(path);
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

  // Every invisible character, alone and mixed with spaces and controls: no visible content.
  const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u202d', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c', '\u3164', '\u034f'];
  it.each(INVISIBLES.flatMap((c) => [c, ` ${c}${c} `, `\u0007${c}\t`]))('a required field of only %j is refused', (text) => {
    expect(check({ title: cleanText(text) }, { title: text })).toMatch(/"title" chỉ có ký tự điều khiển, ký tự vô hình/);
  });

  it.each([
    [{ title: 'Tin\ud800' }, '', /"title" chứa ký tự Unicode hỏng/],
    [{ title: 'Tin', summary: 'x\udc00' }, '', /"summary" chứa ký tự Unicode hỏng/],
    [{ title: 'Tin', body: [{ type: 'paragraph', children: [{ type: 'text', text: '\ud800' }] }] }, '', /"body" chứa ký tự Unicode hỏng/],
    [{ title: 'Tin\udfff' }, 'seo.', /"seo.title" chứa/],
  ])('refuses a lone surrogate and names the field: %j', (data, prefix, message) => {
    expect(findTextProblem(cleanDeep(data), data, attributes, prefix)).toMatch(message);
  });
});

describe('findStructureProblem', () => {
  const names = [...INHERITED_NAMES];
  it('knows the names that broke Strapi', () => {
    expect(names).toEqual(expect.arrayContaining(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']));
  });

  // Each name as a key at the top, nested in objects, inside arrays (JSON.parse makes "__proto__" an own key).
  const placements: [string, (key: string) => string][] = [
    ['top', (k) => `{"${k}":1}`],
    ['data', (k) => `{"data":{"title":"x","${k}":"y"}}`],
    ['component', (k) => `{"data":{"seo":{"${k}":{}}}}`],
    ['array', (k) => `{"data":{"body":[{"type":"paragraph","children":[{"${k}":"x"}]}]}}`],
  ];
  it.each(names.flatMap((name) => placements.map(([where, json]) => [name, where, json(name)] as const)))('refuses %s (%s)', (name, _where, json) => {
    expect(findStructureProblem(JSON.parse(json))).toEqual({ kind: 'name', name, path: expect.stringContaining(name) });
  });

  const nested = (depth: number) => {
    let value: unknown = 'x';
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { children: value };
    return value;
  };
  it.each([
    [1, null],
    [MAX_BODY_DEPTH, null],
    [MAX_BODY_DEPTH + 1, 'depth'],
    [3000, 'depth'],
    [100_000, 'depth'],
  ])('nesting %i deep: %s', (depth, kind) => {
    expect(findStructureProblem(nested(depth))?.kind ?? null).toBe(kind);
  });

  it('leaves ordinary data, dates and files alone', () => {
    expect(findStructureProblem({ data: { title: 'Tin', date: new Date(0), tags: ['a', 'b'], n: 1, z: null } })).toBeNull();
    expect(findStructureProblem('text')).toBeNull();
    expect(findStructureProblem(undefined)).toBeNull();
  });
});

describe('findNameParamProblem', () => {
  const shapes: [string, (name: string) => Record<string, unknown>][] = [
    ['fields=', (n) => ({ fields: n })],
    ['fields[0]=', (n) => ({ fields: ['title', n] })],
    ['sort=name', (n) => ({ sort: n })],
    ['sort=name:asc', (n) => ({ sort: `${n}:asc` })],
    ['sort=title,name:desc', (n) => ({ sort: `title:asc,${n}:desc` })],
    ['sort[0]=', (n) => ({ sort: [`${n}:asc`] })],
    ['populate=', (n) => ({ populate: n })],
    ['populate=a.name', (n) => ({ populate: `category.${n}` })],
    ['populate[x][fields][0]=', (n) => ({ populate: { category: { fields: [n] } } })],
    ['populate[x][sort]=', (n) => ({ populate: { articles: { sort: n } } })],
  ];
  it.each([...INHERITED_NAMES].flatMap((name) => shapes.map(([shape, make]) => [name, shape, make(name)] as const)))('refuses %s as %s', (name, _shape, query) => {
    expect(findNameParamProblem(query)).toContain(`"${name}"`);
  });

  it.each([
    [{ fields: ['title', 'slug'], sort: 'dateline:desc', populate: { cover: { fields: ['url'] } } }],
    [{ filters: { title: { $eq: 'constructor' } } }],
    [{ q: 'toString', locale: 'vi' }],
    [{ sort: { title: 'asc' } }],
  ])('accepts %j (a word searched for is not a name)', (query) => {
    expect(findNameParamProblem(query)).toBeNull();
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
    ['[{"name":"a.jpg"}]', /đối tượng JSON/],
    ['{"__proto__":{"name":"x.png"}}', /"__proto__"/],
    ['{"__proto__":"x"}', /"__proto__"/],
    ['{"name":"a.png","constructor":{"prototype":{"x":1}}}', /"constructor"/],
    ['{"toString":"x"}', /"toString"/],
    ['{"caption":{"hasOwnProperty":1}}', /"hasOwnProperty"/],
    [`{"caption":${'['.repeat(20)}1${']'.repeat(20)}}`, /lồng nhau quá sâu/],
    ['{"name":"a\\ud800.jpg"}', /"fileInfo.name" chứa ký tự Unicode hỏng/],
    ['{"alternativeText":"ảnh \\udc00"}', /"fileInfo.alternativeText" chứa ký tự Unicode hỏng/],
    ['{"name":"anh\u202egnp.exe"}', null],
  ])('%j', (fileInfo, problem) => {
    expectProblem(findFileInfoProblem(fileInfo), problem);
  });
});
