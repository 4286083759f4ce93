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
// Redis, media in a local S3 server (s3rver), behind nginx (test/helpers/proxy.js); memory is
// sampled per instance. Every LOAD_UPLOAD_EVERY-th write (4) is then an image upload, and the
// second instance is restarted (SIGTERM, then started again on its port) halfway through.
// Afterwards every acknowledged upload must have every size and format, made by one finished job.
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
const UPLOAD_EVERY = Number(process.env.LOAD_UPLOAD_EVERY || 4);

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
  const { startLocalS3 } = require('../test/helpers/s3-server');
  const { env, drop } = await createTestEnv(DATABASE, 'tdkt_load');
  const s3 = await startLocalS3(['media']);
  const shared = {
    ...env,
    ...s3.env('media'),
    BENCH_SHARED_DATABASE: '1',
    CACHE_REDIS_URL: process.env.CACHE_REDIS_URL || 'redis://127.0.0.1:6379',
    CACHE_REDIS_PREFIX: `tdkt-load-${process.pid}:cache:`,
    RATE_LIMIT_REDIS_PREFIX: `tdkt-load-${process.pid}:rate:`,
    IS_PROXIED: 'true',
    // As in production: every format, and workers that look for jobs every second.
    IMAGE_FORMATS: 'webp,avif',
    JOBS_POLL_MS: '1000',
  };
  const servers = [];
  // One after the other: the first makes the schema and seeds the sample.
  for (let i = 0; i < INSTANCES; i += 1) servers.push(await forkServer(__filename, ['serve'], { ...shared, LOAD_INSTANCE: String(i) }));
  const proxy = await startProxy(servers.map((s) => s.port));
  return {
    servers,
    url: proxy.url,
    databaseUrl: env.DATABASE_URL,
    /** SIGTERM to instance `i` (it drains and exits), then the same instance again on its port; resolves with the ms it was away. */
    async restart(i) {
      const started = Date.now();
      const { child, port } = servers[i];
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      servers[i] = await forkServer(__filename, ['serve'], { ...shared, LOAD_INSTANCE: String(i), PORT: String(port) });
      return Date.now() - started;
    },
    stop: async () => {
      await proxy.stop();
      for (const server of servers) await stopServer(server);
      await drop();
      await s3.stop();
    },
  };
}

/** A multipart upload of one JPEG (autocannon sends a body as it is). */
function uploadBody(photo, name) {
  const boundary = `tdkt${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`;
  const info = `\r\n--${boundary}\r\nContent-Disposition: form-data; name="fileInfo"\r\n\r\n${JSON.stringify({ alternativeText: 'Ảnh thử tải' })}\r\n--${boundary}--\r\n`;
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([Buffer.from(head), photo, Buffer.from(info)]) };
}

/**
 * After the load, with several instances: waits until no image job is waiting or running, then
 * checks each acknowledged upload: its row has its sizes in WebP and AVIF, and exactly one job for
 * it finished (one that was handed back or taken over counts its tries, not a second encode).
 */
async function checkUploads(databaseUrl, ids) {
  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const deadline = Date.now() + 600_000;
    let open = Infinity;
    while (open > 0 && Date.now() < deadline) {
      open = Number((await db.query(`select count(*) as n from background_jobs where state in ('pending', 'running')`)).rows[0].n);
      if (open > 0) await new Promise((r) => setTimeout(r, 1000));
    }
    const keys = ids.map(String);
    const jobs = (await db.query(`select job_key, state, attempts from background_jobs where name = 'image-formats' and job_key = any($1)`, [keys])).rows;
    const done = new Map();
    for (const j of jobs) if (j.state === 'done') done.set(j.job_key, (done.get(j.job_key) ?? 0) + 1);
    const files = (await db.query('select id, formats from files where id = any($1)', [ids])).rows;
    const complete = files.filter((f) => {
      const names = Object.keys(f.formats ?? {});
      return names.includes('thumbnail') && names.some((n) => n.endsWith('_webp')) && names.some((n) => n.endsWith('_avif'));
    });
    return {
      waitingAtEnd: open,
      uploads: ids.length,
      complete: complete.length,
      doneOnce: keys.filter((k) => done.get(k) === 1).length,
      doneTwice: keys.filter((k) => (done.get(k) ?? 0) > 1).length,
      dead: jobs.filter((j) => j.state === 'dead').length,
      retried: jobs.filter((j) => Number(j.attempts) > 1).length,
    };
  } finally {
    await db.end();
  }
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
  const uploaded = [];
  const failures = new Map();
  let sequence = 0;
  const topology = INSTANCES > 1;
  // Three photos with some detail (each upload is a real encode of every size and format).
  const sharp = require('sharp');
  const photos = topology
    ? await Promise.all(
        ['#b22222', '#1f6f3a', '#1a3c8c'].map((colour) =>
          sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } })
            .composite([{ input: { create: { width: 400, height: 800, channels: 3, background: '#e0c040' } }, left: 200, top: 0 }])
            .jpeg()
            .toBuffer()
        )
      )
    : [];
  // Resident memory of each instance, each second (none while one restarts).
  const memory = started.servers.map(() => []);
  const sampler = setInterval(
    () =>
      started.servers.forEach((s, i) => {
        try {
          memory[i].push(residentMB(s.child.pid));
        } catch {
          // restarting
        }
      }),
    1000
  );
  let restartMs = null;
  const restarting = topology
    ? new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2)).then(async () => {
        console.error('[load] restarting instance 2 (SIGTERM, then again on its port)…');
        restartMs = await started.restart(1);
        console.error(`[load] instance 2 back after ${restartMs} ms`);
      })
    : Promise.resolve();

  console.error(`[load] ${CONNECTIONS} connections × ${SECONDS} s, ${Math.round(WRITE_SHARE * 100)} % writes`);
  const result = await autocannon({
    url: started.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req, context) => {
          context.upload = false;
          if (Math.random() < WRITE_SHARE) {
            sequence += 1;
            if (topology && sequence % UPLOAD_EVERY === 0) {
              const { type, body } = uploadBody(photos[sequence % photos.length], `anh-thu-tai-${sequence}.jpg`);
              context.title = undefined;
              context.upload = true;
              return { ...req, method: 'POST', path: '/api/upload', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body };
            }
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
          const key = context.upload ? 'upload' : context.title ? 'write' : 'read';
          if (status >= 400) failures.set(`${key} ${status}`, (failures.get(`${key} ${status}`) ?? 0) + 1);
          if (context.title && status < 300) written.push({ title: context.title, documentId: JSON.parse(body).data.documentId });
          if (context.upload && status < 300) uploaded.push(...JSON.parse(body).map((f) => f.id));
        },
      },
    ],
  });
  clearInterval(sampler);
  await restarting;

  // Every acknowledged write must be readable by the public, with the title it was written with.
  let lost = 0;
  for (const { title, documentId } of written) {
    const res = await fetch(`${started.url}/api/articles/${documentId}`);
    const data = res.status === 200 ? (await res.json()).data : undefined;
    if (!data || data.title !== title) lost += 1;
  }
  const media = topology ? await checkUploads(started.databaseUrl, uploaded) : null;
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
    ...(media ? { restartMs, media } : {}),
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
    ...(media
      ? {
          'instance 2 restarted (away ms)': restartMs,
          'uploads acknowledged / with every format': `${media.uploads} / ${media.complete}`,
          'image jobs: done once / done twice / dead / took a second try': `${media.doneOnce} / ${media.doneTwice} / ${media.dead} / ${media.retried}`,
        }
      : {}),
    ...Object.fromEntries(
      rss.flatMap((r, i) => [
        [`instance ${i + 1}: RSS MB every ${r.curveEverySeconds} s`, r.curve.join(' ')],
        [`instance ${i + 1}: RSS growth after warm-up (MB)`, r.afterWarmUpGrowth],
      ])
    ),
  });
  console.log(JSON.stringify(summary));
  // With a restart, a write that met the stopping instance may be refused with 503 (nginx sends a
  // POST once); nothing else may fail, and nothing acknowledged may be missing.
  const refused = [...failures].filter(([key]) => !(topology && /^(write|upload) 503$/.test(key))).reduce((n, [, count]) => n + count, 0);
  const mediaBad = media && (media.complete !== media.uploads || media.doneOnce !== media.uploads || media.dead || media.waitingAtEnd);
  if (summary.errors || summary.timeouts || refused || summary.writesLost || mediaBad) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
