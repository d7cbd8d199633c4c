// Deletes what an incremental `tsc` leaves behind in the build when a source file is deleted or renamed: tsc
// writes only what changed and never removes, so a deleted module would keep running from dist.
// Usage: node scripts/prune-stale-build.mjs [srcDir] [distDir]  (defaults: src, dist, beside this script's parent).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = resolve(root, process.argv[2] ?? 'src');
const dist = resolve(root, process.argv[3] ?? 'dist');
// Built by other steps (the explorer's bundle), not compiled from a .ts file.
const notCompiled = [join(dist, 'explorer', 'assets')];

const emitted = /\.(js|js\.map|d\.ts|d\.ts\.map)$/;
const removed = [];

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (notCompiled.some((skip) => path === skip || path.startsWith(skip + '/'))) continue;
    if (entry.isDirectory()) {
      walk(path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
      continue;
    }
    if (!emitted.test(entry.name)) continue;
    const source = join(src, relative(dist, path)).replace(emitted, '.ts');
    if (!existsSync(source)) {
      rmSync(path);
      removed.push(relative(root, path));
    }
  }
}

if (existsSync(dist)) walk(dist);
if (removed.length > 0) console.log(`Removed ${removed.length} stale build file(s) whose source is gone: ${removed.join(', ')}`);
