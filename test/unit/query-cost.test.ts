import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { findCostProblem, queryCost, queryMeasure, withDefaults } from '../../src/graphql/query-cost';

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

describe('declared defaults and the operation that runs', () => {
  const operation = (document: ReturnType<typeof parse>, name: string) =>
    document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);

  it.each([
    ['an Int default', 'query($n: Int = 7) { articles(pagination: { pageSize: $n }) { title } }', {}, 1 + 7],
    ['an object default', 'query($p: PaginationArg = { limit: 3 }) { articles(pagination: $p) { title } }', {}, 1 + 3],
    ['a sent value wins over the default', 'query($n: Int = 7) { articles(pagination: { pageSize: $n }) { title } }', { n: 40 }, 1 + 40],
  ])('%s', (_name, query, variables, expected) => {
    expect(queryCost(schema, parse(query), options, variables)).toBe(expected);
  });

  it('fills only what was not sent', () => {
    const document = parse('query Q($a: Int = 1, $b: Int = 2, $c: Int) { articles { title } }');
    expect(withDefaults(operation(document, 'Q')!, { b: 5 })).toEqual({ a: 1, b: 5 });
  });

  it('measures the chosen operation only; without one, all of them', () => {
    const document = parse('query A { articles(pagination: { pageSize: 4 }) { title } } query B { articles(pagination: { pageSize: 9 }) { title } }');
    expect(queryMeasure(schema, document, options, {}, operation(document, 'A')).cost).toBe(1 + 4);
    expect(queryMeasure(schema, document, options, {}, operation(document, 'B')).cost).toBe(1 + 9);
    expect(queryMeasure(schema, document, options, {}).cost).toBe(1 + 4 + 1 + 9);
  });
});

describe('queryMeasure with variables, fetch cost and aliases', () => {
  const fetching = { ...options, fetchCost: 10 };
  it.each([
    ['a variable page size costs its value', 'query($p: PaginationArg) { articles(pagination: $p) { title } }', { p: { pageSize: 7 } }, 1 + 7],
    ['a variable inside the object costs its value', 'query($n: Int) { articles(pagination: { pageSize: $n }) { title } }', { n: 7 }, 1 + 7],
    ['a variable past the maximum is cut to it', 'query($n: Int) { articles(pagination: { limit: $n }) { title } }', { n: 100000 }, 1 + 100],
    ['an unset variable is the default page', 'query($n: Int) { articles(pagination: { pageSize: $n }) { title } }', {}, 1 + 25],
  ])('%s', (_name, query, variables, expected) => {
    expect(queryCost(schema, parse(query), options, variables)).toBe(expected);
  });

  it('costs the same for a literal page size and a variable holding it', () => {
    const literal = queryCost(schema, parse('{ articles(pagination: { pageSize: 12 }) { blocs { name } } }'), fetching, {});
    const variable = queryCost(schema, parse('query($s: Int) { articles(pagination: { pageSize: $s }) { blocs { name } } }'), fetching, { s: 12 });
    expect(variable).toBe(literal);
  });

  it.each([
    ['an object field adds the fetch cost', '{ article(documentId: "x") { title } }', 1 + 10 + 1],
    ['a list field adds it per parent row', '{ articles(pagination: { pageSize: 3 }) { category { name } } }', 1 + 10 + 3 * (1 + 10 + 1)],
  ])('%s', (_name, query, expected) => {
    expect(queryMeasure(schema, parse(query), fetching).cost).toBe(expected);
  });

  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: article(documentId: "${i}") { title }`).join(' ')} }`;
  it.each([
    ['plain aliases', aliased(5), 5],
    ['aliases inside a fragment count once per spread', '{ x: article(documentId: "1") { ...F } y: article(documentId: "2") { ...F } } fragment F on Article { t1: title t2: title t3: slug }', 2 + 2 * 3],
    ['aliases inside an inline fragment', '{ articles { ... on Article { a: title b: slug } } }', 2],
    ['no alias', '{ articles { title } }', 0],
  ])('counts %s', (_name, query, expected) => {
    expect(queryMeasure(schema, parse(query), fetching).aliases).toBe(expected);
  });
});

describe('findCostProblem', () => {
  const limits = { ...options, fetchCost: 10, maxCost: 5000, maxAliases: 30 };
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: article(documentId: "${i}") { title }`).join(' ')} }`;

  it('lets a website query through', () => {
    expect(findCostProblem(schema, parse('{ articles(pagination: { pageSize: 20 }) { title slug category { name } } }'), {}, limits)).toBeNull();
  });

  it('refuses the 2,400-alias attack by its alias count', () => {
    const problem = findCostProblem(schema, parse(aliased(2400)), {}, limits);
    expect(problem?.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', aliases: 2400, maxAliases: 30 });
    expect(problem?.message).toContain('tối đa 30');
  });

  it('refuses the alias attack by its cost when aliases are allowed', () => {
    const problem = findCostProblem(schema, parse(aliased(2400)), {}, { ...limits, maxAliases: 10_000 });
    expect(problem?.extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', cost: 2400 * 12, maxCost: 5000 });
  });

  it('refuses an expensive query with its cost and the limit', () => {
    const problem = findCostProblem(schema, parse('{ articles(pagination: { pageSize: 100 }) { blocs { members { name } } } }'), {}, { ...limits, fetchCost: 0, maxCost: 1000 });
    const cost = 1 + 100 * (1 + 25 * (1 + 25 * 1));
    expect(problem?.message).toContain(`chi phí ${cost}, tối đa 1000`);
    expect(problem?.extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', cost, maxCost: 1000 });
  });

  it('judges a variable page size by its value', () => {
    const query = parse('query($s: Int) { articles(pagination: { pageSize: $s }) { blocs { members { name } } } }');
    const small = { ...limits, fetchCost: 0, maxCost: 1000 };
    expect(findCostProblem(schema, query, { s: 1 }, small)).toBeNull();
    expect(findCostProblem(schema, query, { s: 100 }, small)).not.toBeNull();
  });
});
