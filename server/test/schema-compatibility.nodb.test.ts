import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildClientSchema, buildSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { diff } from '@graphql-inspector/core';
import { ok, Role, startTestServer } from './support/harness';

/**
 * Issue 12: the committed schema never breaks the last released SDK. `npm run schema:check` (graphql-inspector's
 * CLI) compares schema/schema.graphql with schema/released.graphql; this spec runs the same command, and shows
 * that it catches a removal and lets a deprecation through (the way to retire a field).
 */
const ROOT = resolve(__dirname, '../..');
const CURRENT = join(ROOT, 'schema/schema.graphql');
const RELEASED = join(ROOT, 'schema/released.graphql');
const INSPECTOR = join(ROOT, 'node_modules/@graphql-inspector/cli/cjs/index.js');
const RULES = ['schema/subscription-root-rule.js', 'schema/accepted-breaking-changes.js'];

/** Runs `graphql-inspector diff OLD NEW` as `npm run schema:check` does (with its rule) and returns its exit code and output. */
async function inspectorDiff(oldSchema: string, newSchema: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [INSPECTOR, 'diff', oldSchema, newSchema, ...RULES.flatMap((rule) => ['--rule', rule])],
      { cwd: ROOT, timeout: 60_000 },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('schema compatibility with the released SDK', () => {
  let workdir: string;
  beforeAll(() => {
    workdir = mkdtempSync(join(tmpdir(), 'tenantry-schema-'));
  });
  afterAll(() => rmSync(workdir, { recursive: true, force: true }));

  /** The committed schema with one edit, written to a scratch file. */
  const edited = (name: string, edit: (sdl: string) => string) => {
    const sdl = readFileSync(CURRENT, 'utf8');
    const changed = edit(sdl);
    expect(changed).not.toBe(sdl);
    const file = join(workdir, name);
    writeFileSync(file, changed);
    return file;
  };

  it('npm run schema:check runs graphql-inspector on the two committed files', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts['schema:check']).toBe(
      `graphql-inspector diff schema/released.graphql schema/schema.graphql ${RULES.map((r) => `--rule ${r}`).join(' ')}`,
    );
  });

  it('the committed schema has no breaking change against schema/released.graphql', async () => {
    const { code, output } = await inspectorDiff(RELEASED, CURRENT);
    expect(output).not.toMatch(/Detected \d+ breaking change/);
    expect(code).toBe(0);
  });

  it('a removed field is a breaking change the check refuses', async () => {
    const removed = edited('removed.graphql', (sdl) =>
      sdl.replace(/\n {2}"""[^"]*"""\n {2}verifyPartnerId\([^)]*\): PartnerIdVerification!\n/, '\n'),
    );
    const { code, output } = await inspectorDiff(RELEASED, removed);
    expect(code).toBe(1);
    expect(output).toContain('Field verifyPartnerId was removed from object type Query');
    expect(output).toMatch(/Detected 1 breaking change/);
  });

  it('a breaking change made on purpose passes only as listed in schema/accepted-breaking-changes.js, with its reason', async () => {
    const { ACCEPTED } = (await import(join(ROOT, 'schema/accepted-breaking-changes.js'))) as {
      ACCEPTED: { path: string; reason: string }[];
    };
    expect(ACCEPTED.map((a) => a.path)).toEqual(['SubscriptionQuote.monthlyTotalCents']);
    const current = await inspectorDiff(RELEASED, CURRENT);
    expect(current.output).toContain(
      `SubscriptionQuote.monthlyTotalCents changed type from Int! to SafeInt! (accepted: ${ACCEPTED[0].reason})`,
    );
    // The same kind of change to a field not on the list still fails.
    const unlisted = edited('unlisted.graphql', (sdl) => sdl.replace(/\n {2}minQuantity: Int!\n/, '\n  minQuantity: SafeInt!\n'));
    const { code, output } = await inspectorDiff(RELEASED, unlisted);
    expect(output).toMatch(/✖ +Field Offer\.minQuantity changed type from Int! to SafeInt!/);
    expect(code).toBe(1);
  });

  it('a deprecated field is not: deprecate first, remove in a later major release', async () => {
    const deprecated = edited('deprecated.graphql', (sdl) =>
      sdl.replace(
        /\n {2}verifyPartnerId\(([^)]*)\): PartnerIdVerification!\n/,
        '\n  verifyPartnerId($1): PartnerIdVerification! @deprecated(reason: "Use checkPartnerId.")\n',
      ),
    );
    const { code, output } = await inspectorDiff(RELEASED, deprecated);
    expect(output).toContain('Field Query.verifyPartnerId is deprecated');
    expect(output).toContain('No breaking changes detected');
    expect(code).toBe(0);
  });

  it('names its root types, so the domain type Subscription is no subscription root (LiveUpdates is), as the live server says', async () => {
    const sdl = readFileSync(CURRENT, 'utf8');
    expect(sdl).toMatch(/^# .*\n\nschema \{\n {2}query: Query\n {2}mutation: Mutation\n {2}subscription: LiveUpdates\n\}\n/);
    const committed = buildSchema(sdl);
    expect(committed.getSubscriptionType()?.name).toBe('LiveUpdates');

    const server = await startTestServer();
    try {
      const token = await server.token(Role.PLATFORM_ADMIN);
      const introspection = await server.gql<IntrospectionQuery>(
        getIntrospectionQuery({ specifiedByUrl: true, directiveIsRepeatable: true }),
        {},
        token,
      );
      const live = buildClientSchema(ok(introspection));
      expect(live.getSubscriptionType()?.name).toBe('LiveUpdates');
      // JSONObject's @specifiedBy (graphql-scalars) arrives as specifiedByURL; the diff compares applied directives,
      // which an introspected schema has none of.
      const changes = (await diff(committed, live)).filter(
        (change) => !(change.type === 'DIRECTIVE_USAGE_SCALAR_REMOVED' && change.meta?.removedDirectiveName === 'specifiedBy'),
      );
      expect(changes).toEqual([]);
      expect(live.getType('JSONObject')).toMatchObject({
        specifiedByURL: (committed.getType('JSONObject') as { specifiedByURL?: string }).specifiedByURL,
      });
    } finally {
      await server.stop();
    }
  });
});
