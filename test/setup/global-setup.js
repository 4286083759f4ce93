// Once per `npm test`: compile the app to dist/ (as `strapi develop` does) when its sources
// changed, see whether PostgreSQL is there for the postgres project, and build one seeded template
// database per database kind that every integration test file starts from (a copy of it).
//
// Jest runs each project's globalSetup module once when that project has tests, one after the
// other, then the top-level one. The projects' modules (template-*.js) only START their template
// so that both seed side by side; this top-level module waits for them and hands them to the
// workers through the env. Only what this run tests is built: `--selectProjects unit` builds none.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { postgresReachable, adminUrl, createTestEnv } = require('../helpers/test-env');

const appDir = path.resolve(__dirname, '..', '..');
const distDir = path.join(appDir, 'dist');
const hashFile = path.join(distDir, '.sources-hash');
const generatedDocs = path.join(appDir, 'src', 'extensions', 'documentation', 'documentation');
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** A hash of what compileStrapi reads: the app's TypeScript and config (plugins build on their own). */
function sourcesHash() {
  const hash = crypto.createHash('sha256');
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      // The documentation plugin rewrites its generated document at every boot.
      if (full === generatedDocs) continue;
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'generated'].includes(entry.name)) walk(full);
      } else {
        hash.update(path.relative(appDir, full)).update(fs.readFileSync(full));
      }
    }
  };
  for (const dir of ['src', 'config', 'database', 'types']) walk(path.join(appDir, dir));
  for (const file of ['tsconfig.json', 'package.json']) hash.update(file).update(fs.readFileSync(path.join(appDir, file)));
  return hash.digest('hex');
}

/** Compiles the app unless dist/ was compiled from these very sources (~7 s saved per run). */
async function compileIfStale() {
  const started = Date.now();
  const hash = sourcesHash();
  if (fs.existsSync(hashFile) && fs.readFileSync(hashFile, 'utf8') === hash) {
    console.log(`\n[test] dist/ is up to date (sources hashed in ${seconds(started)})`);
    return;
  }
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir });
  fs.writeFileSync(hashFile, hash);
  console.log(`\n[test] app compiled to dist/ in ${seconds(started)}`);
}

/** Boots the app once on a fresh database (seeding it) in a child process; resolves with the template. */
async function buildTemplate(database) {
  const started = Date.now();
  const { env, drop } = await createTestEnv(database, 'tdkt_tpl');
  const child = spawn(process.execPath, [path.join(__dirname, 'build-template.js')], {
    cwd: appDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    await drop();
    throw new Error(`[test] seeding the ${database} template failed (exit ${code})`);
  }
  const name = database === 'sqlite' ? env.DATABASE_FILENAME : new URL(env.DATABASE_URL).pathname.slice(1);
  console.log(`[test] ${database} template seeded in ${seconds(started)}`);
  return { template: { database: name, uploads: path.join(env.PUBLIC_DIR, 'uploads') }, drop };
}

/** State shared by the setup modules of one run (jest loads them in the same process). */
const run = (globalThis.__tdktTestRun ??= { templates: {}, drops: [] });

/** Memoised: compile once, check PostgreSQL once, however many modules ask. */
const compiled = () => (run.compiled ??= compileIfStale());
const postgres = () =>
  (run.postgres ??= (async () => {
    process.env.TEST_POSTGRES_URL ||= adminUrl();
    const reachable = await postgresReachable();
    if (reachable === true) {
      process.env.TEST_POSTGRES_AVAILABLE = '1';
      return true;
    }
    const banner = `PostgreSQL at ${process.env.TEST_POSTGRES_URL} is unreachable (${reachable}).`;
    // CI must test PostgreSQL for real; a developer without it still gets the SQLite run.
    if (process.env.CI) throw new Error(`${banner} CI requires it.`);
    console.warn(`\n${'!'.repeat(78)}\n[test] ${banner}\n[test] The postgres project is SKIPPED. Set TEST_POSTGRES_URL to run it.\n${'!'.repeat(78)}\n`);
    return false;
  })());

/** Starts building the template of a database kind (not awaited: see the top comment). */
async function startTemplate(database) {
  await compiled();
  if (database === 'postgres' && !(await postgres())) return;
  const building = buildTemplate(database).then((built) => {
    run.drops.push(built.drop);
    return built.template;
  });
  // Awaited by the top-level module; a failure is reported there, not as an unhandled rejection.
  building.catch(() => {});
  run.templates[database] ??= building;
}

async function globalSetup() {
  await compiled();
  await postgres();
  for (const [database, building] of Object.entries(run.templates)) {
    process.env[`TEST_TEMPLATE_${database.toUpperCase()}`] = JSON.stringify(await building);
  }
}

async function globalTeardown() {
  // Every template is awaited first: one that failed must not leave the other's database behind.
  await Promise.allSettled(Object.values(run.templates));
  for (const drop of run.drops.splice(0)) await drop();
}

module.exports = globalSetup;
module.exports.startTemplate = startTemplate;
module.exports.globalTeardown = globalTeardown;
