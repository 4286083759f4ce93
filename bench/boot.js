#!/usr/bin/env node
// npm run bench:boot — how long `npm run develop` takes to its first public answer, as a newcomer
// meets it (issue 20, item 7): a first run on an empty SQLite database (sample data seeded, covers
// drawn and encoded), then a restart on the same database. Each run is `npm run develop` itself
// (plugins built by predevelop, the app compiled, the admin's dev server started), in its own
// process group, timed from spawn to the first 200 of GET /api/articles; the log's own timestamps
// split the wait into ours and Strapi's. A benchmark, not a test. BENCH_RUNS restarts (default 2).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const appDir = path.resolve(__dirname, '..');
const RESTARTS = Number(process.env.BENCH_RUNS || 2);

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** One `npm run develop` until GET /api/articles answers 200; the marks seen in its output, in ms. */
async function developOnce(env, label) {
  const port = await freePort();
  const started = Date.now();
  const child = spawn('npm', ['run', 'develop'], { cwd: appDir, env: { ...process.env, ...env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const marks = {};
  let output = '';
  const watch = (chunk) => {
    const text = chunk.toString();
    output += text;
    const at = Date.now() - started;
    if (!marks.pluginsBuilt && /> strapi develop/.test(output)) marks.pluginsBuilt = at;
    if (!marks.compiled && /Compiling TS|Compiled|Loading Strapi/.test(text)) marks.compiled = at;
    if (!marks.seeded && /\[seed\]/.test(text)) marks.seeded = at;
    if (!marks.started && /Strapi started successfully/.test(text)) marks.started = at;
  };
  child.stdout.on('data', watch);
  child.stderr.on('data', watch);
  let firstOk;
  const deadline = started + 10 * 60_000;
  while (!firstOk && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/articles?pagination[pageSize]=1`);
      if (res.status === 200) firstOk = Date.now() - started;
    } catch {
      // not listening yet
    }
  }
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.once('exit', r));
  if (!firstOk) throw new Error(`${label}: no 200 within 10 minutes\n${output.slice(-2000)}`);
  return { label, firstOkMs: firstOk, ...marks };
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-boot-'));
  const env = {
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(work, 'data.db'),
    PUBLIC_DIR: path.join(work, 'public'),
    // Secrets as a first run generates them, without touching the project's .env.
    ENV_PATH: path.join(work, '.env'),
    BROWSER: 'none',
  };
  fs.mkdirSync(path.join(work, 'public', 'uploads'), { recursive: true });
  const runs = [await developOnce(env, 'first run (empty database, sample seeded)')];
  for (let i = 1; i <= RESTARTS; i++) runs.push(await developOnce(env, `restart ${i}`));
  fs.rmSync(work, { recursive: true, force: true });

  const s = (ms) => (ms === undefined ? '–' : (ms / 1000).toFixed(1));
  console.log('\n`npm run develop` to the first 200 of GET /api/articles (s; marks from its output)');
  console.log('| run | plugins built | Strapi started | first 200 |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of runs) console.log(`| ${r.label} | ${s(r.pluginsBuilt)} | ${s(r.started)} | ${s(r.firstOkMs)} |`);
  console.log(JSON.stringify({ runs }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
