#!/usr/bin/env node
// npm run bench:profile — where a request's CPU time goes, by part of the stack (issue 21 item 4).
// The app (SQLite, the sample content, production mode) runs in a child; for each scenario the
// parent warms the route, starts V8's sampling profiler in the child (node:inspector), drives
// BENCH_SECONDS (10) of load with BENCH_CONNECTIONS (10) and stops it. Samples are grouped:
//   self      — the code the CPU was in (our middlewares, our plugins, a Strapi package, koa, node…)
//   inclusive — the share of samples with one of our middlewares or plugins anywhere on the stack.
// BENCH_ARTICLES (0) generated articles are added to the sample first (their own category, as the
// other benches), BENCH_ONLY keeps the scenarios whose name contains it (e.g. "miss").
// Prints a table per scenario, then all of it as JSON. A measurement, not a test.
const inspector = require('node:inspector');
const path = require('node:path');
const autocannon = require('autocannon');
const { appDir, bootStrapi, forkServer, serveUntilStopped, stopServer } = require('./lib/server-process');

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const ARTICLES = Number(process.env.BENCH_ARTICLES || 0);
const ONLY = process.env.BENCH_ONLY || '';

/** The part of the stack a profile frame belongs to, from its script URL. */
function groupOf(url, functionName) {
  if (!url) return functionName && functionName.startsWith('(') ? functionName : 'node (native)';
  const file = url.replace(/^file:\/\//, '');
  if (file.startsWith('node:')) return 'node (core modules)';
  let m = /\/dist\/src\/middlewares\/([^/]+)\.js$/.exec(file);
  if (m) return `app middleware ${m[1]}`;
  m = /\/src\/plugins\/([^/]+)\/dist\/server\/(middlewares|services|controllers)?/.exec(file);
  if (m) return `plugin ${m[1]}`;
  m = /\/dist\/(src|config)\/([^/]+)/.exec(file);
  if (m && !file.includes('node_modules')) return `app ${m[1]}/${m[2].replace(/\.js$/, '')}`;
  m = /node_modules\/(@[^/]+\/[^/]+|[^/]+)\//.exec(file);
  if (m) return m[1].startsWith('@strapi/') ? `strapi ${m[1].slice(8)}` : m[1];
  return 'other';
}

/** Inclusive groups: only ours, so the table says what each of our layers costs with what it calls. */
const ours = (group) => group.startsWith('app ') || group.startsWith('plugin ');

function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const groupCache = new Map();
  const group = (n) => {
    if (!groupCache.has(n.id)) groupCache.set(n.id, groupOf(n.callFrame.url, n.callFrame.functionName));
    return groupCache.get(n.id);
  };
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  let idle = 0;
  for (const id of profile.samples) {
    const node = byId.get(id);
    const g = group(node);
    if (g === '(idle)') {
      idle += 1;
      continue;
    }
    total += 1;
    self.set(g, (self.get(g) ?? 0) + 1);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const ag = group(byId.get(at));
      if (ours(ag)) seen.add(ag);
    }
    for (const ag of seen) inclusive.set(ag, (inclusive.get(ag) ?? 0) + 1);
  }
  const pct = (n) => Math.round((1000 * n) / Math.max(1, total)) / 10;
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([name, n]) => ({ name, percent: pct(n) }));
  return { busySamples: total, idleSamples: idle, self: sorted(self), inclusive: sorted(inclusive) };
}

async function child() {
  const server = await bootStrapi('sqlite', 'tdkt_bench_profile', { NODE_ENV: 'production', SCHEDULED_PUBLISHING: 'false', RATE_LIMIT_API: '100000000/min' });
  await server.strapi.plugin('image-pipeline').service('queue').idle();
  if (ARTICLES > 0) await require('./lib/article-rows').insertArticles(server.strapi, ARTICLES);
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  process.on('message', async (msg) => {
    if (msg === 'profile-start') {
      await post('Profiler.start');
      process.send({ started: true });
    } else if (msg === 'profile-stop') {
      const { profile } = await post('Profiler.stop');
      // BENCH_PROFILE_DIR: the raw profile too (open it in Chrome's DevTools, Performance tab).
      if (process.env.BENCH_PROFILE_DIR) require('node:fs').writeFileSync(path.join(process.env.BENCH_PROFILE_DIR, `${Date.now()}.cpuprofile`), JSON.stringify(profile));
      process.send({ summary: summarize(profile) });
    }
  });
  await serveUntilStopped(server);
}

const ask = (server, msg, key) =>
  new Promise((resolve) => {
    const on = (m) => {
      if (m && key in m) {
        server.child.off('message', on);
        resolve(m[key]);
      }
    };
    server.child.on('message', on);
    server.child.send(msg);
  });

async function parent() {
  await require('@strapi/strapi').compileStrapi({ appDir, ignoreDiagnostics: true });
  const server = await forkServer(__filename, ['child'], { NODE_ENV: 'production' });
  const base = `http://127.0.0.1:${server.port}`;
  const get = async (p, headers = {}) => {
    const res = await fetch(base + p, { headers });
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
    return res;
  };
  // The newest article: with BENCH_ARTICLES, one of the generated (the largest category).
  const article = (await (await get('/api/articles?pagination[pageSize]=1&sort=id:desc')).json()).data[0];
  // A session cookie makes the API cache step aside (uncached path, same answer).
  const miss = { cookie: 'koa.sess=bench' };
  const scenarios = [
    { name: 'hit: article page', path: `/api/articles/by-slug/${article.slug}` },
    { name: 'hit: search', path: '/api/search?q=thi%20dua' },
    { name: 'hit: list of 20', path: '/api/articles?pagination[pageSize]=20' },
    { name: 'miss: article page', path: `/api/articles/by-slug/${article.slug}`, headers: miss },
    { name: 'miss: list of 20', path: '/api/articles?pagination[pageSize]=20', headers: miss },
  ];
  const results = [];
  try {
    for (const s of scenarios.filter((one) => one.name.includes(ONLY))) {
      for (let i = 0; i < 3; i += 1) await get(s.path, s.headers);
      const cache = (await get(s.path, s.headers)).headers.get('x-cache') ?? '';
      await ask(server, 'profile-start', 'started');
      const load = await autocannon({ url: base + s.path, headers: s.headers ?? {}, connections: CONNECTIONS, duration: SECONDS });
      const summary = await ask(server, 'profile-stop', 'summary');
      results.push({ scenario: s.name, cache, requestsPerSecond: Math.round(load.requests.average), non2xx: load.non2xx, ...summary });
    }
  } finally {
    await stopServer(server);
  }
  for (const r of results) {
    console.log(`\n${r.scenario} — ${r.requestsPerSecond} req/s, X-Cache ${r.cache || '-'}, ${r.busySamples} busy samples`);
    console.log('  self (where the CPU was)                 %   | inclusive (ours, with what it calls)   %');
    const rows = Math.max(Math.min(12, r.self.length), Math.min(12, r.inclusive.length));
    for (let i = 0; i < rows; i += 1) {
      const a = r.self[i];
      const b = r.inclusive[i];
      console.log(`  ${(a?.name ?? '').padEnd(38)} ${a ? String(a.percent).padStart(5) : '     '}   | ${(b?.name ?? '').padEnd(36)} ${b ? String(b.percent).padStart(5) : ''}`);
    }
  }
  console.log(`\n${JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, results }, null, 1)}`);
}

if (process.argv[2] === 'child') child();
else parent().catch((e) => {
  console.error(e);
  process.exit(1);
});
