#!/usr/bin/env node
// npm run bench:media — uploads generated phone photos through HTTP with the image pipeline off
// (Strapi as shipped) and on, in one run: response time, bytes per format, peak RSS.
// A benchmark, not a test. BENCH_UPLOADS (default 5) photos of each kind.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const sharp = require('sharp');
const { createTestEnv } = require('../test/helpers/test-env');

const appDir = path.resolve(__dirname, '..');
const UPLOADS = Number(process.env.BENCH_UPLOADS || 5);

/** A 12 MP phone photo: noisy pixels (so it compresses like a photo), EXIF orientation 6 and GPS. */
async function phonePhoto(seed) {
  const width = 4000;
  const height = 3000;
  const noise = Buffer.alloc(width * height * 3);
  let s = seed;
  for (let i = 0; i < noise.length; i += 1) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = ((i / 3 / width) % 255) + (s % 40);
  }
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .blur(1.5)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 45/1 0/1' } })
    .toBuffer();
}

async function runOne(mode) {
  const request = require('supertest');
  const { createStrapi, compileStrapi } = require('@strapi/strapi');
  const { env, drop } = await createTestEnv('sqlite', 'tdkt_bench_media');
  Object.assign(process.env, env, { SEED_SAMPLE_DATA: 'false', LOG_LEVEL: 'error', IMAGE_PIPELINE: mode });
  const { distDir } = await compileStrapi({ appDir, ignoreDiagnostics: true });
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    strapi.server.mount();
    const token = (await strapi.service('admin::api-token').create({ name: 'bench', type: 'full-access', lifespan: null, description: '' })).accessKey;
    const photos = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => phonePhoto(i + 1)));
    const times = [];
    const bytes = {};
    const cpuStart = process.cpuUsage();
    for (const [i, photo] of photos.entries()) {
      const started = process.hrtime.bigint();
      const res = await request(strapi.server.httpServer)
        .post('/api/upload')
        .set('Authorization', `Bearer ${token}`)
        .attach('files', photo, `IMG_${i}.jpg`);
      if (res.status !== 201) throw new Error(`upload → ${res.status} ${JSON.stringify(res.body)}`);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    // Background encodes count too: wait for them, then read what was stored.
    if (mode === 'on') await strapi.plugin('image-pipeline').service('queue').idle();
    const cpu = process.cpuUsage(cpuStart);
    for (const file of await strapi.db.query('plugin::upload.file').findMany()) {
      bytes.original = (bytes.original ?? 0) + Math.round(file.size * 1000);
      for (const [key, f] of Object.entries(file.formats ?? {})) {
        const kind = key.endsWith('_webp') ? 'webp' : key.endsWith('_avif') ? 'avif' : 'original format';
        bytes[kind] = (bytes[kind] ?? 0) + Math.round(f.size * 1000);
      }
    }
    times.sort((a, b) => a - b);
    return {
      mode,
      uploads: UPLOADS,
      p50: +times[Math.floor(times.length / 2)].toFixed(0),
      max: +times.at(-1).toFixed(0),
      cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
      peakRssMB: Math.round(peakRss / 1e6),
      bytes,
    };
  } finally {
    clearInterval(sampler);
    await strapi.destroy();
    await drop();
  }
}

async function main() {
  if (process.argv[2]) {
    console.log(JSON.stringify(await runOne(process.argv[2])));
    return;
  }
  const results = [];
  for (const mode of ['off', 'on']) {
    console.error(`[bench] image pipeline ${mode}: ${UPLOADS} × 12 MP uploads…`);
    const child = spawnSync(process.execPath, [__filename, mode], { cwd: appDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`${mode} run failed`);
    results.push(JSON.parse(child.stdout.trim().split('\n').pop()));
  }
  const [off, on] = results;
  console.log(`\n12 MP JPEG uploads over HTTP, one at a time (${UPLOADS} each)`);
  console.log('| pipeline | response p50 ms | max ms | CPU s (incl. background) | peak RSS MB | bytes by format |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const b = Object.entries(r.bytes).map(([k, v]) => `${k} ${(v / 1e6).toFixed(2)} MB`).join(', ');
    console.log(`| ${r.mode} | ${r.p50} | ${r.max} | ${r.cpuSeconds} | ${r.peakRssMB} | ${b} |`);
  }
  console.log(`\nresponse p50 on/off: ${(on.p50 / off.p50).toFixed(2)}×`);
  console.log(JSON.stringify({ uploads: UPLOADS, results }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
