#!/usr/bin/env node
// npm run bench:abuse — what four abusive clients do to everyone else (issue 14, item 2).
// The app (compiled, NODE_ENV=production, SQLite, the seeded sample) runs in a child process.
//  1. The original attack of issue 14 (a populate 7 levels deep, 100 per page), timed and sized,
//     first on a server whose bounds are lifted (what main did), then with the defaults.
//  2. The worst requests still allowed with the defaults: REST populate at the depth limit with the
//     largest page the row estimate accepts, and a GraphQL query at the cost limit.
//  3. Quiet p50/p95 of a cached read and of an uncached read (a new cache key each time), then the
//     same while 4 clients (each its own IP, BENCH_ABUSE_LOOPS parallel loops each, in a process of
//     their own) send those worst requests.
// The API rate limit is the default (600/min per client), as in production: an abuser that ignores
// Retry-After then gets cheap 429s. BENCH_RATE_LIMIT_API=1000000/min lifts it (measured: with 32
// loops hammering 429s and no rate limit, the 2-core machine's reads slowed past 1 s).
// A benchmark, not a test. BENCH_SAMPLES (default 100 per measured read), BENCH_ABUSE_LOOPS (default 4,
// the in-flight cap: each abuser keeps as many expensive requests running as it is allowed).
const { appDir, bootStrapi, forkServer, memoryOf, serveUntilStopped, stopServer } = require('./lib/server-process');

const SAMPLES = Number(process.env.BENCH_SAMPLES || 100);
const LOOPS = Number(process.env.BENCH_ABUSE_LOOPS || 4);
const ABUSERS = 4;
const WAIT_ON_429 = process.env.BENCH_ABUSERS_WAIT === '1';
const ATTACK =
  '/api/articles?pagination[pageSize]=100&populate[blocs][populate][members][populate][articles][populate][blocs][populate][members][populate][articles][populate]=*';
/** Bounds lifted: the server as main had it for this request. */
const LIFTED = {
  POPULATE_MAX_DEPTH: '100',
  POPULATE_MAX_PATHS: '100000',
  FILTER_MAX_CONDITIONS: '100000',
  ANSWER_MAX_RECORDS: '1000000000',
  ANSWER_MAX_BYTES: '2000000000',
  REQUEST_TIMEOUT_MS: '600000',
  CLIENT_MAX_IN_FLIGHT: '100000',
  HEAVY_MAX_IN_FLIGHT: '100000',
};

// ---------------------------------------------------------------- child: Strapi

async function serveStrapi(mode) {
  const app = await bootStrapi('sqlite', 'tdkt_bench_abuse', {
    NODE_ENV: 'production',
    SEED_SAMPLE_DATA: 'true',
    SCHEDULED_PUBLISHING: 'false',
    IS_PROXIED: 'true',
    RATE_LIMIT_API: process.env.BENCH_RATE_LIMIT_API || '600/min',
    // The production default (the test env the bench boots with turns the pause off).
    HEAVY_SHARE_PERCENT: process.env.BENCH_HEAVY_SHARE_PERCENT || '5',
    ...(mode === 'lifted' ? LIFTED : {}),
  });
  await app.strapi.plugin('image-pipeline').service('queue').idle();
  const articles = await app.strapi.db.connection('articles').whereNotNull('published_at').count({ n: '*' }).first();
  await serveUntilStopped(app, { articles: Number(articles.n) });
}

// ---------------------------------------------------------------- parent

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * One request: status, bytes, ms. `ip` is the client (X-Forwarded-For, trusted: IS_PROXIED).
 * A kept-alive socket the server closes as it is reused fails with ECONNRESET: sent once more,
 * timed from the first try (the reader would have waited that long).
 */
async function send(port, request, ip = '10.0.0.1') {
  const started = process.hrtime.bigint();
  try {
    return await sendOnce(port, request, ip, started);
  } catch {
    resets += 1;
    return sendOnce(port, request, ip, started);
  }
}
let resets = 0;

async function sendOnce(port, { path, graphql }, ip, started) {
  const res = await fetch(`http://127.0.0.1:${port}${path ?? '/graphql'}`, {
    method: graphql ? 'POST' : 'GET',
    headers: { 'X-Forwarded-For': ip, ...(graphql ? { 'Content-Type': 'application/json' } : {}) },
    body: graphql ? JSON.stringify(graphql) : undefined,
  });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { status: res.status, bytes: body.length, ms, body, cache: res.headers.get('x-cache'), retryAfter: Number(res.headers.get('retry-after') ?? 0) };
}

/** Sequential reads from one quiet client: p50/p95/max in ms and the statuses seen. */
async function measure(port, makeRequest, ip) {
  const times = [];
  const statuses = {};
  for (let n = 0; n < SAMPLES; n++) {
    const r = await send(port, makeRequest(n), ip);
    times.push(r.ms);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }
  times.sort((a, b) => a - b);
  const round = (x) => Math.round(x * 10) / 10;
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times[times.length - 1]), statuses };
}

/** Largest n in 1..max for which the request is allowed (200), by bisection; 0 if none. */
async function largestAllowed(port, makeRequest, max) {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const r = await send(port, makeRequest(mid));
    if (r.status === 200) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const restAtLimit = (populate) => (n) => ({ path: `/api/articles?pagination[pageSize]=${n}&${populate}` });
const REST_CANDIDATES = {
  'blocs.members.articles': 'populate[blocs][populate][members][populate][articles]=true',
  'blocs.members.*': 'populate[blocs][populate][members][populate]=*',
  'agencies.articles.*': 'populate[agencies][populate][articles][populate]=*',
};
const GRAPHQL_AT_LIMIT = (n) => ({
  graphql: {
    query: 'query($n: Int) { articles(pagination: { pageSize: $n }) { title summary body blocs { name members { name shortName } } agencies { name } } }',
    variables: { n },
  },
});

/** Child: ABUSERS clients × LOOPS loops alternating the two worst allowed requests, until told to stop. */
async function runAbusers({ port, worstRestPath, graphqlPage }) {
  let stop = false;
  const abuseStatuses = {};
  let abuseBytes = 0;
  let n = 0;
  const loop = async (ip, k) => {
    while (!stop) {
      n += 1;
      // Each with a new cache key. A refused client is told to retry after a second; an attacker does not wait.
      const request = (n + k) % 2 ? { path: `${worstRestPath}&filters[id][$ne]=${n}` } : GRAPHQL_AT_LIMIT(graphqlPage);
      const r = await send(port, request, ip).catch(() => ({ status: 'error', bytes: 0 }));
      abuseStatuses[r.status] = (abuseStatuses[r.status] ?? 0) + 1;
      abuseBytes += r.bytes;
      // BENCH_ABUSERS_WAIT=1: abusers that honour Retry-After (only allowed requests then load the
      // server); by default they flood, and the refusals themselves cost the server.
      if (WAIT_ON_429 && r.status === 429) await new Promise((done) => setTimeout(done, Math.max(1, r.retryAfter) * 1000));
    }
  };
  const loops = [];
  for (let a = 0; a < ABUSERS; a++) for (let k = 0; k < LOOPS; k++) loops.push(loop(`10.9.0.${a + 1}`, k));
  process.send('started');
  await new Promise((r) => process.once('message', r));
  stop = true;
  await Promise.all(loops);
  process.send({ abuseStatuses, abuseBytes });
  process.disconnect();
}

async function main() {
  if (process.argv[2] === 'strapi') return serveStrapi(process.argv[3]);
  if (process.argv[2] === 'abusers') return runAbusers(JSON.parse(process.argv[3]));
  await require('@strapi/strapi').compileStrapi({ appDir, ignoreDiagnostics: true });
  const report = { samples: SAMPLES, abusers: ABUSERS, loopsPerAbuser: LOOPS, abusersWaitOn429: WAIT_ON_429 };

  // 1. The original attack, bounds lifted (main), then with the defaults.
  // BENCH_SKIP_BEFORE=1 skips this server (a 12 s request and a boot).
  if (process.env.BENCH_SKIP_BEFORE !== '1') {
    console.error('[bench] server with bounds lifted…');
    const lifted = await forkServer(__filename, ['strapi', 'lifted']);
    const before = await send(lifted.port, { path: ATTACK });
    report.attackBefore = { status: before.status, bytes: before.bytes, ms: Math.round(before.ms), serverPeakMB: Math.round(memoryOf(lifted.child.pid, 'VmHWM') / 1048576) };
    console.error(`[bench] attack before: ${JSON.stringify(report.attackBefore)}`);
    await stopServer(lifted);
  }

  console.error('[bench] server with the default bounds…');
  const server = await forkServer(__filename, ['strapi', 'default']);
  const { port } = server;
  report.articles = server.articles;
  const after = await send(port, { path: ATTACK });
  report.attackAfter = { status: after.status, bytes: after.bytes, ms: Math.round(after.ms), message: JSON.parse(after.body.toString()).error?.message };

  // 2. The worst requests still allowed.
  let worstRest;
  for (const [name, populate] of Object.entries(REST_CANDIDATES)) {
    const pageSize = await largestAllowed(port, restAtLimit(populate), 100);
    if (pageSize === 0) continue;
    // A fresh cache key each time: the cache must not answer.
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await send(port, { path: `${restAtLimit(populate)(pageSize).path}&filters[id][$ne]=${900000 + i}` }));
    const ms = Math.min(...runs.map((r) => r.ms));
    if (!worstRest || ms > worstRest.ms) worstRest = { name, pageSize, bytes: runs[0].bytes, ms: Math.round(ms), status: runs[0].status };
  }
  const graphqlPage = await largestAllowed(port, GRAPHQL_AT_LIMIT, 100);
  const gq = await send(port, GRAPHQL_AT_LIMIT(graphqlPage));
  report.worstAllowed = { rest: worstRest, graphql: { pageSize: graphqlPage, bytes: gq.bytes, ms: Math.round(gq.ms), status: gq.status } };

  // 3. Quiet, then under abuse.
  const cached = () => ({ path: '/api/articles?pagination[pageSize]=10&populate[category][fields][0]=name' });
  const uncached = (n) => ({ path: `/api/articles?pagination[pageSize]=10&populate[category][fields][0]=name&filters[id][$ne]=${100000 + n}` });
  console.error(`[bench] attack after: ${report.attackAfter.status}; worst allowed: ${JSON.stringify(report.worstAllowed)}`);
  await send(port, cached());
  const quiet = { cached: await measure(port, cached, '10.1.0.1'), uncached: await measure(port, uncached, '10.1.0.2') };

  // The abusers run in a process of their own: in this one, 16 loops reading 690 KB answers would
  // delay the measuring client's own event loop and count as the server's latency.
  const worstRestPath = restAtLimit(REST_CANDIDATES[worstRest.name])(worstRest.pageSize).path;
  const abusers = require('node:child_process').fork(__filename, ['abusers', JSON.stringify({ port, worstRestPath, graphqlPage })], { stdio: 'inherit' });
  await new Promise((r) => abusers.once('message', r)); // started
  await new Promise((r) => setTimeout(r, 2000));
  const abused = { cached: await measure(port, cached, '10.1.0.3'), uncached: await measure(port, uncached, '10.1.0.4') };
  const { abuseStatuses, abuseBytes } = await new Promise((resolve) => {
    abusers.once('message', resolve);
    abusers.send('stop');
  });
  report.quiet = quiet;
  report.underAbuse = abused;
  report.abuseRequests = { statuses: abuseStatuses, megabytes: Math.round(abuseBytes / 1048576) };
  report.connectionResets = resets;
  report.serverPeakMB = Math.round(memoryOf(server.child.pid, 'VmHWM') / 1048576);
  await stopServer(server);

  const ratio = (k) => Math.round((abused[k].p95 / quiet[k].p95) * 100) / 100;
  report.p95Ratio = { cached: ratio('cached'), uncached: ratio('uncached') };
  console.log(`\n${report.articles} published articles (sample), SQLite, NODE_ENV=production; ${ABUSERS} abusers × ${LOOPS} loops; ${SAMPLES} sequential reads per cell (ms)`);
  const b = report.attackBefore;
  console.log(`Original attack: before (bounds lifted) ${b ? `${b.status}, ${b.bytes} bytes, ${b.ms} ms` : 'skipped'}; after ${report.attackAfter.status}, ${report.attackAfter.bytes} bytes, ${report.attackAfter.ms} ms`);
  console.log(`Worst allowed REST: populate ${worstRest.name}, pageSize ${worstRest.pageSize}: ${worstRest.bytes} bytes, ${worstRest.ms} ms`);
  console.log(`Worst allowed GraphQL: pageSize ${graphqlPage} at the cost limit: ${gq.bytes} bytes, ${Math.round(gq.ms)} ms`);
  console.log('| read | quiet p50 | quiet p95 | abused p50 | abused p95 | abused max | p95 abused/quiet |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const k of ['cached', 'uncached']) {
    console.log(`| ${k} | ${quiet[k].p50} | ${quiet[k].p95} | ${abused[k].p50} | ${abused[k].p95} | ${abused[k].max} | ${ratio(k)}× |`);
  }
  console.log(`Abusers' answers: ${JSON.stringify(abuseStatuses)}; server peak RSS ${report.serverPeakMB} MB`);
  console.log(JSON.stringify(report));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
