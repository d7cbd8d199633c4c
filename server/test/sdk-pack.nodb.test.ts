import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './support/harness';
import { buildWorld, type World } from './support/world';
import { ensureSdkBuilt, ROOT } from './fixtures/sdk/ensure-built';
import { ifSetUp } from './support/set-up';

// `npm pack -w sdk` → install the tarball into an empty project → compile strict ESM and CommonJS consumers
// with TypeScript → run both against the server.
const FIXTURE = join(ROOT, 'server/test/fixtures/sdk/pack');

/** The environment without the npm_* variables of an enclosing `npm test`, so npm runs as it would for a user. */
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

const run = (command: string, args: string[], cwd: string) => {
  try {
    return execFileSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', stdio: 'pipe', timeout: 120_000 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`, { cause: error });
  }
};

/** Like `run`, but leaves this process's event loop free: the consumers call the server this process runs. */
const runAsync = async (command: string, args: string[], cwd: string) => {
  try {
    return (await promisify(execFile)(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 60_000 })).stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`, { cause: error });
  }
};

describe('the packed @tenantry/sdk in a fresh project', () => {
  let server: TestServer;
  let world: World;
  let workdir: string;
  let project: string;
  let tarball: string;
  let packed: { filename: string; files: { path: string }[] };

  beforeAll(async () => {
    ensureSdkBuilt();
    workdir = mkdtempSync(join(tmpdir(), 'tenantry-sdk-pack-'));
    server = await startTestServer();
    world = await buildWorld(server);
    // The build is fresh (ensureSdkBuilt): skip prepack's rebuild, which other test files may be reading.
    const json = run('npm', ['pack', '-w', '@tenantry/sdk', '--pack-destination', workdir, '--ignore-scripts', '--json'], ROOT);
    [packed] = JSON.parse(json.slice(json.indexOf('[')));
    tarball = join(workdir, packed.filename);

    project = join(workdir, 'consumer');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'sdk-consumer', version: '1.0.0', private: true }, null, 2));
    // The SDK's one dependency (graphql-ws, for live updates, with its peer graphql) comes from npm's cache when
    // it holds their full registry documents, else from the registry (\`npm ci\` caches only abbreviated ones).
    run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
    // TypeScript and Node's types from the repository, instead of downloading them.
    mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules/typescript'), join(project, 'node_modules/typescript'), 'dir');
    symlinkSync(join(ROOT, 'node_modules/@types/node'), join(project, 'node_modules/@types/node'), 'dir');
    for (const file of ['tsconfig.json', 'consumer.mts', 'consumer.cts']) copyFileSync(join(FIXTURE, file), join(project, file));
  }, 180_000);

  afterAll(async () => {
    await ifSetUp(server)?.stop();
    if (workdir) rmSync(workdir, { recursive: true, force: true });
  });

  it('packs exactly what an integrator needs: the ESM and CommonJS builds with their types, the schema, the README and the licence', () => {
    const modules = [
      'client',
      'document-kind',
      'errors',
      'generated/graphql',
      'generated/operations',
      'generated/schema-enums',
      'index',
      'live',
      'paginate',
      'retry',
      'types',
      'webhooks',
    ];
    const build = (format: 'esm' | 'cjs') => [
      `dist/${format}/package.json`,
      ...modules.flatMap((m) => [`dist/${format}/${m}.js`, `dist/${format}/${m}.d.ts`]),
    ];
    expect(packed.files.map((f) => f.path).sort()).toEqual(
      ['LICENSE', 'README.md', 'package.json', 'dist/schema.graphql', ...build('esm'), ...build('cjs')].sort(),
    );
    expect(packed.filename).toBe(`tenantry-sdk-${JSON.parse(readFileSync(join(ROOT, 'sdk/package.json'), 'utf8')).version}.tgz`);
  });

  it('has what the registry needs to publish it (version, licence, engines, exports) and no placeholder', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/@tenantry/sdk/package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '@tenantry/sdk',
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      license: 'MIT',
      engines: { node: expect.any(String) },
      publishConfig: { access: 'public' },
    });
    // The repository is not public yet: a made-up URL would send integrators somewhere that is not ours.
    for (const field of ['repository', 'homepage', 'bugs', 'author'])
      expect({ field, value: manifest[field] }).toEqual({ field, value: undefined });
    expect(JSON.stringify(manifest)).not.toMatch(/example\.com|TODO|FIXME|your-?name|github\.com\/tenantry/i);
    expect(manifest.private).toBeUndefined();
    expect(Object.keys(manifest.exports).sort()).toEqual(['.', './package.json', './schema.graphql']);
    // The schema of the installed version, for an integrator's own codegen.
    const shipped = readFileSync(require.resolve('@tenantry/sdk/schema.graphql', { paths: [project] }), 'utf8');
    expect(shipped).toBe(readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8'));
  });

  it('installs with one dependency, graphql-ws (live updates), and its peer graphql', () => {
    const installed = readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.'));
    expect(installed.sort()).toEqual(['@tenantry', '@types', 'graphql', 'graphql-ws', 'typescript']);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/@tenantry/sdk/package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['graphql-ws']);
    expect(manifest.peerDependencies ?? {}).toEqual({});
  });

  it('compiles strict ESM and CommonJS consumers and runs both against the server', async () => {
    run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], project);
    const token = world.tokens.resellerAdmin;
    const consume = async (file: string, suffix: string) => {
      const stdout = await runAsync(process.execPath, [join('out', file), server.url, token, suffix, world.offers.e5.id], project);
      return JSON.parse(stdout.trim().split('\n').pop()!);
    };
    const esm = await consume('consumer.mjs', 'pack0');
    const cjs = await consume('consumer.cjs', 'pack1');
    expect(esm.module).toBe('esm');
    expect(esm.resolved).toMatch(/node_modules\/@tenantry\/sdk\/dist\/esm\/index\.js$/);
    expect(cjs.module).toBe('cjs');
    expect(cjs.resolved).toMatch(/node_modules\/@tenantry\/sdk\/dist\/cjs\/index\.js$/);
    for (const [result, prefix] of [
      [esm, 'esm'],
      [cjs, 'cjs'],
    ]) {
      expect(result).toMatchObject({
        partnerId: world.partners.reseller,
        customer: { id: expect.any(String), billingManagedBy: world.partners.reseller },
        refusal: 'OFFER_NOT_AUTHORIZED',
        networkError: 'fetch-failed',
      });
      expect(result.domains).toContain(`${prefix}-pack${prefix === 'esm' ? 0 : 1}.example`);
    }
    // The CommonJS run, second, pages through every customer: Adatum and both new ones.
    expect(cjs.domains).toEqual(expect.arrayContaining(['adatum.example', 'esm-pack0.example', 'cjs-pack1.example']));
  });
});
