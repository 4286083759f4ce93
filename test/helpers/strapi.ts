import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
// Shared with the benchmarks, which are plain JavaScript.
import { createTestEnv as createEnv, runTemplate, type TestEnv } from './test-env';

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

/** Secrets and database settings for a throwaway app on an empty database; no .env is read or written. */
export const createTestEnv = (): Promise<TestEnv> => createEnv(testDatabase);

/**
 * The same on a copy of this run's seeded template (global-setup), or on an empty database that
 * the app seeds at boot when there is none (a file run outside jest's global setup).
 */
export const createSeededEnv = (): Promise<TestEnv> => createEnv(testDatabase, undefined, undefined, { template: runTemplate(testDatabase) });

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

/**
 * Boots the real app in this process on a fresh copy of the seeded sample, with the HTTP server
 * mounted. `overrides` replace settings of the test env (e.g. low rate limits); with
 * SEED_SAMPLE_DATA=false the database starts empty instead.
 */
export async function startApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const { env: base, drop } = overrides.SEED_SAMPLE_DATA === 'false' ? await createTestEnv() : await createSeededEnv();
  return bootApp({ ...base, ...overrides }, drop);
}

/**
 * Boots the real app on the database `env` names, as it is (e.g. a database made by older code);
 * `drop` runs after it stops (a no-op keeps the database for another boot).
 */
export async function bootApp(env: Record<string, string>, drop: () => Promise<void>): Promise<TestApp> {
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
