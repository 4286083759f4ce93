// Longest test files first: with two workers, a long file started last keeps one worker busy alone
// at the end (the draft oracle did, for minutes). Jest's own order uses the times of this
// machine's previous runs when it has them; a fresh clone (CI) has none, and file size says little
// about a file that boots apps. So the times measured here (seconds, `npm test` on the 2-core
// machine, see the project-times reporter) rank the files, and Jest's cache or size the rest.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

// Seconds in one `npm test` on 2026-12-02 (load average ~9: another team's runs shared the cores),
// so only their order matters. The browser file adds ~90 s when the admin must be built.
const MEASURED = {
  'postgres test/integration/draft-oracle.test.ts': 554,
  'sqlite test/integration/draft-oracle.test.ts': 480,
  'sqlite test/process/backup-restore.test.ts': 270,
  'sqlite test/process/boot.test.ts': 139,
  'sqlite test/integration/permission-matrix.test.ts': 120,
  'browser test/browser/editor.test.ts': 114,
  'sqlite test/integration/publishing-rights.test.ts': 98,
  'sqlite test/integration/api-cache.test.ts': 83,
  'sqlite test/integration/image-pipeline.test.ts': 78,
  'sqlite test/process/api-cache-instances.test.ts': 74,
  // Measured on 2026-12-03 (load average ~4): two instances, nginx, PostgreSQL, Redis and s3rver, 20 uploads.
  'sqlite test/process/topology.test.ts': 90,
};
// A file not in the table: an integration file boots an app (~5 s), a unit file is quick.
const guess = (project) => (project === 'unit' ? 0.5 : 5);

class LongestFirst extends Sequencer {
  sort(tests) {
    const cached = (test) => this._getCache(test)[test.path]?.[1];
    const seconds = (test) => {
      const project = test.context.config.displayName?.name ?? '';
      const key = `${project} ${path.relative(test.context.config.rootDir, test.path)}`;
      const ms = cached(test);
      return MEASURED[key] ?? (ms ? ms / 1000 : guess(project));
    };
    return [...tests].sort((a, b) => seconds(b) - seconds(a));
  }
}

module.exports = LongestFirst;
