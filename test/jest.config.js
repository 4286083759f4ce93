// Four projects: pure unit tests, the same integration suite on SQLite and on PostgreSQL, and the
// editor's path through the built admin in a real browser.
const path = require('node:path');

const rootDir = path.resolve(__dirname, '..');
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] };
const shared = { rootDir, transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  rootDir,
  globalSetup: '<rootDir>/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/test/setup/global-teardown.js',
  testSequencer: '<rootDir>/test/setup/sequencer.js',
  reporters: ['default', '<rootDir>/test/setup/project-times-reporter.js'],
  // Hooks start and stop whole Strapi apps; on a busy 2-core machine stopping one (draining the
  // image queue) can take longer than jest's default 5 s.
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/src/plugins/*/tests/**/*.test.ts', '<rootDir>/src/providers/*/tests/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'sqlite',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/process/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/setup/use-sqlite.js'],
      globalSetup: '<rootDir>/test/setup/template-sqlite.js',
    },
    {
      ...shared,
      displayName: 'postgres',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      // Headers, rate limits, outbound requests and the OpenAPI document do not depend on the database: SQLite only.
      testPathIgnorePatterns: ['/test/integration/(api-guard|openapi|outbound)\\.test\\.ts$'],
      setupFiles: ['<rootDir>/test/setup/use-postgres.js'],
      globalSetup: '<rootDir>/test/setup/template-postgres.js',
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/setup/use-sqlite.js'],
    },
  ],
};
