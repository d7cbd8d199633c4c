import type { Config } from 'jest';

// Every test file runs twice: once on the embedded SQLite database and once on MySQL/MariaDB.
// The harness reads TENANTRY_TEST_DB (set per project below) to pick the database.
const swc: [string, Record<string, unknown>] = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  // jose and uuid ship ESM only; let swc turn it into CommonJS for Jest's module loader.
  transformIgnorePatterns: ['/node_modules/(?!(jose|uuid)/)'],
  testEnvironment: 'node',
};

const config: Config = {
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'sqlite',
      testMatch: ['<rootDir>/server/test/**/*.test.ts'],
      setupFiles: ['<rootDir>/server/test/support/use-sqlite.ts'],
    },
    {
      ...common,
      displayName: 'mariadb',
      testMatch: ['<rootDir>/server/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.nodb\\.test\\.ts$'],
      setupFiles: ['<rootDir>/server/test/support/use-mysql.ts'],
    },
  ],
};

export default config;
