#!/usr/bin/env node
// npm run bench:media — uploads generated pictures over HTTP to a Strapi server running in a child
// process, with the image pipeline off (Strapi as shipped) and on, in one run. Per kind of picture
// (12 MP phone JPEG with EXIF orientation 6 and GPS, 4000×3000 PNG, small PNG): median upload
// response time, server CPU time until its background queue is drained, bytes per format; and the
// server's peak RSS under 10 concurrent 12 MP uploads (sampled every 50 ms from /proc).
// A benchmark, not a test. BENCH_UPLOADS (default 5) uploads of each kind, one at a time.
const { fork } = require('node:child_process');
const sharp = require('sharp');
const { appDir, bootStrapi, memoryOf } = require('./lib/server-process');
const UPLOADS = Number(process.env.BENCH_UPLOADS || 5);
const CONCURRENT = 10;

/** Noisy pixels with a gradient, so they compress like a photo. */
function photoPixels(width, height, seed) {
  const pixels = Buffer.alloc(width * height * 3);
  let s = seed;
  for (let i = 0; i < pixels.length; i += 1) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = ((i / 3 / width) % 255) + (s % 40);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).blur(1.5);
}

const KINDS = {
  /** A 12 MP phone photo: EXIF orientation 6, camera make and GPS. */
  jpeg12mp: () =>
    photoPixels(4000, 3000, 1)
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 45/1 0/1' } })
      .toBuffer(),
  png4000: () => photoPixels(4000, 3000, 2).png().toBuffer(),
  pngSmall: () => photoPixels(640, 480, 3).png().toBuffer(),
};
const EXT = { jpeg12mp: 'jpg', png4000: 'png', pngSmall: 'png' };

// ---------------------------------------------------------------- server (child process)

async function serve(mode) {
  const { strapi, drop } = await bootStrapi('sqlite', 'tdkt_bench_media', { SEED_SAMPLE_DATA: 'false', IMAGE_PIPELINE: mode });
  await strapi.listen();
  const token = (await strapi.service('admin::api-token').create({ name: 'bench', type: 'full-access', lifespan: null, description: '' })).accessKey;
  const idle = () => (mode === 'on' ? strapi.plugin('image-pipeline').service('queue').idle() : Promise.resolve());
  const handlers = {
    idle: async () => (await idle(), process.cpuUsage()),
    cpu: async () => process.cpuUsage(),
    files: async () => strapi.db.query('plugin::upload.file').findMany({ select: ['name', 'size', 'formats'] }),
    stop: async () => {
      await idle();
      await strapi.destroy();
      await drop();
      setImmediate(() => process.exit(0));
    },
  };
  process.on('message', async ({ id, cmd }) => process.send({ id, result: await handlers[cmd]() }));
  process.send({ ready: true, port: strapi.server.httpServer.address().port, token });
}

// ---------------------------------------------------------------- client (this process)

function startServer(mode) {
  const child = fork(__filename, ['serve', mode], { cwd: appDir, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let next = 0;
  const waiting = new Map();
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => code && reject(new Error(`${mode} server exited with ${code}`)));
    child.on('message', (msg) => {
      if (msg.ready) {
        const ask = (cmd) => new Promise((res) => (waiting.set(++next, res), child.send({ id: next, cmd })));
        resolve({ child, port: msg.port, token: msg.token, ask });
      } else {
        waiting.get(msg.id)?.(msg.result);
        waiting.delete(msg.id);
      }
    });
  });
}

async function upload(server, buffer, name) {
  const body = new FormData();
  body.append('files', new Blob([buffer]), name);
  const started = process.hrtime.bigint();
  const res = await fetch(`http://127.0.0.1:${server.port}/api/upload`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}` }, body });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`upload ${name} → ${res.status} ${text}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = (a, b) => (b.user - a.user + b.system - a.system) / 1000;

/** Bytes stored per format: the original, the sizes that also exist as WebP/AVIF (in the three formats), and the crops. */
function bytesOf(rows) {
  const bytes = { original: 0, 'original format': 0, webp: 0, avif: 0, 'other sizes': 0 };
  for (const row of rows) {
    bytes.original += Math.round(Number(row.size) * 1000);
    const formats = row.formats ?? {};
    const kb = (f) => f.sizeInBytes ?? Math.round(Number(f.size) * 1000);
    for (const [key, f] of Object.entries(formats)) {
      if (key.endsWith('_webp')) bytes.webp += kb(f);
      else if (key.endsWith('_avif')) bytes.avif += kb(f);
      else if (`${key}_webp` in formats || `${key}_avif` in formats) bytes['original format'] += kb(f);
      else bytes['other sizes'] += kb(f);
    }
  }
  return bytes;
}

async function stopServer(server) {
  const exited = new Promise((resolve) => (server.child.exitCode === null ? server.child.on('exit', resolve) : resolve()));
  await server.ask('stop');
  await exited;
}

async function runMode(mode, pictures) {
  console.error(`[bench] image pipeline ${mode}…`);
  const server = await startServer(mode);
  const result = { mode, kinds: {} };
  try {
    for (const [kind, buffer] of Object.entries(pictures)) {
      const cpu0 = await server.ask('cpu');
      const times = [];
      for (let i = 0; i < UPLOADS; i += 1) times.push(await upload(server, buffer, `${kind}_${i}.${EXT[kind]}`));
      const cpu1 = await server.ask('idle');
      const rows = (await server.ask('files')).filter((r) => r.name.startsWith(`${kind}_`));
      result.kinds[kind] = {
        responseMedianMs: Math.round(median(times)),
        responseMaxMs: Math.round(Math.max(...times)),
        cpuMsPerUpload: Math.round(cpuMs(cpu0, cpu1) / UPLOADS),
        bytes: bytesOf(rows),
      };
    }
  } finally {
    await stopServer(server);
  }
  // Memory: 10 phone photos at once on a fresh server (so earlier kinds do not count), until drained.
  const fresh = await startServer(mode);
  try {
    // One upload first: Strapi creates its "API Uploads" folder on the first one, and ten first
    // uploads at once race to create it (a 500 in vanilla Strapi too).
    await upload(fresh, pictures.pngSmall, 'warm-up.png');
    await fresh.ask('idle');
    const pid = fresh.child.pid;
    const before = memoryOf(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(pid))), 50);
    const started = Date.now();
    const times = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => upload(fresh, pictures.jpeg12mp, `burst_${i}.jpg`)));
    const answered = Date.now() - started;
    await fresh.ask('idle');
    clearInterval(sampler);
    result.concurrent = {
      uploads: CONCURRENT,
      idleRssMB: Math.round(before / 1e6),
      peakRssMB: Math.round(Math.max(peak, memoryOf(pid, 'VmHWM')) / 1e6),
      allAnsweredMs: answered,
      responseMedianMs: Math.round(median(times)),
      drainedMs: Date.now() - started,
    };
  } finally {
    await stopServer(fresh);
  }
  return result;
}

const MB = (b) => (b / 1e6).toFixed(2);

async function main() {
  await require('@strapi/strapi').compileStrapi({ appDir, ignoreDiagnostics: true });
  console.error('[bench] generating pictures…');
  const pictures = {};
  for (const [kind, make] of Object.entries(KINDS)) pictures[kind] = await make();
  const off = await runMode('off', pictures);
  const on = await runMode('on', pictures);

  console.log(`\nUploads over HTTP to a server in a child process, one at a time (${UPLOADS} of each kind); CPU until the background queue is drained`);
  console.log('| picture | response p50 off → on ms | on/off | CPU ms per upload off → on | bytes off: original / sizes | bytes on: original / sizes (orig. format) / WebP / AVIF / crops |');
  console.log('| --- | ---: | ---: | ---: | --- | --- |');
  for (const kind of Object.keys(pictures)) {
    const a = off.kinds[kind];
    const b = on.kinds[kind];
    console.log(
      `| ${kind} (${MB(pictures[kind].length)} MB) | ${a.responseMedianMs} → ${b.responseMedianMs} | ${(b.responseMedianMs / a.responseMedianMs).toFixed(2)}× | ${a.cpuMsPerUpload} → ${b.cpuMsPerUpload} ` +
        `| ${MB(a.bytes.original)} / ${MB(a.bytes['original format'] + a.bytes['other sizes'])} MB ` +
        `| ${MB(b.bytes.original)} / ${MB(b.bytes['original format'])} / ${MB(b.bytes.webp)} (${pct(b.bytes.webp, b.bytes['original format'])}) / ${MB(b.bytes.avif)} (${pct(b.bytes.avif, b.bytes['original format'])}) / ${MB(b.bytes['other sizes'])} MB |`
    );
  }
  console.log(`\n${CONCURRENT} concurrent 12 MP uploads: server peak RSS (VmRSS every 50 ms, until drained)`);
  console.log('| pipeline | RSS before MB | peak RSS MB | all answered ms | drained ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of [off, on]) {
    const c = r.concurrent;
    console.log(`| ${r.mode} | ${c.idleRssMB} | ${c.peakRssMB} | ${c.allAnsweredMs} | ${c.drainedMs} |`);
  }
  console.log(JSON.stringify({ uploads: UPLOADS, results: [off, on] }));
}

const pct = (part, whole) => (whole ? `${Math.round((part / whole) * 100)} %` : '–');

if (process.argv[2] === 'serve') {
  serve(process.argv[3]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
