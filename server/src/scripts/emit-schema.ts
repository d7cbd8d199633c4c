import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printTenantrySchema } from '../graphql/schema';

/** Writes schema/schema.graphql from the type-graphql classes; `--check` fails when the file is stale. */
async function main() {
  const target = resolve(__dirname, '../../../schema/schema.graphql');
  const sdl = await printTenantrySchema();
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== sdl) {
      process.stderr.write('schema/schema.graphql is stale: run `npm run schema` and commit the result.\n');
      process.exit(1);
    }
    return;
  }
  writeFileSync(target, sdl);
  process.stdout.write(`wrote ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
