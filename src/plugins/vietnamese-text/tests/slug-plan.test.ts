import { isSameBase, planSlug, type SlugPlanInput } from '../server/src/utils/slug-plan';

const base: SlugPlanInput = {
  current: null,
  publishedOnce: false,
  explicit: undefined,
  source: undefined,
  storedSource: null,
  fallback: 'article',
  options: { maxLength: 80, ampersand: '' },
};

describe('planSlug', () => {
  it.each<[string, Partial<SlugPlanInput>, ReturnType<typeof planSlug>]>([
    ['new document from its title', { source: 'Hội nghị tổng kết' }, { kind: 'claim', base: 'hoi-nghi-tong-ket', keepOld: false }],
    ['new document with an explicit slug, cleaned', { source: 'Hội nghị', explicit: 'Tên Riêng!' }, { kind: 'claim', base: 'ten-rieng', keepOld: false }],
    ['new document whose title has no letters', { source: '!!!' }, { kind: 'claim', base: 'article', keepOld: false }],
    ['new locale of a document, title stored', { storedSource: 'Annual review' }, { kind: 'claim', base: 'annual-review', keepOld: false }],
    ['draft title edit re-derives', { current: 'hoi-nghi', source: 'Hội thảo' }, { kind: 'claim', base: 'hoi-thao', keepOld: false }],
    ['draft resave with the same title keeps', { current: 'hoi-nghi-2', source: 'Hội nghị' }, { kind: 'keep' }],
    ['published title edit keeps the URL', { current: 'hoi-nghi', publishedOnce: true, source: 'Hội thảo' }, { kind: 'keep' }],
    ['explicit edit after publication keeps the old one', { current: 'hoi-nghi', publishedOnce: true, explicit: 'hoi-nghi-moi' }, { kind: 'claim', base: 'hoi-nghi-moi', keepOld: true }],
    ['explicit edit before publication drops the old one', { current: 'hoi-nghi', explicit: 'hoi-nghi-moi' }, { kind: 'claim', base: 'hoi-nghi-moi', keepOld: false }],
    ['admin resave sends the current slug', { current: 'hoi-nghi', publishedOnce: true, explicit: 'hoi-nghi', source: 'Khác' }, { kind: 'keep' }],
    ['empty slug asks for a fresh one', { current: 'cu', publishedOnce: true, explicit: '', storedSource: 'Tiêu đề mới' }, { kind: 'claim', base: 'tieu-de-moi', keepOld: true }],
    ['null slug matching the title keeps', { current: 'tieu-de', explicit: null, storedSource: 'Tiêu đề' }, { kind: 'keep' }],
    ['update without title or slug keeps', { current: 'hoi-nghi' }, { kind: 'keep' }],
  ])('%s', (_name, input, expected) => {
    expect(planSlug({ ...base, ...input })).toEqual(expected);
  });
});

describe('isSameBase', () => {
  it.each([
    ['hoi-nghi', 'hoi-nghi', true],
    ['hoi-nghi-3', 'hoi-nghi', true],
    ['hoi-nghi-moi', 'hoi-nghi', false],
    ['hoi-nghi', 'hoi', false],
    ['a.b-2', 'a.b', true],
  ])('%s for base %s → %s', (current, b, expected) => {
    expect(isSameBase(current, b)).toBe(expected);
  });
});
