// Throwaway app environments for tests and benchmarks: random secrets, no .env, and a fresh
// database (a temp SQLite file, or a new PostgreSQL database) that `drop()` removes again.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

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
 */
async function createTestEnv(database, prefix = 'tdkt_test', server = adminUrl()) {
  const id = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  // Uploads of this run go to a folder of its own, removed by drop().
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-public-`));
  fs.mkdirSync(path.join(publicDir, 'uploads'));
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
    PUBLIC_DIR: publicDir,
  };

  if (database === 'sqlite') {
    const file = path.join(os.tmpdir(), `${prefix}-${id}.db`);
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
  await withClient(server, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(server);
  url.pathname = `/${name}`;
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

module.exports = { createTestEnv, postgresReachable, adminUrl };
