#!/usr/bin/env node
// npm run bench — hot public reads: Strapi with the API cache off (as shipped), on (cold and hot),
// and a bare node:http server sending the identical bytes, in one run, 20 connections × 10 s each.
// Routes: a list page of 20 articles, an article by slug, search, the RSS feed, one article by a
// slug filter, the sitemap index; then issue 21's targets against them. The servers run in
// their own processes (the load generator does not share their CPU accounting).
// A benchmark, not a test. BENCH_ARTICLES (default 10000), BENCH_SECONDS (10), BENCH_CONNECTIONS (20).
const http = require('node:http');
const autocannon = require('autocannon');
const { insertArticles } = require('./lib/article-rows');
const { appDir, bootStrapi, forkServer, residentMB, serveUntilStopped, stopServer } = require('./lib/server-process');
const N = Number(process.env.BENCH_ARTICLES || 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 20);

// ---------------------------------------------------------------- child: Strapi

async function serveStrapi(mode) {
  const app = await bootStrapi('sqlite', 'tdkt_bench_api', { SEED_SAMPLE_DATA: 'false', API_CACHE: mode, SCHEDULED_PUBLISHING: 'false' });
  await insertArticles(app.strapi, N);
  const slug = (await app.strapi.db.connection('articles').select('slug').orderBy('id', 'desc').first()).slug;
  await serveUntilStopped(app, { slug });
}

// ---------------------------------------------------------------- child: static server

function serveStatic() {
  const pages = new Map();
  process.on('message', (msg) => {
    if (msg.pages) for (const [url, { type, body }] of Object.entries(msg.pages)) pages.set(url, { type, body: Buffer.from(body, 'base64') });
    if (msg === 'stop') process.exit(0);
  });
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url);
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': page.type, 'Content-Length': page.body.length });
    res.end(page.body);
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
}

// ---------------------------------------------------------------- parent

const start = (args) => forkServer(__filename, args);

async function load(port, requests) {
  const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: SECONDS, requests });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function main() {
  if (process.argv[2] === 'strapi') return serveStrapi(process.argv[3]);
  if (process.argv[2] === 'static') return serveStatic();
  await require('@strapi/strapi').compileStrapi({ appDir, ignoreDiagnostics: true });

  // Each route, and a "cold" variant: every request a new cache key that is still a valid request.
  const q = `/api/search?q=${encodeURIComponent('thi đua khen thưởng')}`;
  const routes = (slug) => ({
    'list of 20': ['/api/articles?pagination[pageSize]=20&sort=dateline:desc&populate[category][fields][0]=name', (n) => `/api/articles?pagination[pageSize]=20&sort=dateline:desc&populate[category][fields][0]=name&pagination[page]=${n}`],
    'article by slug': [`/api/articles/by-slug/${slug}`, (n) => `/api/articles/by-slug/${slug}?page=${n}`],
    // Search serves at most 1,000 results: pages 1–20 of sizes 1–50 make 1,000 distinct keys.
    search: [`${q}&pageSize=10`, (n) => `${q}&page=${1 + (n % 20)}&pageSize=${1 + (Math.floor(n / 20) % 50)}`],
    'RSS feed': ['/api/feeds/rss.xml', (n) => `/api/feeds/rss.xml?cold=${n}`],
    // What a website does to find one article by its slug through Strapi's own list route.
    'slug filter': [`/api/articles?filters[slug][$eq]=${slug}`, (n) => `/api/articles?filters[slug][$eq]=${slug}&pagination[pageSize]=${1 + (n % 100)}&pagination[page]=${1 + Math.floor(n / 100)}`],
    'sitemap index': ['/api/sitemap.xml', (n) => `/api/sitemap.xml?cold=${n}`],
  });
  const results = {};
  let bodies = {};
  for (const mode of ['off', 'on']) {
    console.error(`[bench] API cache ${mode}: seeding ${N} articles…`);
    const server = await start(['strapi', mode]);
    const urls = routes(server.slug);
    for (const [name, [url, coldUrl]] of Object.entries(urls)) {
      results[name] ??= { url };
      if (mode === 'off') {
        results[name].off = await load(server.port, [{ path: url }]);
      } else {
        // Cold: every request a different key (the page number), so each one is a miss and a store.
        let n = 0;
        results[name].cold = await load(server.port, [{ setupRequest: (req) => ({ ...req, path: coldUrl((n += 1)) }) }]);
        results[name].hot = await load(server.port, [{ path: url }]);
        const res = await fetch(`http://127.0.0.1:${server.port}${url}`);
        bodies[url] = { type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()).toString('base64') };
      }
    }
    results[`rssMB_${mode}`] = residentMB(server.child.pid);
    await stopServer(server);
  }
  const fixed = await start(['static']);
  fixed.child.send({ pages: bodies });
  for (const [name, { url }] of Object.entries(results).filter(([, v]) => v && v.url)) results[name].static = await load(fixed.port, [{ path: url }]);
  await stopServer(fixed);

  console.log(`\n${N} articles, SQLite, ${CONNECTIONS} connections × ${SECONDS} s each (req/s, latency p50/p99 ms)`);
  console.log('| route | cache off | cache on, cold | cache on, hot | static node:http | hot/off | hot/static |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const cell = (r) => `${r.rps} (${r.p50}/${r.p99})${r.errors ? ` ${r.errors} errors` : ''}`;
  for (const [name, r] of Object.entries(results).filter(([, v]) => v && v.url)) {
    console.log(`| ${name} | ${cell(r.off)} | ${cell(r.cold)} | ${cell(r.hot)} | ${cell(r.static)} | ${(r.hot.rps / r.off.rps).toFixed(1)}× | ${Math.round((100 * r.hot.rps) / r.static.rps)} % |`);
  }
  // Issue 21's targets, against the figures in its table (cache off: list 61 req/s, slug filter 19
  // with p99 8,584 ms, search 162): multiples of those, p99, and hot answers as a share of node:http.
  const TARGETS = {
    'list of 20': { off: 2.5 * 61, hotStatic: 75 },
    'slug filter': { off: 10 * 19, p99: 500 },
    search: { off: 1.5 * 162, hotStatic: 60 },
    'article by slug': { hotStatic: 60 },
  };
  console.log('\n| target (issue 21) | wanted | measured | met |');
  console.log('| --- | ---: | ---: | --- |');
  const target = (what, wanted, measured, met) => console.log(`| ${what} | ${wanted} | ${measured} | ${met ? 'yes' : 'no'} |`);
  for (const [name, t] of Object.entries(TARGETS)) {
    const r = results[name];
    if (t.off) target(`${name}, cache off req/s`, `≥ ${Math.round(t.off)}`, r.off.rps, r.off.rps >= t.off);
    if (t.p99) target(`${name}, cache off p99 ms`, `< ${t.p99}`, r.off.p99, r.off.p99 < t.p99);
    if (t.hotStatic) {
      const share = Math.round((100 * r.hot.rps) / r.static.rps);
      target(`${name}, hot / static`, `≥ ${t.hotStatic} %`, `${share} %`, share >= t.hotStatic);
    }
  }
  console.log(`\nServer RSS after its runs: cache off ${results.rssMB_off} MB, cache on ${results.rssMB_on} MB`);
  console.log(JSON.stringify({ articles: N, connections: CONNECTIONS, seconds: SECONDS, results }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
