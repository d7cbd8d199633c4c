import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSdkBuilt, ROOT } from './fixtures/sdk/ensure-built';

// Type test: a strict consumer of the built @tenantry/sdk compiles, and each misuse in it fails to compile.
const FIXTURE = join(ROOT, 'server/test/fixtures/sdk/types');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

interface Diagnostic {
  line: number;
  code: string;
  message: string;
}

/** Runs tsc --noEmit on a tsconfig; returns its diagnostics for consumer.ts (empty when it compiles). */
function typecheck(tsconfig: string): { ok: boolean; diagnostics: Diagnostic[]; output: string } {
  try {
    execFileSync(process.execPath, [TSC, '-p', tsconfig, '--pretty', 'false'], { stdio: 'pipe', encoding: 'utf8', timeout: 120_000 });
    return { ok: true, diagnostics: [], output: '' };
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? '') + String((error as { stderr?: string }).stderr ?? '');
    const diagnostics = [...output.matchAll(/consumer\.ts\((\d+),\d+\): error (TS\d+): (.*)/g)].map((m) => ({
      line: Number(m[1]),
      code: m[2],
      message: m[3],
    }));
    return { ok: false, diagnostics, output };
  }
}

describe('@tenantry/sdk types (tsc --noEmit, strict)', () => {
  beforeAll(() => ensureSdkBuilt());

  it('compiles a strict consumer whose misuses are all marked @ts-expect-error', () => {
    const result = typecheck(join(FIXTURE, 'tsconfig.json'));
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('each misuse fails with the expected error, on its own line, when unmarked', () => {
    const source = readFileSync(join(FIXTURE, 'consumer.ts'), 'utf8');
    const lines = source.split('\n');
    // Line (1-based) of the statement under each marker, with the code the marker expects.
    const expected = lines.flatMap((text, i) => {
      const match = /\/\/ @ts-expect-error -- expects (TS\d+)/.exec(text);
      return match ? [{ line: i + 2, code: match[1] }] : [];
    });
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(expected.map((e) => e.code)).toEqual(expect.arrayContaining(['TS2322', 'TS2741', 'TS2367']));

    const dir = mkdtempSync(join(tmpdir(), 'tenantry-sdk-types-'));
    try {
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      copyFileSync(join(FIXTURE, 'tsconfig.json'), join(dir, 'tsconfig.json'));
      writeFileSync(join(dir, 'consumer.ts'), source.replace(/\/\/ @ts-expect-error/g, '// (marker removed)'));
      const result = typecheck(join(dir, 'tsconfig.json'));
      expect(result.ok).toBe(false);
      const found = result.diagnostics.map(({ line, code }) => ({ line, code }));
      expect(found).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
