import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import { appRoot } from '../env/app-root';

/**
 * Runs a command-line task against the configured database with the app loaded (not listening),
 * then shuts it down and exits with 0, or 1 after printing the error.
 */
export function withStrapi(task: (strapi: Core.Strapi) => Promise<void>, env: Record<string, string> = {}): void {
  Object.assign(process.env, env);
  const appDir = appRoot();
  const main = async () => {
    const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
    try {
      await task(strapi);
    } finally {
      await strapi.destroy();
    }
  };
  main().then(
    () => process.exit(), // with the exitCode the task set, 0 by default
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );
}
