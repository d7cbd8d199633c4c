import type { KnipConfig } from 'knip';

// Unused files, exports and dependencies: `npm run knip`; CI runs it. Each workspace names the files that start
// something (a process, a script, a spec); everything else must be reached from one of them.
const config: KnipConfig = {
  // Written by codegen (SDK and spec documents); `npm run codegen` owns what they export.
  ignore: ['**/generated/**', 'server/test/fixtures/sdk/own-documents/src/**'],
  // Jest reads jest.config.ts through ts-node, which nothing imports.
  ignoreDependencies: ['ts-node'],
  // The cluster harness runs the system's MariaDB tools (Debian's mariadb-server package).
  ignoreBinaries: ['mariadb-install-db'],
  workspaces: {
    '.': {
      entry: [
        // The bench and its servers under test, which run.js starts as child processes by path.
        'bench/*.js',
        // The cluster harness (npm run test:cluster) is compiled on its own, outside the workspaces.
        'cluster/src/main.ts',
        // graphql-inspector's rules, loaded by path from `npm run schema:check`.
        'schema/*.js',
      ],
      project: ['bench/**/*.js', 'cluster/src/**/*.ts', 'schema/*.js', '*.ts', '*.mjs'],
    },
    server: {
      entry: [
        'src/scripts/*.ts',
        'scripts/*.mjs',
        // Bundled for the browser by src/scripts/build-explorer.ts.
        'src/explorer/browser/explorer.mjs',
        // Projects the specs build, pack or typecheck as a user's code would.
        'test/fixtures/**/*.{ts,cts,mts}',
      ],
      project: ['src/**/*.{ts,mjs}', 'scripts/*.mjs', 'test/**/*.{ts,cts,mts}'],
    },
    sdk: {
      entry: ['src/index.ts', 'codegen/*.cjs', 'scripts/*.mjs'],
      project: ['src/**/*.ts', 'codegen/*.cjs', 'scripts/*.mjs'],
    },
  },
};

export default config;
