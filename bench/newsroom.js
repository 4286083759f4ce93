#!/usr/bin/env node
// npm run bench:newsroom (and the second half of npm run bench) — a working newsroom (issue 16):
// 10,000 articles; 5,000 distinct public URLs (article pages, list pages, category pages, feeds,
// search) requested with Zipf popularity (s = 1.0) by 20 connections for 60 s, while one editor
// saves a draft every 2 s and publishes an update every 30 s, and an anonymous client sends a
// refused POST every second. Side by side in one run: API_CACHE_INVALIDATION=flush-all (the
// behaviour before cache tags) and precise. Every URL is read once before the clock starts (a warm
// cache, as a site in service has). After each write, the written article's page, the lists, the
// feed and 20 random URLs are read through the cache and around it (a Cookie header bypasses it):
// a difference is a stale answer. Then the revalidation webhooks: publish → receipt at a local
// receiver, p50/p95, and none lost across a restart of the app in the middle of a stream.
// A benchmark, not a test. BENCH_ARTICLES (10000), BENCH_URLS (5000), BENCH_SECONDS (60),
// BENCH_CONNECTIONS (20), BENCH_HOOK_EVENTS (40).
const http = require('node:http');
const path = require('node:path');
const autocannon = require('autocannon');
const { insertArticles } = require('./lib/article-rows');
const { appDir, bootStrapi, forkServer, serveUntilStopped, stopServer } = require('./lib/server-process');

const N = Number(process.env.BENCH_ARTICLES || 10_000);
const URLS = Number(process.env.BENCH_URLS || 5000);
const SECONDS = Number(process.env.BENCH_SECONDS || 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 20);
const HOOK_EVENTS = Number(process.env.BENCH_HOOK_EVENTS || 40);
const EDITED = 20; // articles the editor works on, made through the Document Service (draft + published rows)
const ARTICLE = 'api::article.article';

// ---------------------------------------------------------------- child: Strapi

async function serveStrapi(invalidation) {
  const app = await bootStrapi('sqlite', 'tdkt_bench_newsroom', {
    SEED_SAMPLE_DATA: 'false',
    SCHEDULED_PUBLISHING: 'false',
    API_CACHE_INVALIDATION: invalidation,
    // 20 connections stand for many visitors behind one address.
    CLIENT_MAX_IN_FLIGHT: '1000',
  });
  const { strapi } = app;
  await insertArticles(strapi, N);
  const docs = strapi.documents(ARTICLE);
  const edited = [];
  const category = await strapi.db.connection('categories').whereNotNull('published_at').first();
  for (let i = 0; i < EDITED; i += 1) {
    const doc = await docs.create({ locale: 'vi', data: { title: `Tin biên tập viên đang sửa số ${i + 1}`, summary: 'Bản đầu', category: category.document_id } });
    await docs.publish({ documentId: doc.documentId, locale: 'vi' });
    edited.push(doc.documentId);
  }
  let round = 0;
  process.on('message', async (msg) => {
    if (!msg || !msg.cmd) return;
    const documentId = edited[(round += 1) % EDITED];
    const summary = `Bản sửa ${round} lúc ${new Date().toISOString()}`;
    await docs.update({ documentId, locale: 'vi', data: { summary } });
    if (msg.cmd === 'publish') await docs.publish({ documentId, locale: 'vi' });
    const row = await strapi.db.connection('articles').where({ document_id: documentId }).first();
    process.send({ done: msg.id, slug: row.slug });
  });
  const slugs = (await strapi.db.connection('articles').select('slug').whereNotNull('published_at').orderBy('id')).map((r) => r.slug);
  await serveUntilStopped(app, { slugs, categorySlug: category.slug });
}

// ---------------------------------------------------------------- parent

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null);

/** A seeded shuffle (mulberry32), so both modes request the same URLs with the same popularity. */
function shuffled(list, seed = 16) {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return { out, random };
}

/** The public URLs: ~94% article pages, the rest list pages, category pages, feeds and searches. */
function publicUrls(slugs, categorySlug) {
  const words = ['thi đua', 'khen thưởng', 'phong trào', 'hội nghị', 'tổng kết', 'lao động', 'nông dân', 'phụ nữ', 'thanh niên', 'cựu chiến binh'];
  const fixed = [
    '/api/feeds/rss.xml',
    '/api/feeds/atom.xml',
    '/api/feeds/feed.json',
    ...Array.from({ length: 120 }, (_, i) => `/api/articles?sort=dateline:desc&pagination[pageSize]=20&pagination[page]=${i + 1}`),
    ...Array.from({ length: 100 }, (_, i) => `/api/categories/by-slug/${categorySlug}?page=${i + 1}`),
    ...words.flatMap((w) => [1, 2, 3, 4, 5].map((p) => `/api/search?q=${encodeURIComponent(w)}&page=${p}`)),
  ];
  const pages = slugs.slice(-(URLS - fixed.length)).map((s) => `/api/articles/by-slug/${s}`);
  return shuffled([...fixed, ...pages]).out.slice(0, URLS);
}

/** Zipf (s = 1) over ranks 1…n: an inverse-CDF table. */
function zipf(n, random) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 1; k <= n; k += 1) cdf[k - 1] = sum += 1 / k;
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

async function get(port, url, bypass) {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, bypass ? { headers: { Cookie: 'bench=bypass' } } : {});
  return { status: res.status, body: await res.text() };
}

async function runMode(invalidation) {
  console.error(`[bench] ${invalidation}: seeding ${N} articles…`);
  const server = await forkServer(__filename, ['strapi', invalidation]);
  const port = server.port;
  const urls = publicUrls(server.slugs, server.categorySlug);
  // Warm: every URL once, 20 at a time.
  for (let i = 0; i < urls.length; i += CONNECTIONS) await Promise.all(urls.slice(i, i + CONNECTIONS).map((u) => get(port, u)));

  let next = 0;
  const waiting = new Map();
  server.child.on('message', (m) => m && m.done && waiting.get(m.done)?.(m));
  const write = (cmd) => new Promise((resolve) => (waiting.set((next += 1), resolve), server.child.send({ cmd, id: next })));
  const { random } = shuffled([], 7);
  const pick = zipf(urls.length, random);
  let stale = 0;
  let checked = 0;
  let writes = 0;
  let refused = 0;
  const check = async (slug) => {
    const sample = [`/api/articles/by-slug/${slug}`, '/api/feeds/rss.xml', urls.find((u) => u.startsWith('/api/articles?')), urls.find((u) => u.startsWith('/api/categories/'))];
    for (let i = 0; i < 20; i += 1) sample.push(urls[Math.floor(random() * urls.length)]);
    for (const url of sample) {
      const [cached, fresh] = [await get(port, url), await get(port, url, true)];
      checked += 1;
      if (cached.status !== fresh.status || cached.body !== fresh.body) stale += 1;
    }
  };
  const stopAt = Date.now() + SECONDS * 1000;
  const editor = (async () => {
    for (let t = 2; Date.now() < stopAt; t += 2) {
      await new Promise((r) => setTimeout(r, Math.max(0, stopAt - SECONDS * 1000 + t * 1000 - Date.now())));
      if (Date.now() >= stopAt) break;
      const { slug } = await write(t % 30 === 0 ? 'publish' : 'draft');
      writes += 1;
      await check(slug);
    }
  })();
  const anonymous = (async () => {
    while (Date.now() < stopAt) {
      const res = await fetch(`http://127.0.0.1:${port}/api/articles`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"data":{"title":"x"}}' });
      if (res.status === 403) refused += 1;
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  let hits = 0;
  let answered = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => ({ ...req, path: urls[pick()] }),
        onResponse: (status, _body, _context, headers) => {
          answered += 1;
          if ((headers['x-cache'] ?? headers['X-Cache']) === 'HIT') hits += 1;
        },
      },
    ],
  });
  await Promise.all([editor, anonymous]);
  await stopServer(server);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    hitRatio: Math.round((1000 * hits) / answered) / 10,
    errors: result.errors + result.non2xx,
    writes,
    refusedPosts: refused,
    checked,
    stale,
  };
}

/** A local receiver recording when each event arrived. */
function receiver() {
  const got = new Map();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const event = JSON.parse(body);
      if (!got.has(event.documentId)) got.set(event.documentId, Date.now());
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ got, server, port: server.address().port })));
}

async function runWebhooks() {
  const { createTestEnv } = require('../test/helpers/test-env');
  const { fork } = require('node:child_process');
  const hook = await receiver();
  const { env: base, drop } = await createTestEnv('sqlite', 'tdkt_bench_hook');
  const env = {
    ...base,
    SEED_SAMPLE_DATA: 'false',
    SCHEDULED_PUBLISHING: 'false',
    LOG_LEVEL: 'error',
    REVALIDATE_WEBHOOK_URLS: `http://127.0.0.1:${hook.port}/revalidate`,
    REVALIDATE_WEBHOOK_SECRET: 'bench-secret-0123456789',
    OUTBOUND_ALLOW: '127.0.0.1',
  };
  // The process test's app (test/process/cache-instance.js): publishes when asked, stops on 'stop'.
  const start = () =>
    new Promise((resolve) => {
      const child = fork(path.join(appDir, 'test/process/cache-instance.js'), [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      const waiting = new Map();
      let id = 0;
      child.on('message', (m) => (m.ready ? resolve({ child, ask }) : waiting.get(m.id)?.(m)));
      const ask = (msg) => new Promise((r) => (waiting.set((id += 1), r), child.send({ ...msg, id })));
    });
  const stop = (app) => new Promise((resolve) => (app.child.once('exit', resolve), app.child.send({ cmd: 'stop' })));
  let app = await start();
  const sent = new Map();
  const latencies = [];
  for (let i = 0; i < HOOK_EVENTS; i += 1) {
    const at = Date.now();
    const { documentId } = await app.ask({ cmd: 'publish', title: `Tin gửi webhook số ${i + 1}` });
    sent.set(documentId, at);
    while (!hook.got.has(documentId) && Date.now() - at < 5000) await new Promise((r) => setTimeout(r, 2));
    if (hook.got.has(documentId)) latencies.push(hook.got.get(documentId) - at);
  }
  // Mid-stream restart: the receiver refuses while 10 more are published, the app stops, the
  // receiver comes back, a new app process starts on the same database and sends what is left.
  const listener = hook.server.listeners('request')[0];
  hook.server.removeAllListeners('request');
  hook.server.on('request', (req, res) => {
    req.resume();
    res.writeHead(503).end();
  });
  const restartStream = [];
  for (let i = 0; i < 10; i += 1) restartStream.push((await app.ask({ cmd: 'publish', title: `Tin trong lúc khởi động lại ${i + 1}` })).documentId);
  await stop(app);
  hook.server.removeAllListeners('request');
  hook.server.on('request', listener);
  const restartedAt = Date.now();
  app = await start();
  for (let i = 10; i < 20; i += 1) restartStream.push((await app.ask({ cmd: 'publish', title: `Tin trong lúc khởi động lại ${i + 1}` })).documentId);
  while (restartStream.some((d) => !hook.got.has(d)) && Date.now() - restartedAt < 30_000) await new Promise((r) => setTimeout(r, 50));
  const lost = restartStream.filter((d) => !hook.got.has(d)).length;
  await stop(app);
  hook.server.close();
  await drop();
  latencies.sort((a, b) => a - b);
  return { events: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies[latencies.length - 1], restartStream: restartStream.length, lost, secondsToDrainAfterRestart: Math.round((Date.now() - restartedAt) / 100) / 10 };
}

async function main() {
  if (process.argv[2] === 'strapi') return serveStrapi(process.argv[3]);
  await require('@strapi/strapi').compileStrapi({ appDir, ignoreDiagnostics: true });
  const modes = {};
  for (const mode of ['flush-all', 'precise']) modes[mode] = await runMode(mode);
  console.error('[bench] webhooks…');
  const hooks = await runWebhooks();

  console.log(`\n${N} articles, ${URLS} URLs (Zipf s=1), SQLite, ${CONNECTIONS} connections × ${SECONDS} s; a draft save every 2 s, a published update every 30 s, a refused anonymous POST every second`);
  console.log('| invalidation | req/s | hit ratio | p50 ms | p99 ms | errors | writes | refused POSTs | answers checked after writes | stale |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [mode, r] of Object.entries(modes)) console.log(`| ${mode} | ${r.rps} | ${r.hitRatio} % | ${r.p50} | ${r.p99} | ${r.errors} | ${r.writes} | ${r.refusedPosts} | ${r.checked} | ${r.stale} |`);
  console.log(`\nWebhooks: publish → receipt p50 ${hooks.p50} ms, p95 ${hooks.p95} ms, max ${hooks.max} ms (${hooks.events} events); restart mid-stream: ${hooks.restartStream} events, ${hooks.lost} lost, all received ${hooks.secondsToDrainAfterRestart} s after the restart`);
  console.log(JSON.stringify({ articles: N, urls: URLS, connections: CONNECTIONS, seconds: SECONDS, modes, webhooks: hooks }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
