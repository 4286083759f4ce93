#!/usr/bin/env node
// npm run bench:queries — the uncached path (API_CACHE=off), SQLite or PostgreSQL
// (BENCH_DATABASE=postgres), in one run:
// 1. SQL statements per public request on the sample content (each route warmed once, then
//    counted; BENCH_VERBOSE=1 prints every statement);
// 2. then with BENCH_ARTICLES (10,000) more articles: median time of BENCH_ROUNDS (15) requests
//    one at a time per route, with the read indexes (src/bootstrap/indexes.ts) and without them.
// A measurement, not a test (the N+1 guard lives in test/integration/query-count.test.ts).
const request = require('supertest');
const { countQueries } = require('../test/helpers/count-queries');
const { insertArticles } = require('./lib/article-rows');
const { bootStrapi } = require('./lib/server-process');
const database = process.env.BENCH_DATABASE || 'sqlite';
const verbose = process.env.BENCH_VERBOSE === '1';
const N = Number(process.env.BENCH_ARTICLES || 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 15);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];


async function main() {
  const { strapi, drop } = await bootStrapi(database, 'tdkt_bench_queries', { API_CACHE: 'off', SCHEDULED_PUBLISHING: 'false' });
  strapi.server.mount();
  // Sample covers get their sizes in the background; those statements must not be counted.
  await strapi.plugin('image-pipeline').service('queue').idle();
  const http = request(strapi.server.httpServer);
  try {
    const article = (await http.get('/api/articles?pagination[pageSize]=1')).body.data[0];
    const bloc = (await http.get('/api/blocs?pagination[pageSize]=1')).body.data[0];
    const routes = {
      'list of 10': '/api/articles',
      'list + category': '/api/articles?populate[category]=true',
      'list populate=*': '/api/articles?populate=*',
      'article by id populate=*': `/api/articles/${article.documentId}?populate=*`,
      'article by slug (newsroom)': `/api/articles/by-slug/${article.slug}`,
      'bloc by slug (newsroom)': `/api/blocs/by-slug/${bloc.slug}`,
      'search': '/api/search?q=thi%20dua',
      'RSS': '/api/feeds/rss.xml',
      'sitemap index': '/api/sitemap.xml',
    };
    const rows = [];
    for (const [name, url] of Object.entries(routes)) {
      await http.get(url).expect(200);
      const { result, statements } = await countQueries(strapi, () => http.get(url));
      if (result.status !== 200) throw new Error(`${url} answered ${result.status}`);
      rows.push({ route: name, url, queries: statements.length });
      if (verbose) for (const { sql } of statements) console.log(`  ${name}: ${sql}`);
    }
    console.log(`SQL statements per request, API_CACHE=off, ${database}, sample content`);
    console.table(rows.map(({ route, queries }) => ({ route, queries })));

    console.error(`[bench] inserting ${N} articles…`);
    await insertArticles(strapi, N);
    const knex = strapi.db.connection;
    const { READ_INDEXES, ensureReadIndexes } = require('../dist/src/bootstrap/indexes');
    const newest = (await http.get('/api/articles?pagination[pageSize]=1')).body.data[0];
    const timed = {
      'list of 20 + category': '/api/articles?pagination[pageSize]=20&populate[category][fields][0]=name',
      'list page 50 of 20': '/api/articles?pagination[pageSize]=20&pagination[page]=50',
      'article by slug (newsroom)': `/api/articles/by-slug/${newest.slug}`,
      'category page (newsroom)': `/api/categories/by-slug/${(await http.get('/api/categories?sort=id:desc&pagination[pageSize]=1')).body.data[0].slug}`,
      RSS: '/api/feeds/rss.xml',
      'news sitemap': '/api/news-sitemap.xml',
    };
    // Rounds alternate between the two states, so a busy moment of a shared machine hits both.
    const samples = {};
    for (const name of Object.keys(timed)) await http.get(timed[name]);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const phase of ['with index', 'without index']) {
        if (phase === 'with index') await ensureReadIndexes(strapi);
        else for (const { name } of READ_INDEXES) await knex.raw('DROP INDEX ??', [name]);
        for (const [name, url] of Object.entries(timed)) {
          const start = process.hrtime.bigint();
          const res = await http.get(url);
          if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
          ((samples[name] ??= {})[phase] ??= []).push(Number(process.hrtime.bigint() - start) / 1e6);
        }
      }
    }
    const times = Object.fromEntries(
      Object.entries(samples).map(([name, phases]) => [name, Object.fromEntries(Object.entries(phases).map(([phase, ms]) => [phase, Math.round(median(ms) * 10) / 10]))])
    );
    await ensureReadIndexes(strapi);
    console.log(`\nMedian ms of ${ROUNDS} requests one at a time, ${N + rows.length} articles, API_CACHE=off, ${database}`);
    console.table(Object.entries(times).map(([route, t]) => ({ route, 'without index': t['without index'], 'with index': t['with index'], speed_up: `${(t['without index'] / t['with index']).toFixed(1)}×` })));
    console.log(JSON.stringify({ database, articles: N, rows, times }));
  } finally {
    await strapi.destroy();
    await drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
