import type { Config } from 'jest';

// Every test file runs twice: once on the embedded SQLite database and once on MySQL/MariaDB.
// The harness reads TENANTRY_TEST_DB (set per project below) to pick the database.
// ts-jest in transpile-only mode (types are checked by tsc in the build): emits decorator metadata
// like the real build does, and turns the ESM-only dependencies into CommonJS for Jest.
const tsJest: [string, Record<string, unknown>] = [
  'ts-jest',
  {
    tsconfig: {
      isolatedModules: true,
      allowJs: true,
      module: 'commonjs',
      target: 'ES2022',
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  },
];

const common = {
  transform: { '^.+\\.(t|j)sx?$': tsJest },
  // jose, uuid and unicode-case-folding ship ESM only; let ts-jest turn them into CommonJS for Jest's module loader.
  transformIgnorePatterns: ['/node_modules/(?!(jose|uuid|unicode-case-folding)/)'],
  testEnvironment: 'node',
};

const config: Config = {
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/server/test/support/slowest-files-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'sqlite',
      testMatch: ['<rootDir>/server/test/**/*.test.ts'],
      // `*.mariadb.test.ts` need several server processes over one database: a MySQL/MariaDB deployment only.
      testPathIgnorePatterns: ['/node_modules/', '\\.mariadb\\.test\\.ts$'],
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
