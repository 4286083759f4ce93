import { findDateProblem, toDay, todayIn, validityOn, VALIDITY_LABELS, type Validity } from '../../src/legal-documents/dates';
import { KIND_LABELS, kindHint } from '../../src/legal-documents/kinds';
import { ListParamError, listFilters, replacementInForce, validityFilter } from '../../src/legal-documents/list-query';
import { namedTargets } from '../../src/legal-documents/relations';
import { LEGAL_FORCE, legislationJsonLd, type LegislationInput } from '../../src/legal-documents/structured-data';
import { foldedWords } from '../../src/plugins/vietnamese-text/server/src/utils/search-text';
import schema from '../../src/api/legal-document/content-types/legal-document/schema.json';

describe('toDay', () => {
  it.each([
    ['2024-01-01', '2024-01-01'],
    ['2024-01-01T00:00:00.000Z', '2024-01-01'],
    [new Date('2024-02-29T00:00:00Z'), '2024-02-29'],
    ['2023-02-29', null],
    ['01/01/2024', null],
    ['', null],
    [null, null],
    [undefined, null],
    [20240101, null],
    [new Date('x'), null],
  ])('%p → %p', (input, day) => expect(toDay(input)).toBe(day));
});

describe('todayIn (Asia/Ho_Chi_Minh)', () => {
  it.each([
    // 17:00 UTC is midnight in Việt Nam (UTC+7): the next day there.
    ['2025-12-31T16:59:59Z', '2025-12-31'],
    ['2025-12-31T17:00:00Z', '2026-01-01'],
    ['2026-01-01T06:00:00Z', '2026-01-01'],
  ])('%s → %s', (now, day) => expect(todayIn(new Date(now))).toBe(day));
});

describe('findDateProblem', () => {
  it.each([
    [{ issuedOn: '2024-01-01' }, null],
    [{ issuedOn: '2024-01-01', effectiveFrom: '2024-01-01' }, null],
    [{ issuedOn: '2024-01-01', effectiveFrom: '2024-02-01', expiresOn: '2024-02-02' }, null],
    [{ issuedOn: '2024-01-01', expiresOn: '2024-06-30' }, null],
    [{}, null],
    [{ effectiveFrom: '2024-01-01', expiresOn: '2025-01-01' }, null],
    [{ issuedOn: '2024-01-10', effectiveFrom: '2024-01-09' }, 'Ngày có hiệu lực (09/01/2024) không được trước ngày ban hành (10/01/2024).'],
    [{ issuedOn: '2024-01-01', effectiveFrom: '2024-03-01', expiresOn: '2024-03-01' }, 'Ngày hết hiệu lực (01/03/2024) phải sau ngày có hiệu lực (01/03/2024).'],
    [{ issuedOn: '2024-01-01', effectiveFrom: '2024-03-01', expiresOn: '2024-02-01' }, 'Ngày hết hiệu lực (01/02/2024) phải sau ngày có hiệu lực (01/03/2024).'],
    // Without effectiveFrom the document takes effect on its issue date.
    [{ issuedOn: '2024-05-01', expiresOn: '2024-04-30' }, 'Ngày hết hiệu lực (30/04/2024) phải sau ngày có hiệu lực (01/05/2024).'],
    [{ issuedOn: new Date('2024-05-01T00:00:00Z'), expiresOn: '2024-05-01' }, 'Ngày hết hiệu lực (01/05/2024) phải sau ngày có hiệu lực (01/05/2024).'],
  ])('%p → %p', (dates, problem) => expect(findDateProblem(dates)).toBe(problem));
});

describe('validityOn', () => {
  const doc = { issuedOn: '2024-01-10', effectiveFrom: '2024-02-01', expiresOn: '2025-01-01' };
  it.each<[string, Record<string, unknown>, string, Validity]>([
    ['before it takes effect', doc, '2024-01-31', 'chua-hieu-luc'],
    ['on its first day', doc, '2024-02-01', 'con-hieu-luc'],
    ['on its last day', doc, '2024-12-31', 'con-hieu-luc'],
    ['on its expiry date', doc, '2025-01-01', 'het-hieu-luc'],
    ['without effectiveFrom, before issue', { issuedOn: '2024-01-10' }, '2024-01-09', 'chua-hieu-luc'],
    ['without effectiveFrom, on issue', { issuedOn: '2024-01-10' }, '2024-01-10', 'con-hieu-luc'],
    ['without dates', {}, '2024-01-10', 'con-hieu-luc'],
    ['replaced, the replacement in force', { ...doc, replacedBy: [{ issuedOn: '2024-05-01', effectiveFrom: '2024-06-01' }] }, '2024-06-01', 'het-hieu-luc'],
    ['replaced, the replacement not yet in force', { ...doc, replacedBy: [{ issuedOn: '2024-05-01', effectiveFrom: '2024-06-01' }] }, '2024-05-31', 'con-hieu-luc'],
    ['replaced by one without effectiveFrom', { ...doc, replacedBy: [{ issuedOn: '2024-05-01' }] }, '2024-05-01', 'het-hieu-luc'],
    ['replaced by one without dates', { ...doc, replacedBy: [{}] }, '2024-05-01', 'con-hieu-luc'],
  ])('%s', (_name, d, today, validity) => expect(validityOn(d, today)).toBe(validity));

  it('has a Vietnamese label for every value', () => {
    expect(VALIDITY_LABELS).toEqual({ 'chua-hieu-luc': 'Chưa có hiệu lực', 'con-hieu-luc': 'Còn hiệu lực', 'het-hieu-luc': 'Hết hiệu lực' });
  });
});

describe('namedTargets', () => {
  it.each<[unknown, { documentIds: string[]; ids: number[] }]>([
    [['abc', 'def'], { documentIds: ['abc', 'def'], ids: [] }],
    ['abc', { documentIds: ['abc'], ids: [] }],
    [[1, '2'], { documentIds: [], ids: [1, 2] }],
    [[{ documentId: 'abc', locale: 'vi' }, { id: 3 }], { documentIds: ['abc'], ids: [3] }],
    [{ connect: [{ documentId: 'abc' }], disconnect: ['zzz'] }, { documentIds: ['abc'], ids: [] }],
    [{ set: ['abc'] }, { documentIds: ['abc'], ids: [] }],
    [{ connect: 'abc' }, { documentIds: ['abc'], ids: [] }],
    [{ documentId: 'abc' }, { documentIds: ['abc'], ids: [] }],
    [{ disconnect: ['abc'] }, { documentIds: [], ids: [] }],
    [null, { documentIds: [], ids: [] }],
    [[], { documentIds: [], ids: [] }],
  ])('%p', (input, named) => expect(namedTargets(input)).toEqual(named));
});

describe('kinds', () => {
  it('labels exactly the kinds of the schema', () => {
    expect(Object.keys(KIND_LABELS)).toEqual(schema.attributes.kind.enum);
    expect(kindHint()).toContain('chi-thi: Chỉ thị');
  });
});

describe('listFilters', () => {
  const today = '2026-12-03';
  it.each<[Record<string, unknown>, unknown]>([
    [{}, null],
    [{ kind: '' }, null],
    [{ kind: 'chi-thi' }, { kind: { $eq: 'chi-thi' } }],
    [{ year: '2016' }, { issuedOn: { $gte: '2016-01-01', $lte: '2016-12-31' } }],
    [{ issuer: 'hoi-lien-hiep-phu-nu-tinh' }, { $or: [{ issuer: { slug: { $eq: 'hoi-lien-hiep-phu-nu-tinh' } } }, { issuerName: { $eqi: 'hoi-lien-hiep-phu-nu-tinh' } }] }],
    [{ field: 'Thi đua, khen thưởng' }, { field: { $eqi: 'Thi đua, khen thưởng' } }],
    [{ kind: 'luat', year: '2022' }, { $and: [{ kind: { $eq: 'luat' } }, { issuedOn: { $gte: '2022-01-01', $lte: '2022-12-31' } }] }],
    [{ validity: 'het-hieu-luc' }, validityFilter('het-hieu-luc', today, [])],
    [{ pagination: { page: '1' } }, null],
  ])('%p', (query, filters) => expect(listFilters(query, today)).toEqual(filters));

  it.each<[Record<string, unknown>, string]>([
    [{ kind: 'sac-lenh' }, 'Loại văn bản "sac-lenh" không có'],
    [{ kind: ['luat', 'chi-thi'] }, 'Tham số "kind" phải là một chuỗi'],
    [{ year: '16' }, 'Năm ban hành phải là số từ 1945 đến 2027.'],
    [{ year: '2028' }, 'Năm ban hành phải là số từ 1945 đến 2027.'],
    [{ year: '1900' }, 'Năm ban hành phải là số từ 1945 đến 2027.'],
    [{ year: '20166' }, 'Tham số "year" phải là một chuỗi không quá 4 ký tự.'],
    [{ issuer: 'x'.repeat(256) }, 'Tham số "issuer" phải là một chuỗi không quá 255 ký tự.'],
    [{ field: { $ne: 'x' } }, 'Tham số "field" phải là một chuỗi'],
    [{ validity: 'con-hieu-lu' }, 'Hiệu lực "con-hieu-lu" không có'],
  ])('refuses %p', (query, message) => {
    expect(() => listFilters(query, today)).toThrow(ListParamError);
    expect(() => listFilters(query, today)).toThrow(message);
  });

  it('writes the three validities as conditions on dates and published replacements', () => {
    const inForce = { $or: [{ effectiveFrom: { $lte: today } }, { effectiveFrom: { $null: true }, issuedOn: { $lte: today } }] };
    const notYet = { $or: [{ effectiveFrom: { $gt: today } }, { effectiveFrom: { $null: true }, issuedOn: { $gt: today } }] };
    const notExpired = { $or: [{ expiresOn: { $null: true } }, { expiresOn: { $gt: today } }] };
    expect(replacementInForce(today)).toEqual(inForce);
    expect(validityFilter('het-hieu-luc', today, ['a'])).toEqual({ $or: [{ expiresOn: { $lte: today } }, { replacedBy: inForce }] });
    expect(validityFilter('chua-hieu-luc', today, ['a', 'b'])).toEqual({ $and: [notExpired, { documentId: { $notIn: ['a', 'b'] } }, notYet] });
    expect(validityFilter('con-hieu-luc', today, [])).toEqual({ $and: [notExpired, inForce] });
    expect(listFilters({ validity: 'con-hieu-luc' }, today, ['a'])).toEqual(validityFilter('con-hieu-luc', today, ['a']));
  });
});

describe('document numbers in search', () => {
  // The site search indexes `number` as folded words: every way of typing a number gives the same words.
  it.each([
    ['05-CT/TW', ['05-CT/TW', '05/CT-TW', '05 ct tw', '05-ct/tw', ' 05 – CT / TW ', '05_CT_TW']],
    ['98/2023/NĐ-CP', ['98/2023/ND-CP', '98 2023 nđ cp', '98/2023/nd-cp']],
    ['06/2022/QH15', ['06/2022/qh15', '06 2022 QH15']],
  ])('%s', (number, typed) => {
    for (const t of typed) expect([t, foldedWords(t)]).toEqual([t, foldedWords(number)]);
  });
});

const VALIDITIES_FOR_LD = Object.entries(LEGAL_FORCE) as [Validity, string][];

describe('legislationJsonLd (schema.org Legislation)', () => {
  it('has a legal force for every validity', () => expect(Object.keys(LEGAL_FORCE).sort()).toEqual(Object.keys(VALIDITY_LABELS).sort()));

  const base: LegislationInput = {
    url: 'https://tdkt.example.vn/van-ban/chi-thi-05',
    number: '05-CT/TW',
    title: 'Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    kind: 'chi-thi',
    issuedOn: '2016-05-15',
    issuer: 'Bộ Chính trị',
    validity: 'con-hieu-luc',
    inLanguage: 'vi-VN',
    replaces: [],
    files: [],
  };

  it('describes a document in force', () => {
    expect(legislationJsonLd(base)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      url: base.url,
      name: base.title,
      legislationIdentifier: '05-CT/TW',
      legislationType: 'Chỉ thị',
      legislationDate: '2016-05-15',
      legislationLegalForce: 'https://schema.org/InForce',
      legislationPassedBy: { '@type': 'Organization', name: 'Bộ Chính trị' },
      inLanguage: 'vi-VN',
    });
  });

  it.each(VALIDITIES_FOR_LD)('maps %s to %s', (validity, force) => expect(legislationJsonLd({ ...base, validity }).legislationLegalForce).toBe(force));

  it.each([
    ['no issuer', { issuer: null }, 'legislationPassedBy', false],
    ['an unknown kind', { kind: 'sac-lenh' }, 'legislationType', false],
    ['no kind', { kind: undefined }, 'legislationType', false],
    ['a bad date', { issuedOn: '2016-02-30' }, 'legislationDate', false],
    ['an end date', { expiresOn: '2030-12-31' }, 'expires', true],
  ] as const)('with %s: %s %s', (_name, change, key, present) => {
    expect(Object.hasOwn(legislationJsonLd({ ...base, ...change }), key)).toBe(present);
  });

  it('names what it replaces and its files', () => {
    const ld = legislationJsonLd({
      ...base,
      replaces: [{ url: 'https://tdkt.example.vn/van-ban/luat-2003', number: '15/2003/QH11', title: 'Luật Thi đua, khen thưởng năm 2003' }],
      files: [{ url: 'https://tdkt.example.vn/uploads/chi_thi.pdf', mime: 'application/pdf', name: 'chi-thi-05.pdf' }],
    });
    expect(ld.legislationChanges).toEqual([{ '@type': 'Legislation', url: 'https://tdkt.example.vn/van-ban/luat-2003', legislationIdentifier: '15/2003/QH11', name: 'Luật Thi đua, khen thưởng năm 2003' }]);
    expect(ld.encoding).toEqual([{ '@type': 'MediaObject', contentUrl: 'https://tdkt.example.vn/uploads/chi_thi.pdf', encodingFormat: 'application/pdf', name: 'chi-thi-05.pdf' }]);
  });
});
