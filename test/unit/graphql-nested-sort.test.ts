import { parse, type OperationDefinitionNode } from 'graphql';
import { findNestedRelationSort } from '../../src/graphql/nested-sort';

const check = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return findNestedRelationSort(document, operation, variables);
};

describe('findNestedRelationSort', () => {
  it.each<[string, Record<string, unknown>, string | null]>([
    ['{ articles(sort: "category.name") { title } }', {}, null],
    ['{ articles { blocs(sort: "name:asc") { name } } }', {}, null],
    ['{ articles { blocs(sort: "movements.name") { name } } }', {}, 'blocs(sort: "movements.name")'],
    ['{ articles { blocs(sort: ["name", "members.name:desc"]) { name } } }', {}, 'blocs(sort: "members.name")'],
    ['query($s: [String]) { articles { blocs(sort: $s) { name } } }', { s: ['articles.title:asc'] }, 'blocs(sort: "articles.title")'],
    ['query($s: [String]) { articles { blocs(sort: $s) { name } } }', { s: ['name'] }, null],
    ['{ a: articles { ...F } } fragment F on Article { agencies(sort: "blocs.name") { name } }', {}, 'agencies(sort: "blocs.name")'],
    ['{ articles { ... on Article { related { agencies(sort: "articles.title") { name } } } } }', {}, 'agencies(sort: "articles.title")'],
    ['{ articles_connection(sort: "category.name") { nodes { title } } }', {}, null],
  ])('%s', (query, variables, expected) => {
    expect(check(query, variables)).toBe(expected);
  });
});
