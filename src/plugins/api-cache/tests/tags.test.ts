import { memoryBackend } from '../server/src/backends/memory';
import { etagOf } from '../server/src/utils/http';
import {
  answerTags,
  changeTags,
  coreListRoutes,
  documentTags,
  isPublicWrite,
  localeOf,
  membershipChanged,
  tagHeaders,
  type ListRoute,
} from '../server/src/utils/tags';

const ARTICLE = 'api::article.article';
const AGENCY = 'api::agency.agency';
const LISTS: ListRoute[] = [
  { path: '/api/feeds/', types: [ARTICLE] },
  { path: '/api/search', types: [ARTICLE, AGENCY] },
  { path: '/api/articles/by-slug/', types: [ARTICLE], scope: 'membership' },
];

describe('documentTags', () => {
  it.each([
    ['nothing', null, []],
    ['a text', 'x', []],
    ['one document', { data: { documentId: 'a1', title: 'x' } }, ['d:a1']],
    ['relations and media at any depth', { data: { documentId: 'a1', cover: { documentId: 'f1', formats: {} }, agencies: [{ documentId: 'g1' }, { documentId: 'g2', logo: { documentId: 'f2' } }] } }, ['d:a1', 'd:f1', 'd:g1', 'd:g2', 'd:f2']],
    ['a list', { data: [{ documentId: 'a1' }, { documentId: 'a2' }], meta: { pagination: {} } }, ['d:a1', 'd:a2']],
    ['components have no documentId', { data: { documentId: 'a1', seo: { id: 3, metaTitle: 'x' } } }, ['d:a1']],
    ['an unsafe documentId is left out', { data: { documentId: 'a b,c' } }, []],
    ['a numeric documentId is left out', { data: { documentId: 12 } }, []],
  ])('%s', (_name, body, expected) => {
    expect([...documentTags(body)].sort()).toEqual([...expected].sort());
  });
});

describe('localeOf', () => {
  it.each([
    [{ locale: 'vi' }, 'vi'],
    [{ locale: 'en-US' }, 'en-US'],
    [{}, '*'],
    [undefined, '*'],
    [{ locale: ['vi', 'en'] }, '*'],
    [{ locale: '*' }, '*'],
    [{ locale: 'v i' }, '*'],
  ])('%j → %s', (query, expected) => {
    expect(localeOf(query)).toBe(expected);
  });
});

describe('answerTags', () => {
  it.each([
    ['a REST list (a core list route given by the caller)', '/api/articles', { locale: 'vi' }, { data: [{ documentId: 'a1' }] }, [...LISTS, { path: '/api/articles', types: [ARTICLE] }], ['d:a1', `t:${ARTICLE}:vi`]],
    ['a feed (XML: no documents)', '/api/feeds/rss.xml', {}, undefined, LISTS, [`t:${ARTICLE}:*`]],
    ['search enumerates its types', '/api/search', { q: 'x', locale: 'en' }, { data: [] }, LISTS, [`t:${AGENCY}:en`, `t:${ARTICLE}:en`]],
    ['an article page: membership of its "Tin khác"', '/api/articles/by-slug/abc', { locale: 'vi' }, { data: { documentId: 'a1', related: [{ documentId: 'a2' }] } }, LISTS, ['d:a1', 'd:a2', `n:${ARTICLE}:vi`]],
    ['the route match ignores ASCII case', '/API/Feeds/atom.xml', {}, undefined, LISTS, [`t:${ARTICLE}:*`]],
    ['a single entry enumerates nothing', '/api/categories/xyz', {}, { data: { documentId: 'c1' } }, LISTS, ['d:c1']],
  ])('%s', (_name, path, query, body, lists, expected) => {
    expect(answerTags({ path, query, body, lists })).toEqual([...expected].sort());
  });
});

describe('coreListRoutes', () => {
  const lookup = coreListRoutes({
    [ARTICLE]: { kind: 'collectionType', info: { pluralName: 'articles' } },
    'api::home.home': { kind: 'singleType', info: { pluralName: 'homes' } },
    'plugin::upload.file': { kind: 'collectionType', info: { pluralName: 'files' } },
  }, [ARTICLE, 'api::home.home']);
  it.each([
    ['/api/articles', [ARTICLE]],
    ['/api/Articles/', [ARTICLE]],
    ['/api/articles/abc', []],
    ['/api/homes', []],
    ['/api/files', []],
  ])('%s → %j', (path, expected) => {
    expect(lookup(path)).toEqual(expected);
  });
});

describe('isPublicWrite', () => {
  it.each([
    ['update', true, undefined, false], // a draft save
    ['create', true, undefined, false],
    ['clone', true, undefined, false],
    ['discardDraft', true, undefined, false],
    ['update', true, 'published', true],
    ['create', true, 'published', true],
    ['publish', true, undefined, true],
    ['unpublish', true, undefined, true],
    ['delete', true, undefined, true],
    ['update', false, undefined, true], // no drafts: every write is public
    ['create', false, undefined, true],
    ['discardDraft', false, undefined, false],
  ])('%s (draft & publish %s, status %s) → %s', (action, dp, status, expected) => {
    expect(isPublicWrite(action, dp, status)).toBe(expected);
  });
});

describe('changeTags', () => {
  it.each([
    ['an update in one locale', { uid: ARTICLE, documentId: 'a1', locale: 'vi', membership: false }, ['d:a1', `t:${ARTICLE}:vi`, `t:${ARTICLE}:*`]],
    ['a membership change', { uid: ARTICLE, documentId: 'a1', locale: 'en', membership: true }, ['d:a1', `t:${ARTICLE}:en`, `t:${ARTICLE}:*`, `n:${ARTICLE}:en`, `n:${ARTICLE}:*`]],
    ['a type without locales reaches every locale', { uid: 'api::home.home', documentId: 'h1', locale: '*', membership: false }, ['d:h1', 't:api::home.home:vi', 't:api::home.home:en', 't:api::home.home:*']],
  ])('%s', (_name, change, expected) => {
    expect(changeTags(change, ['vi', 'en']).sort()).toEqual([...expected].sort());
  });
});

describe('membershipChanged', () => {
  const fields = ['dateline', 'category', 'blocs'];
  const base = { title: 'A', dateline: '2024-01-01', category: { documentId: 'c1' }, blocs: [{ documentId: 'b1' }, { documentId: 'b2' }] };
  it.each([
    ['first publish', null, base, fields, true],
    ['unpublish', base, null, fields, true],
    ['no fields configured', base, base, undefined, true],
    ['title only', base, { ...base, title: 'B' }, fields, false],
    ['blocs in another order', base, { ...base, blocs: [{ documentId: 'b2' }, { documentId: 'b1' }] }, fields, false],
    ['a bloc added', base, { ...base, blocs: [...base.blocs, { documentId: 'b3' }] }, fields, true],
    ['category changed', base, { ...base, category: { documentId: 'c2' } }, fields, true],
    ['category removed', base, { ...base, category: null }, fields, true],
    ['dateline moved', base, { ...base, dateline: '2024-01-02' }, fields, true],
  ])('%s → %s', (_name, before, after, f, expected) => {
    expect(membershipChanged(before, after, f)).toBe(expected);
  });
});

describe('tagHeaders', () => {
  it('sends the same tags comma- and space-separated, never `*`', () => {
    expect(tagHeaders(['d:a1', `t:${ARTICLE}:vi`, '*'], 1000)).toEqual({ cacheTag: `d:a1,t:${ARTICLE}:vi`, surrogateKey: `d:a1 t:${ARTICLE}:vi` });
  });
  it('gives up past the byte limit (a CDN would cut the list and miss a purge)', () => {
    expect(tagHeaders(['d:aaaa', 'd:bbbb'], 13)).toEqual({ cacheTag: 'd:aaaa,d:bbbb', surrogateKey: 'd:aaaa d:bbbb' });
    expect(tagHeaders(['d:aaaa', 'd:bbbb'], 12)).toBeNull();
  });
});

describe('memory backend: tags', () => {
  const entry = (text: string) => {
    const body = Buffer.from(text);
    return { status: 200, body, type: 'application/json', etag: etagOf(body) };
  };
  const body = async (b: ReturnType<typeof memoryBackend>, key: string) => (await b.get(key)).entry?.body.toString();

  it('a touch drops the entries carrying the tag and keeps the others', async () => {
    const b = memoryBackend(1_000_000, 100_000);
    const g = (await b.get('x')).generation as string;
    await b.set('page-a', entry('a'), g, ['d:a']);
    await b.set('page-b', entry('b'), g, ['d:b', 'd:agency']);
    await b.set('list', entry('l'), g, ['d:a', 'd:b', `t:${ARTICLE}:vi`]);
    await b.touch(['d:agency']);
    expect([await body(b, 'page-a'), await body(b, 'page-b'), await body(b, 'list')]).toEqual(['a', undefined, 'l']);
    await b.touch([`t:${ARTICLE}:vi`]);
    expect([await body(b, 'page-a'), await body(b, 'list')]).toEqual(['a', undefined]);
    await b.invalidate();
    expect(await body(b, 'page-a')).toBeUndefined();
  });

  it('refuses an answer whose read began before a touch of one of its tags, and keeps one whose tags were not touched', async () => {
    const b = memoryBackend(1_000_000, 100_000);
    const g = (await b.get('x')).generation as string;
    await b.touch(['d:a']); // a write finished while the answer was being computed
    await b.set('stale', entry('old'), g, ['d:a']);
    await b.set('other', entry('fine'), g, ['d:b']);
    expect([await body(b, 'stale'), await body(b, 'other')]).toEqual([undefined, 'fine']);
  });
});

describe('memory backend: bounded marks', () => {
  it('starts over past 100,000 touched tags, and refuses answers read before', async () => {
    const b = memoryBackend(1_000_000, 100_000);
    const body = Buffer.from('x');
    const entry = { status: 200, body, type: 'application/json', etag: etagOf(body) };
    const g = (await b.get('x')).generation as string;
    await b.set('kept', entry, g, ['d:kept']);
    for (let i = 0; i < 100_001; i += 1) await b.touch([`d:${i}`]);
    expect((await b.get('kept')).entry).toBeUndefined();
    await b.set('late', entry, g, ['d:other']);
    expect((await b.get('late')).entry).toBeUndefined();
  });
});
