import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Client } from 'pg';
import { createStrapi, type Core } from '@strapi/strapi';

export const appDir = path.resolve(__dirname, '..', '..');
const distDir = path.join(appDir, 'dist');

export const testDatabase = (process.env.TEST_DATABASE ?? 'sqlite') as 'sqlite' | 'postgres';
export const databaseAvailable = testDatabase === 'sqlite' || process.env.TEST_POSTGRES_AVAILABLE === '1';

/** `describe` for the integration suites: skipped (loudly, once) when PostgreSQL is not there. */
export const describeIntegration: jest.Describe = databaseAvailable ? describe : describe.skip;

export interface TestApp {
  strapi: Core.Strapi;
  /** The env the app was started with (to start a second process on the same database). */
  env: Record<string, string>;
  stop: () => Promise<void>;
}

const random = () => crypto.randomBytes(24).toString('base64');

/** Secrets and database settings for a throwaway app; no .env is read or written. */
export async function createTestEnv(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const id = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
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
    SEED_SAMPLE_DATA: 'true',
    DATABASE_CLIENT: testDatabase,
    DATABASE_URL: '',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'false',
    LOG_LEVEL: 'warn',
  };

  if (testDatabase === 'sqlite') {
    const file = path.join(os.tmpdir(), `tdkt-test-${id}.db`);
    env.DATABASE_FILENAME = file;
    return {
      env,
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      },
    };
  }

  const admin = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tdkt_test_${id}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  env.DATABASE_POOL_MIN = '0';
  return {
    env,
    drop: () => withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Strapi finishes some work after a document action returns (event listeners); closing the
 * pool under it aborts those queries. Wait until the pool is idle, for at most 5 s.
 */
async function settle(strapi: Core.Strapi): Promise<void> {
  const pool = (strapi.db.connection.client as { pool?: { numUsed(): number; numPendingAcquires(): number } }).pool;
  const deadline = Date.now() + 5000;
  do {
    await new Promise((r) => setTimeout(r, 50));
  } while (pool && pool.numUsed() + pool.numPendingAcquires() > 0 && Date.now() < deadline);
}

/** Boots the real app in this process on a fresh database, with the HTTP server mounted. */
export async function startApp(): Promise<TestApp> {
  const { env, drop } = await createTestEnv();
  Object.assign(process.env, env);
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  return {
    strapi,
    env,
    stop: async () => {
      await settle(strapi);
      await strapi.destroy();
      await drop();
    },
  };
}
