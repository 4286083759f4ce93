// Throwaway app environments for tests and benchmarks: random secrets, no .env, and a fresh
// database (a temp SQLite file, or a new PostgreSQL database) that `drop()` removes again. A fresh
// database can start as a copy of a seeded template (test/setup/global-setup.js builds one per run):
// seeding the sample with its covers took ~12 s of every test file's boot.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

// SQLite files in memory-backed storage when the machine has it: the suite writes thousands of rows.
const dbDir = () => (fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());
const random = () => crypto.randomBytes(24).toString('base64');
const adminUrl = () => process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function withClient(url, fn) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * @param {'sqlite' | 'postgres'} database
 * @param {string} [server] PostgreSQL URL to create the database on (default TEST_POSTGRES_URL)
 * @param {{ template?: Template }} [options] start from a copy of this seeded database and uploads
 */
async function createTestEnv(database, prefix = 'tdkt_test', server = adminUrl(), options = {}) {
  const { template } = options;
  const id = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  // Uploads of this run go to a folder of its own, removed by drop().
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-public-`));
  if (template) fs.cpSync(template.uploads, path.join(publicDir, 'uploads'), { recursive: true });
  else fs.mkdirSync(path.join(publicDir, 'uploads'));
  const removePublic = () => fs.rmSync(publicDir, { recursive: true, force: true });
  const env = {
    NODE_ENV: 'test',
    ENV_PATH: path.join(os.tmpdir(), `tdkt-no-env-${id}`),
    HOST: '127.0.0.1',
    PORT: '0',
    APP_KEYS: [random(), random()].join(','),
    API_TOKEN_SALT: random(),
    ADMIN_JWT_SECRET: random(),
    TRANSFER_TOKEN_SALT: random(),
    JWT_SECRET: random(),
    ENCRYPTION_KEY: random(),
    PREVIEW_SECRET: random(),
    SEED_SAMPLE_DATA: 'true',
    DATABASE_CLIENT: database,
    DATABASE_URL: '',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'false',
    LOG_LEVEL: 'warn',
    // Suites and benchmarks send thousands of requests from one IP; the rate-limit tests set their own.
    RATE_LIMIT_API: '1000000/min',
    RATE_LIMIT_SEARCH: '1000000/min',
    RATE_LIMIT_LOGIN: '1000/min',
    // Heavy reads take turns but are not paced here (a test sends them back to back on purpose);
    // the pause is tested in test/unit/heavy-gate.test.ts and measured by npm run bench:abuse.
    HEAVY_SHARE_PERCENT: '100',
    // WebP and AVIF of every size were most of the encoding time (AVIF alone ~1 s a picture on this
    // machine); only the suites about images ask for them (IMAGE_FORMATS in config/plugins.ts).
    IMAGE_FORMATS: 'none',
    // The jobs worker's poll (one claim statement a second) would land in the query counts of
    // test/integration/query-count.test.ts; jobs queued in the process wake it, and idle() runs
    // what is due. test/integration/jobs.test.ts checks the poll itself with a short one.
    JOBS_POLL_MS: '3600000',
    PUBLIC_DIR: publicDir,
  };

  if (database === 'sqlite') {
    const file = path.join(dbDir(), `${prefix}-${id}.db`);
    if (template) fs.copyFileSync(template.database, file);
    env.DATABASE_FILENAME = file;
    return {
      env,
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
        removePublic();
      },
    };
  }

  const name = `${prefix}_${id}`;
  await withClient(server, (c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template.database}"` : ''}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  // A throwaway database needs no wait for the WAL flush at each commit (the suite commits ~10^4 times).
  url.searchParams.set('options', '-c synchronous_commit=off');
  env.DATABASE_URL = url.toString();
  env.DATABASE_POOL_MIN = '0';
  return {
    env,
    drop: () =>
      withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => removePublic()),
  };
}

/** Whether PostgreSQL answers at TEST_POSTGRES_URL: true, or the error message. */
async function postgresReachable() {
  const client = new Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    return error.message;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * @typedef {{ database: string, uploads: string }} Template a seeded database (SQLite file path or
 * PostgreSQL database name) and the uploads folder its file rows point into
 */

/** The template global-setup built for this run, if any (passed to the workers through the env). */
function runTemplate(database) {
  const raw = process.env[`TEST_TEMPLATE_${database.toUpperCase()}`];
  return raw ? JSON.parse(raw) : undefined;
}

module.exports = { createTestEnv, postgresReachable, adminUrl, runTemplate, dbDir };
