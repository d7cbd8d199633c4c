// Marks each build's module system for Node and for TypeScript's node16/nodenext resolution:
// dist/esm holds ES modules and dist/cjs CommonJS, whatever the package's own "type" says.
import { writeFileSync } from 'node:fs';

for (const [dir, type] of [
  ['esm', 'module'],
  ['cjs', 'commonjs'],
]) {
  writeFileSync(new URL(`../dist/${dir}/package.json`, import.meta.url), `${JSON.stringify({ type }, null, 2)}\n`);
}
