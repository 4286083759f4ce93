import qs from 'qs';
import type { GetModel, ModelInfo } from '../../src/security/published-query';
import {
  describePopulateProblem,
  describeRecordsProblem,
  estimateRecords,
  findFilterProblem,
  describeGraphqlSizeProblem,
  graphqlRequestBytes,
  measureFilters,
  measurePopulate,
  populateTree,
  readBoundsSettings,
  requestedRows,
  toManyPairs,
} from '../../src/security/request-bounds';

// The relations of the real models that matter here (article ↔ bloc ↔ agency, media, a component, a dynamic zone).
const models: Record<string, ModelInfo> = {
  'api::article.article': {
    attributes: {
      title: { type: 'string' },
      cover: { type: 'media' },
      gallery: { type: 'media', multiple: true } as ModelInfo['attributes'][string],
      category: { type: 'relation', relation: 'manyToOne', target: 'api::category.category' },
      blocs: { type: 'relation', relation: 'manyToMany', target: 'api::bloc.bloc' },
      agencies: { type: 'relation', relation: 'manyToMany', target: 'api::agency.agency' },
      seo: { type: 'component', component: 'shared.seo' },
      zone: { type: 'dynamiczone' },
    },
  },
  'api::category.category': { attributes: { name: { type: 'string' }, articles: { type: 'relation', relation: 'oneToMany', target: 'api::article.article' } } },
  'api::bloc.bloc': { attributes: { name: { type: 'string' }, members: { type: 'relation', relation: 'manyToMany', target: 'api::agency.agency' } } },
  'api::agency.agency': {
    attributes: { name: { type: 'string' }, logo: { type: 'media' }, articles: { type: 'relation', relation: 'manyToMany', target: 'api::article.article' } },
  },
  'shared.seo': { attributes: { image: { type: 'media' } } },
  'shared.quote': { attributes: { author: { type: 'relation', relation: 'manyToOne', target: 'api::agency.agency' } } },
  'plugin::upload.file': { attributes: { name: { type: 'string' }, related: { type: 'relation', relation: 'morphToMany' } } },
};
const getModel: GetModel = (uid) => models[uid];
const ARTICLE = 'api::article.article';
/** As Strapi's query middleware parses a query string. */
const parsed = (query: string) => qs.parse(query, { arrayLimit: 100, depth: 20 }) as Record<string, unknown>;
const measure = (query: string) => measurePopulate(populateTree(parsed(query).populate), ARTICLE, getModel);

describe('populate depth and paths, every form', () => {
  it.each([
    ['none', '', 0, 0],
    ['a name', 'populate=cover', 1, 1],
    ['a comma list', 'populate=cover,category', 1, 2],
    ['a dotted path', 'populate=blocs.members.logo', 3, 3],
    ['an array of paths', 'populate[0]=blocs.members&populate[1]=category', 2, 3],
    ['an array past qs array limit (an object with numeric keys)', 'populate[150]=blocs.members.articles.blocs', 4, 4],
    ['* (every relation, media, component and zone, one level)', 'populate=*', 1, 7],
    ['* nested', 'populate[blocs][populate]=*', 2, 2],
    ['object with true', 'populate[cover]=true&populate[category]=true', 1, 2],
    ['object with * (Strapi reads it as true)', 'populate[blocs]=*', 1, 1],
    ['nested object', 'populate[blocs][populate][members][populate][logo]=true', 3, 3],
    ['nested string under populate', 'populate[blocs][populate]=members.articles', 3, 3],
    ['nested array under populate', 'populate[blocs][populate][0]=members.articles.blocs', 4, 4],
    ['a dotted key', 'populate[blocs.members.articles]=true', 3, 3],
    ['component then media', 'populate[seo][populate]=image', 2, 2],
    ['dynamic zone fragments (on)', 'populate[zone][on][shared.quote][populate][author][populate]=logo', 3, 3],
    ['dynamic zone fragment with *', 'populate[zone][on][shared.quote]=*', 2, 2],
    [
      'the attack of issue 14',
      'pagination[pageSize]=100&populate[blocs][populate][members][populate][articles][populate][blocs][populate][members][populate][articles][populate]=*',
      7,
      13,
    ],
  ])('%s', (_name, query, depth, paths) => {
    expect(measure(query)).toEqual({ depth, paths });
  });

  const limits = { maxDepth: 3, maxPaths: 20 };
  it.each([
    ['at the depth limit', 'populate=blocs.members.logo', null],
    ['over the depth limit', 'populate=blocs.members.articles.cover', 'populate quá sâu: tối đa 3 cấp (yêu cầu có 4 cấp).'],
    ['over the depth limit through on', 'populate[zone][on][shared.quote][populate][author][populate][articles][populate]=cover', 'populate quá sâu: tối đa 3 cấp (yêu cầu có 4 cấp).'],
    ['over the path limit', `populate=${Array.from({ length: 21 }, (_, i) => `x${i}`).join(',')}`, 'populate quá rộng: tối đa 20 quan hệ (yêu cầu có 21).'],
  ])('%s', (_name, query, message) => {
    expect(describePopulateProblem(measure(query), limits)).toBe(message);
  });
});

describe('estimated rows', () => {
  // Counted fan-outs: an article has at most 3 blocs and 6 agencies, a bloc 8 members, an agency 40 articles.
  const fans: Record<string, number> = { 'api::article.article.blocs': 3, 'api::article.article.agencies': 6, 'api::bloc.bloc.members': 8, 'api::agency.agency.articles': 40, 'api::article.article.gallery': 10 };
  const fanOut = (uid: string, attribute: string) => fans[`${uid}.${attribute}`] ?? 99;
  const rows = (query: string, pageSize: number) => estimateRecords(populateTree(parsed(query).populate), ARTICLE, getModel, fanOut, pageSize);

  it.each([
    ['no populate', '', 100, 100],
    ['a to-one relation adds one row per document', 'populate=category', 10, 10 * 2],
    ['a to-many relation adds its fan-out', 'populate=blocs', 10, 10 * (1 + 3)],
    ['nested fan-outs multiply', 'populate=blocs.members.articles', 100, 100 * (1 + 3 * (1 + 8 * (1 + 40)))],
    ['siblings add', 'populate=blocs,agencies', 2, 2 * (1 + 3 + 6)],
    ['count only reads no rows', 'populate[blocs][count]=true', 5, 5],
    ['a nested limit caps the fan-out', 'populate[blocs][populate][members][limit]=2', 1, 1 + 3 * (1 + 2)],
    ['a nested limit above the fan-out changes nothing', 'populate[blocs][pageSize]=50', 1, 1 + 3],
    ['* uses every fan-out', 'populate=*', 1, 1 + 1 + 10 + 1 + 3 + 6 + 1 + 99],
  ])('%s', (_name, query, pageSize, expected) => {
    expect(rows(query, pageSize)).toBe(expected);
  });

  it('asks for the fan-out of every to-many hop, and only those', () => {
    expect(toManyPairs(populateTree('blocs.members.logo,category,gallery'), ARTICLE, getModel)).toEqual([
      [ARTICLE, 'blocs'],
      ['api::bloc.bloc', 'members'],
      [ARTICLE, 'gallery'],
    ]);
  });

  it.each([
    [5000, 5000, null],
    [5001, 5000, 'Câu trả lời quá lớn: ước tính 5001 bản ghi, tối đa 5000. Giảm pagination[pageSize] hoặc bớt quan hệ trong populate.'],
  ])('%d rows against %d', (records, max, message) => {
    expect(describeRecordsProblem(records, max)).toBe(message);
  });

  it.each([
    [{}, 25],
    [{ pageSize: '10' }, 10],
    [{ limit: '7' }, 7],
    [{ pageSize: '5000' }, 100],
    ['junk', 25],
  ])('page size of %j is %d', (pagination, expected) => {
    expect(requestedRows(pagination, 25, 100)).toBe(expected);
  });
});

describe('filter conditions and nesting', () => {
  it.each([
    ['none', '', 0, 0],
    ['one condition', 'filters[title][$eq]=a', 1, 1],
    ['shorthand field=value', 'filters[title]=a', 1, 0],
    ['$in list is one condition', 'filters[title][$in][0]=a&filters[title][$in][1]=b', 1, 1],
    ['$or of two', 'filters[$or][0][title][$eq]=a&filters[$or][1][title][$eq]=b', 2, 2],
    ['relation hops nest', 'filters[blocs][members][name][$eq]=a', 1, 3],
    ['$not inside $and', 'filters[$and][0][$not][title][$eq]=a', 1, 3],
  ])('%s', (_name, query, conditions, depth) => {
    expect(measureFilters(parsed(query).filters)).toEqual({ conditions, depth });
  });

  const limits = { maxConditions: 3, maxDepth: 4 };
  it.each([
    ['within', 'filters[$or][0][title][$eq]=a&filters[$or][1][title][$eq]=b', null],
    ['too many at the root', 'filters[$or][0][title][$eq]=a&filters[$or][1][title][$eq]=b&filters[$or][2][title][$eq]=c&filters[$or][3][title][$eq]=d', 'filters có quá nhiều điều kiện: tối đa 3 (yêu cầu có 4).'],
    ['too many counting populate filters', 'filters[title][$eq]=a&populate[blocs][filters][name][$eq]=b&populate[blocs][populate][members][filters][$or][0][name][$eq]=c&populate[blocs][populate][members][filters][$or][1][name][$eq]=d', 'filters có quá nhiều điều kiện: tối đa 3 (yêu cầu có 4).'],
    ['too deep', 'filters[$and][0][$or][0][$not][blocs][members][name][$eq]=a', 'filters lồng nhau quá sâu: tối đa 4 cấp (yêu cầu có 6 cấp).'],
    ['too deep in a dynamic zone fragment', 'populate[zone][on][shared.quote][filters][$and][0][$or][0][$not][author][name][$eq]=a', 'filters lồng nhau quá sâu: tối đa 4 cấp (yêu cầu có 5 cấp).'],
  ])('%s', (_name, query, message) => {
    expect(findFilterProblem(parsed(query), limits)).toBe(message);
  });
});

describe('settings and GraphQL document size', () => {
  it('has defaults and reads the environment', () => {
    expect(readBoundsSettings({})).toMatchObject({ populate: { maxDepth: 3, maxPaths: 20 }, maxInFlight: 4, timeoutMs: 10_000 });
    expect(readBoundsSettings({ POPULATE_MAX_DEPTH: '5', REQUEST_TIMEOUT_MS: '250' })).toMatchObject({ populate: { maxDepth: 5 }, timeoutMs: 250 });
  });

  it.each(['0', '-1', 'abc', '2.5'])('refuses %s as a limit (a typo must not turn a limit off)', (value) => {
    expect(() => readBoundsSettings({ CLIENT_MAX_IN_FLIGHT: value })).toThrow('CLIENT_MAX_IN_FLIGHT');
  });

  it.each([
    ['120', '', 120],
    [undefined, 'query=%7B%20a%20%7D', 19],
    ['10', 'x=1', 13],
    ['junk', '', 0],
  ])('GraphQL request of length %p and query string %p is %d bytes', (length, querystring, expected) => {
    expect(graphqlRequestBytes(length, querystring)).toBe(expected);
  });

  it.each([
    [16384, null],
    [16385, 'Yêu cầu GraphQL quá lớn: 16385 byte, tối đa 16384 byte.'],
  ])('%d bytes', (bytes, message) => {
    expect(describeGraphqlSizeProblem(bytes, 16384)).toBe(message);
  });
});
