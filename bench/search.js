#!/usr/bin/env node
// npm run bench:search — the search endpoint against Strapi's own $containsi filter, at
// BENCH_ARTICLES (default 100,000) generated Vietnamese articles, on SQLite and PostgreSQL.
// Prints a table and a JSON line. A benchmark, not a test: numbers vary with the machine.
const { spawnSync } = require('node:child_process');
const http = require('node:http');
const path = require('node:path');
const { createTestEnv, postgresReachable } = require('../test/helpers/test-env');
const { article } = require('./lib/vietnamese-corpus');
const { articleRows } = require('./lib/article-rows');

const appDir = path.resolve(__dirname, '..');
const N = Number(process.env.BENCH_ARTICLES || 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 20);
const QUERIES = ['hội nghị', 'thi đua', 'thủy lợi', 'Đoàn thể', 'nông thôn mới', 'chuyển đổi số', 'khen thưởng', 'Tân Lập', 'cựu chiến binh', 'sáng kiến kinh nghiệm'];

function get(port, urlPath) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get({ host: '127.0.0.1', port, path: urlPath, agent: keepAlive }, (res) => {
        let size = 0;
        res.on('data', (c) => (size += c.length));
        res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.statusCode, size }));
      })
      .on('error', reject);
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(port, makePath) {
  for (const q of QUERIES.slice(0, 3)) await get(port, makePath(q)); // warm-up
  const times = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const q of QUERIES) {
      const r = await get(port, makePath(q));
      if (r.status !== 200) throw new Error(`${makePath(q)} → ${r.status}`);
      times.push(r.ms);
    }
  }
  times.sort((a, b) => a - b);
  return { requests: times.length, p50: +percentile(times, 50).toFixed(2), p95: +percentile(times, 95).toFixed(2), max: +times.at(-1).toFixed(2) };
}

async function insertArticles(strapi) {
  const knex = strapi.db.connection;
  const slugify = strapi.plugin('vietnamese-text').service('slugs').make;
  const now = new Date();
  const started = Date.now();
  const batch = 1000;
  for (let from = 0; from < N; from += batch) {
    const rows = articleRows(from, Math.min(N, from + batch), slugify, now);
    await knex.batchInsert('articles', rows, 250);
  }
  return (Date.now() - started) / 1000;
}

async function runOne(database) {
  const { createStrapi, compileStrapi } = require('@strapi/strapi');
  const { env, drop } = await createTestEnv(database, 'tdkt_bench');
  Object.assign(process.env, env, { SEED_SAMPLE_DATA: 'false', LOG_LEVEL: 'error' });
  const { distDir } = await compileStrapi({ appDir, ignoreDiagnostics: true });
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    strapi.server.mount();
    await new Promise((r) => strapi.server.httpServer.listen(0, '127.0.0.1', r));
    const { port } = strapi.server.httpServer.address();

    const insertSeconds = await insertArticles(strapi);
    const indexStarted = Date.now();
    const indexed = await strapi.plugin('vietnamese-text').service('searchIndex').rebuild();
    const indexSeconds = (Date.now() - indexStarted) / 1000;

    const enc = encodeURIComponent;
    const search = await measure(port, (q) => `/api/search?q=${enc(q)}&type=article&pageSize=10`);
    const containsi = await measure(
      port,
      (q) => `/api/articles?filters[$or][0][title][$containsi]=${enc(q)}&filters[$or][1][summary][$containsi]=${enc(q)}&pagination[pageSize]=10&fields[0]=title&fields[1]=slug`
    );
    return { database, articles: N, indexed, insertSeconds, indexSeconds, search, containsi };
  } finally {
    await strapi.destroy();
    await drop();
  }
}

function slugThroughput() {
  const { slugify } = require(path.join(appDir, 'src/plugins/vietnamese-text/dist/server/utils/slugify'));
  const titles = Array.from({ length: 100_000 }, (_, i) => article(i).title);
  const started = process.hrtime.bigint();
  let length = 0;
  for (const t of titles) length += slugify(t).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { titles: titles.length, perSecond: Math.round(titles.length / seconds), averageLength: +(length / titles.length).toFixed(1) };
}

async function main() {
  const only = process.argv[2];
  if (only) {
    // Child process: one database, result as JSON on the last line.
    console.log(JSON.stringify(await runOne(only)));
    return;
  }
  // BENCH_DATABASES=sqlite,postgres (default both; PostgreSQL only when reachable).
  const wanted = (process.env.BENCH_DATABASES || 'sqlite,postgres').split(',');
  const databases = wanted.filter((d) => d === 'sqlite');
  if (wanted.includes('postgres')) {
    const pg = await postgresReachable();
    if (pg === true) databases.push('postgres');
    else console.warn(`PostgreSQL unreachable (${pg}); skipped.`);
  }

  const results = [];
  for (const database of databases) {
    console.error(`[bench] ${database}: ${N} articles…`);
    // A fresh process per database: Strapi keeps global state.
    const child = spawnSync(process.execPath, [__filename, database], { cwd: appDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`${database} run failed`);
    results.push(JSON.parse(child.stdout.trim().split('\n').pop()));
  }
  const slugs = slugThroughput();

  console.log(`\nSearch at ${N} articles, ${ROUNDS} rounds × ${QUERIES.length} queries, one connection (ms)`);
  console.log('| database | endpoint | p50 | p95 | max | insert s | index s |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(`| ${r.database} | /api/search | ${r.search.p50} | ${r.search.p95} | ${r.search.max} | ${r.insertSeconds.toFixed(1)} | ${r.indexSeconds.toFixed(1)} |`);
    console.log(`| ${r.database} | $containsi title or summary | ${r.containsi.p50} | ${r.containsi.p95} | ${r.containsi.max} | | |`);
    console.log(`| ${r.database} | ratio p95 containsi/search | | ${(r.containsi.p95 / r.search.p95).toFixed(1)}× | | | |`);
  }
  console.log(`\nSlugs: ${slugs.perSecond.toLocaleString('en')} titles/s (${slugs.titles} titles, average ${slugs.averageLength} characters)`);
  console.log(JSON.stringify({ articles: N, rounds: ROUNDS, queries: QUERIES, results, slugs }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
