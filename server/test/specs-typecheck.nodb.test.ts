import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureSdkBuilt, ROOT } from './fixtures/sdk/ensure-built';

// Jest runs the specs transpile-only; this compiles them, so a typed document sent with the wrong variables,
// or an answer read as something it is not, fails the suite.
describe('the specs type-check (tsc -p server/test)', () => {
  beforeAll(() => ensureSdkBuilt()); // the SDK specs import the built @tenantry/sdk

  it('without an error', () => {
    let output = '';
    try {
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'server/test/tsconfig.json'), '--pretty', 'false'],
        {
          stdio: 'pipe',
          encoding: 'utf8',
          timeout: 180_000,
        },
      );
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      output = `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
    }
    expect(output).toBe('');
  });
});
