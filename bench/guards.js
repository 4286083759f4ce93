#!/usr/bin/env node
// npm run bench:guards — what the checks in front of every request cost, per call, in this
// process: the canonical path, the body walk of the request guard (depth and inherited keys) on a
// typical and on a maximal (1 MB) article body, the cache key from a parsed query, and the outbound
// address classifier. A measurement, not a test.
const qs = require('qs');
const { findPathProblem, canonicalPath, routeKey } = require('../dist/src/validation/path');
const { findStructureProblem } = require('../dist/src/validation/structure');
const { classifyHost } = require('../dist/src/security/outbound/addresses');
const { cacheKey } = require('../src/plugins/api-cache/dist/server/utils/cache-key');

const ROUNDS = Number(process.env.BENCH_ROUNDS || 2000);

/** Microseconds per call, median of 5 runs of ROUNDS calls. */
function measure(fn, rounds = ROUNDS) {
  fn();
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) fn();
    runs.push(Number(process.hrtime.bigint() - start) / 1000 / rounds);
  }
  return runs.sort((a, b) => a - b)[2];
}

const paragraph = (i) => ({ type: 'paragraph', children: [{ type: 'text', text: `Đoạn ${i} của bài tổng kết thi đua. `.repeat(8) }, { type: 'text', text: 'Khen thưởng', bold: true }] });
const body = (paragraphs) => ({ data: { title: 'Hội nghị tổng kết', summary: 'Tóm tắt', body: Array.from({ length: paragraphs }, (_, i) => paragraph(i)), seo: { metaTitle: 'SEO' } } });
const typical = body(20);
const maximal = body(2600);
const query = qs.parse('locale=vi&sort[0]=dateline:desc&populate[cover]=true&populate[category][fields][0]=name&filters[title][$containsi]=hoi&pagination[pageSize]=20', {
  strictNullHandling: true,
  arrayLimit: 100,
  depth: 20,
});

const SPELLING = '/API/Articles/by-slug/hoi-nghi-tong-ket/';

const rows = [
  {
    check: 'canonical path (problem, trailing slash, route key)',
    size: `${SPELLING.length} chars`,
    us: measure(() => findPathProblem(SPELLING) ?? routeKey(canonicalPath(SPELLING)), 100_000),
  },
  { check: 'body walk, typical article', size: `${JSON.stringify(typical).length} B`, us: measure(() => findStructureProblem(typical)) },
  { check: 'body walk, maximal article', size: `${JSON.stringify(maximal).length} B`, us: measure(() => findStructureProblem(maximal), 50) },
  { check: 'cache key from the parsed query (6 parameters)', size: '', us: measure(() => cacheKey('GET', '/api/articles', query), 100_000) },
  { check: 'classify a URL host (0x7f000001)', size: '', us: measure(() => classifyHost('0x7f000001'), 100_000) },
].map((r) => ({ ...r, us: Number(r.us.toFixed(2)) }));

console.log('Cost per call, µs (median of 5 runs)');
console.table(rows);
console.log(JSON.stringify({ rounds: ROUNDS, rows }));
