// The steps two migration runners race on (test/integration/migrations.test.ts), and, run as a
// script, the second runner: a process of its own, as a second instance starting is. It loads,
// says "ready", waits for "go" on stdin so both start together, then prints what it applied.
const { runMigrations } = require('strapi-table-migrations');

const RACE_SCOPE = 'race-demo';
const RACE_LOG = 'race_migration_log';

/** Three steps that log who ran them, each held open a moment so the other runner arrives meanwhile. */
const raceSteps = () =>
  [1, 2, 3].map((version) => ({
    version,
    name: `step-${version}`,
    up: async (trx, runner) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await trx(RACE_LOG).insert({ version, runner });
    },
  }));

module.exports = { RACE_LOG, RACE_SCOPE, raceSteps };

if (require.main === module) {
  const knex = require('knex')(JSON.parse(process.argv[2]));
  knex
    .raw('select 1')
    .then(
      () =>
        new Promise((resolve) => {
          process.stdin.once('data', resolve);
          process.stdout.write('ready\n');
        })
    )
    .then(() => runMigrations(knex, RACE_SCOPE, raceSteps(), 'child'))
    .then((applied) => process.stdout.write(`${JSON.stringify(applied.map((m) => m.version))}\n`))
    .catch((error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    })
    .finally(() => knex.destroy());
}
