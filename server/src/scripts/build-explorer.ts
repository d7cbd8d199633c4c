import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { EXPLORER_ASSETS_DIR } from '../explorer/assets';

/**
 * Bundles the offline explorer (GraphiQL, React and Monaco's workers from node_modules) into
 * server/dist/explorer/assets, so the page loads nothing from the internet. Runs as part of the server build.
 */
const SOURCE = resolve(__dirname, '../../src/explorer/browser/explorer.mjs');
const moduleFile = (specifier: string) => require.resolve(specifier, { paths: [dirname(SOURCE)] });

async function main() {
  if (!existsSync(SOURCE)) throw new Error(`${SOURCE} is missing`);
  rmSync(EXPLORER_ASSETS_DIR, { recursive: true, force: true });
  const common: BuildOptions = {
    bundle: true,
    minify: true,
    legalComments: 'linked',
    target: ['chrome120', 'firefox120', 'safari17'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: { explorer: SOURCE },
      outdir: EXPLORER_ASSETS_DIR,
      format: 'esm',
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
      assetNames: '[name]-[hash]',
    }),
    build({
      ...common,
      entryPoints: {
        'editor.worker': moduleFile('monaco-editor/esm/vs/editor/editor.worker.js'),
        'json.worker': moduleFile('monaco-editor/esm/vs/language/json/json.worker.js'),
        'graphql.worker': moduleFile('monaco-graphql/esm/graphql.worker.js'),
      },
      outdir: EXPLORER_ASSETS_DIR,
      format: 'iife',
    }),
  ]);
}

main().catch((error: unknown) => {
  process.stderr.write(`Building the explorer failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
