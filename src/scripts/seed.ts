/**
 * `npm run seed`: loads the sample content into the configured database if it is empty
 * (or finishes an interrupted load), whatever SEED_SAMPLE_DATA says, then exits.
 */
import { loadSampleData } from '../seed/load';
import { withStrapi } from './with-strapi';

const said: Record<string, string> = {
  start: 'Sample content loaded.',
  resume: 'Interrupted load finished.',
  'already-done': 'Sample content was already loaded; nothing to do.',
  'has-content': 'The database already has content; sample data was not loaded.',
};

// SEED_SAMPLE_DATA=false at boot: the explicit call below does the work, once.
withStrapi(
  async (strapi) => {
    const decision = await loadSampleData(strapi, { enabled: true });
    console.log(said[decision] ?? decision);
  },
  { SEED_SAMPLE_DATA: 'false' }
);
