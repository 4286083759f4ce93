import {
  assertPopulateSorts,
  assertPublishedSort,
  publishedOnlyFilters,
  publishedOnlyPopulate,
  publishedOnlyQuery,
  sortPaths,
  UnsafeQueryError,
  type ModelInfo,
} from '../../src/security/published-query';

/** A small model: articles (draft & publish) with a category, blocs, a cover, an SEO component and localizations. */
const MODELS: Record<string, ModelInfo> = {
  article: {
    options: { draftAndPublish: true },
    attributes: {
      title: { type: 'string' },
      category: { type: 'relation', relation: 'manyToOne', target: 'category' },
      blocs: { type: 'relation', relation: 'manyToMany', target: 'bloc' },
      localizations: { type: 'relation', relation: 'oneToMany', target: 'article' },
      cover: { type: 'media' },
      seo: { type: 'component', component: 'seo' },
      publishedAt: { type: 'datetime' },
    },
  },
  category: { options: { draftAndPublish: true }, attributes: { name: { type: 'string' }, articles: { type: 'relation', relation: 'oneToMany', target: 'article' } } },
  bloc: { options: { draftAndPublish: true }, attributes: { name: { type: 'string' }, terms: { type: 'component', component: 'term' } } },
  term: { attributes: { year: { type: 'integer' }, leader: { type: 'relation', relation: 'oneToOne', target: 'category' } } },
  seo: { attributes: { metaTitle: { type: 'string' } } },
  'plugin::upload.file': { attributes: { name: { type: 'string' }, related: { type: 'relation', relation: 'morphToMany' } } },
};
const getModel = (uid: string) => MODELS[uid];
const PUBLISHED = { publishedAt: { $notNull: true } };

describe('publishedOnlyFilters', () => {
  it.each<[string, unknown, unknown]>([
    ['scalar filters are kept', { title: { $eq: 'A' } }, { title: { $eq: 'A' } }],
    ['a relation hop gets the published condition', { category: { name: { $eq: 'X' } } }, { category: { $and: [{ name: { $eq: 'X' } }, PUBLISHED] } }],
    ['localizations too', { localizations: { title: { $startsWith: 'N' } } }, { localizations: { $and: [{ title: { $startsWith: 'N' } }, PUBLISHED] } }],
    [
      'every hop of a chain',
      { localizations: { blocs: { name: { $contains: 'k' } } } },
      { localizations: { $and: [{ blocs: { $and: [{ name: { $contains: 'k' } }, PUBLISHED] } }, PUBLISHED] } },
    ],
    ['a bare id on a relation', { category: 5 }, { category: { $and: [{ id: 5 }, PUBLISHED] } }],
    ['an id operator on a relation', { category: { $null: true } }, { category: { $and: [{ id: { $null: true } }, PUBLISHED] } }],
    ['several id operators', { blocs: { $gt: 1, $lt: 9 } }, { blocs: { $and: [{ id: { $gt: 1, $lt: 9 } }, PUBLISHED] } }],
    [
      '$not with attributes negates a condition on the related row',
      { localizations: { $not: { title: { $eq: 'A' } } } },
      { localizations: { $and: [{ $not: { title: { $eq: 'A' } } }, PUBLISHED] } },
    ],
    ['$not of an id', { category: { $not: 3 } }, { category: { $and: [{ id: { $not: 3 } }, PUBLISHED] } }],
    [
      'inside $or, $and and $not at the root',
      { $or: [{ localizations: { title: { $eq: 'A' } } }, { $not: { category: { name: { $eq: 'B' } } } }] },
      { $or: [{ localizations: { $and: [{ title: { $eq: 'A' } }, PUBLISHED] } }, { $not: { category: { $and: [{ name: { $eq: 'B' } }, PUBLISHED] } } }] },
    ],
    [
      'groups inside a relation',
      { localizations: { $or: [{ title: { $eq: 'A' } }, { category: { name: { $eq: 'B' } } }] } },
      { localizations: { $and: [{ $or: [{ title: { $eq: 'A' } }, { category: { $and: [{ name: { $eq: 'B' } }, PUBLISHED] } }] }, PUBLISHED] } },
    ],
    ['components are part of their row', { seo: { metaTitle: { $eq: 'A' } } }, { seo: { metaTitle: { $eq: 'A' } } }],
    [
      'relations inside components',
      { blocs: { terms: { leader: { name: { $eq: 'C' } } } } },
      { blocs: { $and: [{ terms: { leader: { $and: [{ name: { $eq: 'C' } }, PUBLISHED] } } }, PUBLISHED] } },
    ],
    ['media has no draft & publish', { cover: { name: { $eq: 'a.jpg' } } }, { cover: { name: { $eq: 'a.jpg' } } }],
    ['arrays of filters', [{ category: 1 }, { title: 'x' }], [{ category: { $and: [{ id: 1 }, PUBLISHED] } }, { title: 'x' }]],
    ['unknown keys are left to Strapi', { nope: { $eq: 1 }, constructor: 1 }, { nope: { $eq: 1 }, constructor: 1 }],
  ])('%s', (_name, input, expected) => {
    expect(publishedOnlyFilters(input, 'article', getModel)).toEqual(expected);
  });

  it.each([[{ cover: { related: { id: 1 } } }], [{ $or: [{ cover: { related: 1 } }] }]])('refuses polymorphic relations: %j', (filters) => {
    expect(() => publishedOnlyFilters(filters, 'article', getModel)).toThrow(UnsafeQueryError);
  });

  it('leaves its input unchanged', () => {
    const input = { localizations: { title: { $eq: 'A' } } };
    publishedOnlyFilters(input, 'article', getModel);
    expect(input).toEqual({ localizations: { title: { $eq: 'A' } } });
  });
});

describe('sorts', () => {
  it.each<[unknown, string[]]>([
    ['title', ['title']],
    ['title:desc,category.name:asc', ['title', 'category.name']],
    [['title:asc', 'localizations.title'], ['title', 'localizations.title']],
    [{ category: { name: 'asc' } }, ['category.name']],
    [[{ title: 'desc' }, { localizations: { title: 'asc' } }], ['title', 'localizations.title']],
    [undefined, []],
  ])('sortPaths(%j)', (sort, paths) => {
    expect(sortPaths(sort)).toEqual(paths);
  });

  it.each(['localizations.title', 'localizations.title:desc', 'category.articles.localizations.title', 'blocs.name,localizations.title', 'cover.related.id'])(
    'refuses %s',
    (sort) => {
      expect(() => assertPublishedSort(sort, 'article', getModel)).toThrow(UnsafeQueryError);
    }
  );

  it.each(['title', 'category.name:desc', 'blocs.terms.leader.name', 'seo.metaTitle'])('allows %s', (sort) => {
    expect(() => assertPublishedSort(sort, 'article', getModel)).not.toThrow();
  });
});

describe('publishedOnlyPopulate', () => {
  it('rewrites filters and checks sorts at every level', () => {
    const populate = { blocs: { filters: { name: { $eq: 'A' } }, populate: { terms: { populate: { leader: { filters: { articles: { title: 'x' } } } } } } } };
    expect(publishedOnlyPopulate(populate, 'article', getModel)).toEqual({
      blocs: {
        filters: { name: { $eq: 'A' } },
        populate: { terms: { populate: { leader: { filters: { articles: { $and: [{ title: 'x' }, PUBLISHED] } } } } } },
      },
    });
    expect(() => publishedOnlyPopulate({ category: { populate: { articles: { sort: 'localizations.title' } } } }, 'article', getModel)).toThrow(UnsafeQueryError);
  });

  it.each<[unknown]>([
    [{ blocs: { sort: 'terms.leader.name' } }],
    [{ blocs: { sort: ['name', 'articles.title:desc'] } }],
    [{ blocs: { populate: { articles: { sort: { category: { name: 'asc' } } } } } }],
    [[{ blocs: true }, { category: { sort: 'articles.title' } }]],
    [{ zone: { on: { 'shared.seo': { sort: 'a.b' } } } }],
  ])('sorts a populated relation by its own fields only: %j', (populate) => {
    expect(() => assertPopulateSorts(populate)).toThrow(/chỉ sắp xếp/);
  });

  it.each<[unknown]>([['*'], [{ blocs: { sort: ['name:desc', 'id'] } }], [{ blocs: { populate: { articles: { sort: 'title' } } } }]])('allows %j', (populate) => {
    expect(() => assertPopulateSorts(populate)).not.toThrow();
  });

  it.each(['*', 'category,blocs', ['category'], { category: true }, { localizations: '*' }])('keeps the plain form %j', (populate) => {
    expect(publishedOnlyPopulate(populate, 'article', getModel)).toEqual(populate);
  });
});

describe('publishedOnlyQuery', () => {
  it.each(['publicationFilter', 'hasPublishedVersion'])('refuses %s', (param) => {
    expect(() => publishedOnlyQuery({ [param]: 'modified' }, 'article', getModel)).toThrow(/bản nháp/);
  });

  it('rewrites the filters, checks the sort and keeps the rest', () => {
    const query = { filters: { localizations: { title: 'A' } }, sort: 'title', pagination: { pageSize: 5 } };
    expect(publishedOnlyQuery(query, 'article', getModel)).toEqual({ ...query, filters: { localizations: { $and: [{ title: 'A' }, PUBLISHED] } } });
  });
});
