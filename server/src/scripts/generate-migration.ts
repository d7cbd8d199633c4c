import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/data-source';

/**
 * Writes a migration holding the difference between the entities and the database named by
 * DATABASE_URL (already migrated to the latest migration), for that database's dialect.
 * Usage: DATABASE_URL=mysql://root@127.0.0.1:3306/scratch node server/dist/scripts/generate-migration.js Name
 */
async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Give the migration a PascalCase name.');
  const config = loadConfig();
  const dataSource = await openDatabase(config.database);
  const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  if (upQueries.length === 0) {
    process.stdout.write('The database already matches the entities: no migration needed.\n');
    return;
  }
  const dialect = config.database.kind;
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const line = (q: { query: string; parameters?: unknown[] }) =>
    `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${upQueries.map(line).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${downQueries.reverse().map(line).join('\n')}
  }
}
`;
  const file = resolve(__dirname, `../../src/migrations/${dialect}/${timestamp}-${name}.ts`);
  writeFileSync(file, source);
  process.stdout.write(`wrote ${file}; add ${className} to src/migrations/${dialect}/index.ts\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
