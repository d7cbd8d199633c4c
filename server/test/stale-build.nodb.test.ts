import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Issue 24, builds that cannot go stale: `tsc --incremental` never deletes what it emitted, so a module
 * deleted from src kept running from dist. The server's build prunes dist after compiling; this spec runs
 * the same two steps (tsc, then the prune script) on a small project of its own, so it touches no build
 * another spec is reading.
 */
const ROOT = resolve(__dirname, '../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const PRUNE = join(ROOT, 'server/scripts/prune-stale-build.mjs');

describe('the server build never keeps a deleted module', () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'tenantry-stale-build-'));
    mkdirSync(join(project, 'src/feature'), { recursive: true });
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          rootDir: 'src',
          outDir: 'dist',
          module: 'commonjs',
          target: 'ES2022',
          sourceMap: true,
          incremental: true,
          tsBuildInfoFile: 'dist/.tsbuildinfo',
          types: [],
        },
        include: ['src'],
      }),
    );
    writeFileSync(
      join(project, 'src/main.ts'),
      "declare const require: (id: string) => { name: string };\nlet found = 'none';\ntry { found = require('./feature/old').name; } catch { found = 'gone'; }\nconsole.log(found);\n",
    );
    writeFileSync(join(project, 'src/feature/old.ts'), "export const name = 'old';\n");
    mkdirSync(join(project, 'dist/explorer/assets'), { recursive: true });
    writeFileSync(join(project, 'dist/explorer/assets/explorer.js'), '// built by another step\n');
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const build = () => {
    execFileSync(process.execPath, [TSC, '-p', join(project, 'tsconfig.json')], { stdio: 'pipe' });
    return execFileSync(process.execPath, [PRUNE, join(project, 'src'), join(project, 'dist')], { encoding: 'utf8' });
  };
  const run = () => execFileSync(process.execPath, [join(project, 'dist/main.js')], { encoding: 'utf8' }).trim();

  it('is what npm run build:server runs: tsc, then the prune script', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'server/package.json'), 'utf8')) as { scripts: { build: string } };
    expect(scripts.build).toMatch(/^tsc -p tsconfig\.json && node scripts\/prune-stale-build\.mjs && /);
  });

  it('removes the output of a deleted source file, its map and an emptied folder, and keeps what other steps built', () => {
    build();
    expect(run()).toBe('old');
    rmSync(join(project, 'src/feature/old.ts'));
    expect(build()).toMatch(/Removed 2 stale build file\(s\) whose source is gone: .*feature\/old\.js/);
    expect(['dist/feature/old.js', 'dist/feature/old.js.map', 'dist/feature'].filter((path) => existsSync(join(project, path)))).toEqual(
      [],
    );
    expect(run()).toBe('gone');
    expect(existsSync(join(project, 'dist/explorer/assets/explorer.js'))).toBe(true);
    expect(build()).toBe('');
  });
});
