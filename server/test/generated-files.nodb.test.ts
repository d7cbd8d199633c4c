import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTenantrySchema } from '../src/graphql/schema';
import { ROOT } from './fixtures/sdk/ensure-built';

/**
 * Every generated file is committed and must be what its command makes now from the committed sources.
 * Nothing `npm test` runs writes them (the SDK build compiles what is committed), so a stale commit fails here.
 */
const CODEGEN_OUTPUTS = ['sdk/src/generated', 'server/test/graphql/generated'];

const filesOf = (dir: string) =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort();

describe('generated files are current', () => {
  it('schema/schema.graphql is the SDL of the type-graphql classes (run `npm run schema` when this fails)', async () => {
    expect(readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8')).toBe(await printTenantrySchema());
  });

  describe('what `npm run codegen` writes (run it when these fail)', () => {
    let fresh: string;
    beforeAll(() => {
      fresh = mkdtempSync(join(tmpdir(), 'tenantry-codegen-'));
      execFileSync(process.execPath, [join(ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'codegen.ts'], {
        cwd: ROOT,
        env: { ...process.env, TENANTRY_CODEGEN_ROOT: fresh },
        stdio: 'pipe',
        timeout: 120_000,
      });
    });
    afterAll(() => rmSync(fresh, { recursive: true, force: true }));

    it.each(CODEGEN_OUTPUTS)('%s is what codegen makes from the committed schema and documents', (dir) => {
      const [committed, generated] = [join(ROOT, dir), join(fresh, dir)];
      expect(filesOf(committed)).toEqual(filesOf(generated));
      const stale = filesOf(generated).filter((f) => readFileSync(join(generated, f), 'utf8') !== readFileSync(join(committed, f), 'utf8'));
      expect(stale).toEqual([]);
    });
  });
});
