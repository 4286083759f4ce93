import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { costLimitRule, queryCost } from '../../src/graphql/query-cost';

// The shape of Strapi's generated schema: lists, a connection with `nodes`, pagination arguments.
const schema = buildSchema(`
  input PaginationArg { page: Int pageSize: Int start: Int limit: Int }
  type Bloc { name: String slug: String members(pagination: PaginationArg): [Agency]! }
  type Agency { name: String blocs(pagination: PaginationArg): [Bloc]! }
  type Article { title: String slug: String blocs(pagination: PaginationArg): [Bloc]! category: Category }
  type Category { name: String }
  type Pagination { total: Int }
  type ArticleConnection { nodes: [Article!]! pageInfo: Pagination! }
  type Query {
    articles(pagination: PaginationArg): [Article]!
    articles_connection(pagination: PaginationArg): ArticleConnection
    article(documentId: ID!): Article
  }
`);
const options = { defaultListSize: 25, maxListSize: 100 };

describe('queryCost', () => {
  it.each([
    ['one object, two fields', '{ article(documentId: "x") { title slug } }', 3],
    ['__typename is free', '{ article(documentId: "x") { __typename title } }', 2],
    ['default page size multiplies the fields under a list', '{ articles { title slug } }', 1 + 25 * 2],
    ['asked page size', '{ articles(pagination: { pageSize: 10 }) { title } }', 1 + 10],
    ['limit is a page size too', '{ articles(pagination: { limit: 4 }) { title } }', 1 + 4],
    ['page size capped at the maximum', '{ articles(pagination: { pageSize: 5000 }) { title } }', 1 + 100],
    ['page size from a variable counts as the maximum', 'query($p: PaginationArg) { articles(pagination: $p) { title } }', 1 + 100],
    ['a single relation does not multiply', '{ articles(pagination: { pageSize: 2 }) { category { name } } }', 1 + 2 * (1 + 1)],
    [
      'nested lists multiply',
      '{ articles(pagination: { pageSize: 10 }) { blocs(pagination: { pageSize: 5 }) { members { name } } } }',
      1 + 10 * (1 + 5 * (1 + 25 * 1)),
    ],
    ['connection passes its page size to nodes', '{ articles_connection(pagination: { pageSize: 3 }) { nodes { title } pageInfo { total } } }', 1 + 1 + 3 + 1 + 1],
    ['named fragments are expanded', '{ articles(pagination: { pageSize: 2 }) { ...F } } fragment F on Article { title slug }', 1 + 2 * 2],
    ['inline fragments are expanded', '{ articles(pagination: { pageSize: 2 }) { ... on Article { title } } }', 1 + 2],
    ['aliases each cost', '{ a: article(documentId: "x") { title } b: article(documentId: "y") { title } }', 4],
  ])('%s', (_name, query, expected) => {
    expect(queryCost(schema, parse(query), options)).toBe(expected);
  });
});

describe('costLimitRule', () => {
  const rules = [...specifiedRules, costLimitRule(1000, options)];

  it('lets a query under the limit through', () => {
    expect(validate(schema, parse('{ articles(pagination: { pageSize: 20 }) { title slug } }'), rules)).toEqual([]);
  });

  it('refuses an expensive query with its cost and the limit', () => {
    const errors = validate(schema, parse('{ articles(pagination: { pageSize: 100 }) { blocs { members { name } } } }'), rules);
    expect(errors).toHaveLength(1);
    const cost = 1 + 100 * (1 + 25 * (1 + 25 * 1));
    expect(errors[0].message).toContain(`too expensive: its cost is ${cost}, the limit is 1000`);
    expect(errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', cost, maxCost: 1000 });
  });
});
