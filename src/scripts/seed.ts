/**
 * `npm run seed`: loads the sample content into the configured database if it is empty
 * (or finishes an interrupted load), whatever SEED_SAMPLE_DATA says, then exits.
 */
import path from 'node:path';
import { createStrapi } from '@strapi/strapi';
import { appRoot } from '../env/app-root';
import { loadSampleData } from '../seed/load';

async function main() {
  const appDir = appRoot();
  process.env.SEED_SAMPLE_DATA = 'false'; // the explicit call below does the work, once
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    const decision = await loadSampleData(strapi, { enabled: true });
    const said: Record<string, string> = {
      start: 'Sample content loaded.',
      resume: 'Interrupted load finished.',
      'already-done': 'Sample content was already loaded; nothing to do.',
      'has-content': 'The database already has content; sample data was not loaded.',
    };
    console.log(said[decision] ?? decision);
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
