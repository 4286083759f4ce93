// Once per `npm test`: compile the app to dist/ (as `strapi develop` does) and see whether
// PostgreSQL is there for the postgres project.
const path = require('node:path');
const { postgresReachable, adminUrl } = require('../helpers/test-env');

const appDir = path.resolve(__dirname, '..', '..');

module.exports = async () => {
  const { compileStrapi } = require('@strapi/strapi');
  const started = Date.now();
  await compileStrapi({ appDir });
  console.log(`\n[test] app compiled to dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  process.env.TEST_POSTGRES_URL ||= adminUrl();
  const reachable = await postgresReachable();
  if (reachable === true) {
    process.env.TEST_POSTGRES_AVAILABLE = '1';
  } else {
    const banner = `PostgreSQL at ${process.env.TEST_POSTGRES_URL} is unreachable (${reachable}).`;
    // CI must test PostgreSQL for real; a developer without it still gets the SQLite run.
    if (process.env.CI) throw new Error(`${banner} CI requires it.`);
    console.warn(`\n${'!'.repeat(78)}\n[test] ${banner}\n[test] The postgres project is SKIPPED. Set TEST_POSTGRES_URL to run it.\n${'!'.repeat(78)}\n`);
  }
};
