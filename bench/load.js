#!/usr/bin/env node
// npm run load — load held with nothing lost: the app on a fresh PostgreSQL database (sample
// content, API cache on as shipped), LOAD_CONNECTIONS (50) connections for LOAD_SECONDS (60),
// 95 % anonymous reads (list, list with category, article by slug, search, RSS) and 5 % writes
// (create-and-publish an article through the REST API with an API token). Afterwards every write
// that was answered 2xx must be readable by the public, and the server's memory is sampled each
// second (the curve is printed). A load script, not a timed test.
//
// `npm run load -- --instances 2` runs the production topology instead (docs/deploy.md): that many
// app processes on one PostgreSQL database, sharing the API cache and the rate limits through
// Redis, behind nginx (test/helpers/proxy.js); memory is sampled per instance.
const autocannon = require('autocannon');
const { appDir, bootStrapi, forkServer, residentMB, serveUntilStopped, stopServer } = require('./lib/server-process');
const SECONDS = Number(process.env.LOAD_SECONDS || 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS || 50);
const WRITE_SHARE = Number(process.env.LOAD_WRITE_SHARE || 0.05);
const DATABASE = process.env.LOAD_DATABASE || 'postgres';
const instancesArg = process.argv.indexOf('--instances');
const INSTANCES = instancesArg > 0 ? Number(process.argv[instancesArg + 1]) : 1;
if (!Number.isInteger(INSTANCES) || INSTANCES < 1 || INSTANCES > 8) throw new Error('--instances takes 1 to 8');
// All of the load comes from one address, while the app bounds requests in flight per client
// (CLIENT_MAX_IN_FLIGHT, 4): left as it is, most of the 50 connections would be answered 429.
const SERVER_ENV = { SCHEDULED_PUBLISHING: 'false', CLIENT_MAX_IN_FLIGHT: '1000' };

// ---------------------------------------------------------------- child: the app

async function serve() {
  const app = await bootStrapi(DATABASE, 'tdkt_load', SERVER_ENV);
  const { strapi } = app;
  await strapi.plugin('image-pipeline').service('queue').idle();
  // The first instance makes the writers' token and lists the slugs; the others only serve.
  if (process.env.LOAD_INSTANCE && process.env.LOAD_INSTANCE !== '0') return serveUntilStopped(app);
  const token = await strapi.service('admin::api-token').create({ name: 'load', type: 'full-access', lifespan: null, description: 'load script' });
  const slugs = (await strapi.documents('api::article.article').findMany({ locale: 'vi', status: 'published', fields: ['slug'] })).map((a) => a.slug);
  await serveUntilStopped(app, { token: token.accessKey, slugs });
}

/** The app processes and, with several, the database they share and the proxy in front of them. */
async function startServers() {
  if (INSTANCES === 1) {
    const server = await forkServer(__filename, ['serve']);
    return { servers: [server], url: `http://127.0.0.1:${server.port}`, stop: () => stopServer(server) };
  }
  if (DATABASE !== 'postgres') throw new Error('several instances need LOAD_DATABASE=postgres');
  const { createTestEnv } = require('../test/helpers/test-env');
  const { startProxy } = require('../test/helpers/proxy');
  const { env, drop } = await createTestEnv(DATABASE, 'tdkt_load');
  const shared = {
    ...env,
    BENCH_SHARED_DATABASE: '1',
    CACHE_REDIS_URL: process.env.CACHE_REDIS_URL || 'redis://127.0.0.1:6379',
    CACHE_REDIS_PREFIX: `tdkt-load-${process.pid}:cache:`,
    RATE_LIMIT_REDIS_PREFIX: `tdkt-load-${process.pid}:rate:`,
    IS_PROXIED: 'true',
  };
  const servers = [];
  // One after the other: the first makes the schema and seeds the sample.
  for (let i = 0; i < INSTANCES; i += 1) servers.push(await forkServer(__filename, ['serve'], { ...shared, LOAD_INSTANCE: String(i) }));
  const proxy = await startProxy(servers.map((s) => s.port));
  return {
    servers,
    url: proxy.url,
    stop: async () => {
      await proxy.stop();
      for (const server of servers) await stopServer(server);
      await drop();
    },
  };
}

// ---------------------------------------------------------------- parent

async function main() {
  if (process.argv[2] === 'serve') return serve();
  await require('@strapi/strapi').compileStrapi({ appDir, ignoreDiagnostics: true });
  console.error(`[load] starting ${INSTANCES} app instance(s) on ${DATABASE}…`);
  const started = await startServers();
  const { token, slugs } = started.servers[0];

  const reads = [
    '/api/articles',
    '/api/articles?populate[category][fields][0]=name&pagination[pageSize]=20',
    ...slugs.map((s) => `/api/articles/by-slug/${s}`),
    `/api/search?q=${encodeURIComponent('thi đua')}`,
    '/api/feeds/rss.xml',
  ];
  const written = [];
  const failures = new Map();
  let sequence = 0;
  // Resident memory of each instance, each second.
  const memory = started.servers.map(() => []);
  const sampler = setInterval(() => started.servers.forEach((s, i) => memory[i].push(residentMB(s.child.pid))), 1000);

  console.error(`[load] ${CONNECTIONS} connections × ${SECONDS} s, ${Math.round(WRITE_SHARE * 100)} % writes`);
  const result = await autocannon({
    url: started.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req, context) => {
          if (Math.random() < WRITE_SHARE) {
            sequence += 1;
            context.title = `Tin thử tải số ${sequence} lúc ${Date.now()}`;
            return {
              ...req,
              method: 'POST',
              path: '/api/articles?status=published',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ data: { title: context.title, summary: 'Bài viết tạo trong lúc thử tải.' } }),
            };
          }
          context.title = undefined;
          return { ...req, method: 'GET', path: reads[Math.floor(Math.random() * reads.length)], headers: {}, body: undefined };
        },
        onResponse: (status, body, context) => {
          const key = context.title ? 'write' : 'read';
          if (status >= 400) failures.set(`${key} ${status}`, (failures.get(`${key} ${status}`) ?? 0) + 1);
          if (context.title && status < 300) written.push({ title: context.title, documentId: JSON.parse(body).data.documentId });
        },
      },
    ],
  });
  clearInterval(sampler);

  // Every acknowledged write must be readable by the public, with the title it was written with.
  let lost = 0;
  for (const { title, documentId } of written) {
    const res = await fetch(`${started.url}/api/articles/${documentId}`);
    const data = res.status === 200 ? (await res.json()).data : undefined;
    if (!data || data.title !== title) lost += 1;
  }
  await started.stop();

  const rss = memory.map((samples) => {
    const every = Math.max(1, Math.floor(samples.length / 12));
    const warm = samples.slice(Math.floor(samples.length / 3));
    return {
      curveEverySeconds: every,
      curve: samples.filter((_, i) => i % every === 0),
      idle: samples[0],
      afterWarmUpGrowth: warm.length > 1 ? warm[warm.length - 1] - warm[0] : 0,
      max: Math.max(...samples),
    };
  });
  const summary = {
    database: DATABASE,
    instances: INSTANCES,
    connections: CONNECTIONS,
    seconds: SECONDS,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    failures: Object.fromEntries(failures),
    writes: written.length,
    writesLost: lost,
    rssMB: INSTANCES === 1 ? rss[0] : rss,
  };
  console.log(`\nLoad: ${CONNECTIONS} connections × ${SECONDS} s on ${INSTANCES} instance(s), ${DATABASE}, ${Math.round(WRITE_SHARE * 100)} % writes`);
  console.table({
    requests: summary.requests,
    'req/s': summary.rps,
    'p50 / p99 ms': `${summary.p50} / ${summary.p99}`,
    'errors (socket, timeout, non-2xx)': `${summary.errors}, ${summary.timeouts}, ${summary.non2xx}`,
    'writes acknowledged': summary.writes,
    'writes lost': summary.writesLost,
    ...Object.fromEntries(
      rss.flatMap((r, i) => [
        [`instance ${i + 1}: RSS MB every ${r.curveEverySeconds} s`, r.curve.join(' ')],
        [`instance ${i + 1}: RSS growth after warm-up (MB)`, r.afterWarmUpGrowth],
      ])
    ),
  });
  console.log(JSON.stringify(summary));
  if (summary.errors || summary.timeouts || summary.non2xx || summary.writesLost) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
