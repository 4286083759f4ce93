import { parse } from 'graphql';
import { findNul } from '../../src/graphql/nul-guard';

describe('findNul (GraphQL arguments carrying NUL)', () => {
  it.each([
    ['a clean literal', '{ articles(filters: { title: { eq: "Hội nghị" } }) { title } }', {}, false],
    ['NUL in a literal', '{ articles(filters: { title: { eq: "Hội\\u0000nghị" } }) { title } }', {}, true],
    ['NUL in a nested list literal', '{ articles(filters: { title: { in: ["a", "b\\u0000"] } }) { title } }', {}, true],
    ['NUL in a block string', '{ articlePage(slug: """tin\u0000""") { slug } }', {}, true],
    ['NUL in a variable', 'query($s: String!) { articlePage(slug: $s) { slug } }', { s: 'tin\u0000moi' }, true],
    ['NUL in a nested variable', 'query($f: ArticleFiltersInput) { articles(filters: $f) { title } }', { f: { or: [{ title: { eq: 'x\u0000' } }] } }, true],
    ['NUL in a variable key', 'query($f: ArticleFiltersInput) { articles(filters: $f) { title } }', { f: { ['ti\u0000tle']: 1 } }, true],
    ['clean variables', 'query($s: String!) { articlePage(slug: $s) { slug } }', { s: 'tin-moi' }, false],
  ])('%s', (_name, query, variables, expected) => {
    expect(findNul(parse(query), variables)).toBe(expected);
  });
});
