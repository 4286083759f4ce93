#!/usr/bin/env node
// npm run load — load held with nothing lost: the app on a fresh PostgreSQL database (sample
// content, API cache on as shipped), LOAD_CONNECTIONS (50) connections for LOAD_SECONDS (60),
// 95 % anonymous reads (list, list with category, article by slug, search, RSS) and 5 % writes
// (create-and-publish an article through the REST API with an API token). Afterwards every write
// that was answered 2xx must be readable by the public, and the server's memory is sampled each
// second (the curve is printed). A load script, not a timed test.
const autocannon = require('autocannon');
const { appDir, bootStrapi, forkServer, residentMB, serveUntilStopped, stopServer } = require('./lib/server-process');
const SECONDS = Number(process.env.LOAD_SECONDS || 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS || 50);
const WRITE_SHARE = Number(process.env.LOAD_WRITE_SHARE || 0.05);
const DATABASE = process.env.LOAD_DATABASE || 'postgres';

// ---------------------------------------------------------------- child: the app

async function serve() {
  const app = await bootStrapi(DATABASE, 'tdkt_load', { SCHEDULED_PUBLISHING: 'false' });
  const { strapi } = app;
  await strapi.plugin('image-pipeline').service('queue').idle();
  const token = await strapi.service('admin::api-token').create({ name: 'load', type: 'full-access', lifespan: null, description: 'load script' });
  const slugs = (await strapi.documents('api::article.article').findMany({ locale: 'vi', status: 'published', fields: ['slug'] })).map((a) => a.slug);
  await serveUntilStopped(app, { token: token.accessKey, slugs });
}

// ---------------------------------------------------------------- parent

async function main() {
  if (process.argv[2] === 'serve') return serve();
  await require('@strapi/strapi').compileStrapi({ appDir, ignoreDiagnostics: true });
  console.error(`[load] starting the app on ${DATABASE}…`);
  const server = await forkServer(__filename, ['serve']);
  const { child, port, token, slugs } = server;

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
  const memory = [];
  const sampler = setInterval(() => memory.push(residentMB(child.pid)), 1000);

  console.error(`[load] ${CONNECTIONS} connections × ${SECONDS} s, ${Math.round(WRITE_SHARE * 100)} % writes`);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
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
    const res = await fetch(`http://127.0.0.1:${port}/api/articles/${documentId}`);
    const data = res.status === 200 ? (await res.json()).data : undefined;
    if (!data || data.title !== title) lost += 1;
  }
  await stopServer(server);

  const every = Math.max(1, Math.floor(memory.length / 12));
  const curve = memory.filter((_, i) => i % every === 0);
  const warm = memory.slice(Math.floor(memory.length / 3));
  const growth = warm.length > 1 ? warm[warm.length - 1] - warm[0] : 0;
  const summary = {
    database: DATABASE,
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
    rssMB: { curveEverySeconds: every, curve, afterWarmUpGrowth: growth, max: Math.max(...memory) },
  };
  console.log(`\nLoad: ${CONNECTIONS} connections × ${SECONDS} s on ${DATABASE}, ${Math.round(WRITE_SHARE * 100)} % writes`);
  console.table({
    requests: summary.requests,
    'req/s': summary.rps,
    'p50 / p99 ms': `${summary.p50} / ${summary.p99}`,
    'errors (socket, timeout, non-2xx)': `${summary.errors}, ${summary.timeouts}, ${summary.non2xx}`,
    'writes acknowledged': summary.writes,
    'writes lost': summary.writesLost,
    [`RSS MB every ${every} s`]: curve.join(' '),
    'RSS growth after warm-up (MB)': growth,
  });
  console.log(JSON.stringify(summary));
  if (summary.errors || summary.timeouts || summary.non2xx || summary.writesLost) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
