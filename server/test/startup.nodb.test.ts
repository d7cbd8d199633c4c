import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, ConfigError, parseDatabaseUrl } from '../src/config';
import { signDevelopmentToken } from '../src/auth/tokens';
import { Role } from '../src/entities/enums';
import { openDatabase } from '../src/db/data-source';
import { describeStartFailure } from '../src/start-failure';
import { runServerToExit, startServer } from './support/real-server';

const MAIN = resolve(__dirname, '../dist/main.js');

/** Starts the built server with an environment and returns how it ended. */
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', DEMO_DATA: 'false', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe('a bad configuration stops the server with one line naming the variable', () => {
  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'postgres://localhost/x' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root@127.0.0.1:1/tenantry' }],
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DEMO_DATA', { DEMO_DATA: 'maybe' }],
    ['AUTH_JWT_SECRET', { NODE_ENV: 'production', DATABASE_URL: 'sqlite::memory:' }],
    ['LIFECYCLE_SWEEP_SECONDS', { LIFECYCLE_SWEEP_SECONDS: '0' }],
    ['RATE_LIMIT_STORE', { RATE_LIMIT_STORE: 'memcached://127.0.0.1:11211' }],
    ['RATE_LIMIT_STORE', { RATE_LIMIT_STORE: 'redis://127.0.0.1:1', DATABASE_URL: 'sqlite::memory:' }],
    ['RATE_LIMIT_KEY_PREFIX', { RATE_LIMIT_KEY_PREFIX: 'two words' }],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }],
    [
      'TEST_CLOCK',
      {
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: 'a-production-secret-of-32-characters!',
        TEST_CLOCK: 'enabled',
        DATABASE_URL: 'sqlite::memory:',
      },
    ],
    ['TEST_CLOCK', { TEST_CLOCK: 'on' }],
    ['RENEWAL_NOTICE_DAYS', { RENEWAL_NOTICE_DAYS: '0' }],
    ['RENEWAL_NOTICE_DAYS', { RENEWAL_NOTICE_DAYS: 'seven' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://app.example/path' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://app.example, *' }],
  ])('%s', (variable, env) => {
    const { status, stderr } = start(env);
    expect(status).not.toBe(0);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain(variable);
  });
});

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      production: false,
      database: { kind: 'sqlite', path: './data/tenantry.sqlite' },
      demoData: true,
      dataRetentionDays: 90,
      lifecycleSweepSeconds: 300,
      introspection: true,
      renewals: { noticeDays: 7 },
      testClockEnabled: true,
      webhooks: expect.objectContaining({ maxAttempts: 21 }),
    });
  });

  it('turns the test clock off in production, and takes TEST_CLOCK and RENEWAL_NOTICE_DAYS as given elsewhere', () => {
    const secret = 'a-production-secret-of-32-characters!';
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret }).testClockEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret, TEST_CLOCK: 'disabled' }).testClockEnabled).toBe(false);
    expect(loadConfig({ TEST_CLOCK: 'disabled' }).testClockEnabled).toBe(false);
    expect(loadConfig({ TEST_CLOCK: 'enabled' }).testClockEnabled).toBe(true);
    expect(loadConfig({ RENEWAL_NOTICE_DAYS: '14' }).renewals.noticeDays).toBe(14);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret, TEST_CLOCK: 'enabled' })).toThrow(/TEST_CLOCK/);
  });

  it('takes CORS_ORIGINS as origins browsers send: scheme and host in lower case, default ports left out', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: ' HTTPS://App.Example:443/ ,http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example',
      'http://localhost:5173',
    ]);
    for (const bad of [
      'app.example',
      'ftp://app.example',
      'https://user:pw@app.example',
      'https://app.example/x',
      'https://app.example?x',
      'null',
    ]) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });

  it('parses a MySQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://app:s%40cret@db:3307/tenantry' }).database).toEqual({
      kind: 'mysql',
      url: 'mysql://app:s%40cret@db:3307/tenantry',
      host: 'db',
      port: 3307,
      hosts: [{ host: 'db', port: 3307 }],
      user: 'app',
      password: 's@cret',
      database: 'tenantry',
    });
  });

  it('parses a MySQL URL with several hosts, its own node first', () => {
    const database = loadConfig({ DATABASE_URL: 'mysql://app:s%40cret@db1:3307,db2,[fd00::3]:3309/tenantry' }).database;
    expect(database).toMatchObject({
      host: 'db1',
      port: 3307,
      hosts: [
        { host: 'db1', port: 3307 },
        { host: 'db2', port: 3306 },
        { host: 'fd00::3', port: 3309 },
      ],
      user: 'app',
      password: 's@cret',
      database: 'tenantry',
    });
  });

  it.each([
    ['an empty host', 'mysql://root@db1:3306,/tenantry', 'must name a host'],
    ['a host twice', 'mysql://root@db1:3306,db1/tenantry', 'names the host db1:3306 twice'],
    ['a bad port', 'mysql://root@db1:3306,db2:x/tenantry', 'is not a valid'],
    ['no database', 'mysql://root@db1,db2/', 'must name a database'],
  ])('refuses a MySQL URL with %s', (_what, url, problem) => {
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(problem);
  });

  it('seeds no demo data in production unless DEMO_DATA says so', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret }).demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret, DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('turns introspection off in production unless enabled', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret, GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('refuses a short secret', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short' })).toThrow(ConfigError);
  });
});

describe('graceful stop', () => {
  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'sqlite::memory:', PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /serving GraphQL at (\S+)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`server exited early: ${out}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const { signDevelopmentToken } = await import('../src/auth/tokens');
    const { DEVELOPMENT_JWT_SECRET } = await import('../src/config');
    const token = await signDevelopmentToken(DEVELOPMENT_JWT_SECRET, { roles: ['PLATFORM_ADMIN' as never] });
    // Headers and half the body go first, so the server holds an unfinished request when the signal lands.
    const http = await import('node:http');
    const body = JSON.stringify({ query: '{ tenants(first: 100) { totalCount } }' });
    const half = Math.floor(body.length / 2);
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
      });
      request.on('response', (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      request.on('error', reject);
      request.write(body.slice(0, half));
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => request.end(body.slice(half)), 300);
      }, 200);
    });
    const { status, text } = await response;
    expect(status).toBe(200);
    expect(JSON.parse(text).data.tenants.totalCount).toBe(4);
    expect(await exited).toBe(0);
  });
});

describe('demo data in production (SPEC §5: DEMO_DATA defaults to false there)', () => {
  const secret = 'operator-secret-of-at-least-32-characters';
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tenantry-production-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function tenantsServed(env: Record<string, string>, file: string): Promise<number> {
    const server = await startServer({
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: secret,
      DATABASE_URL: `sqlite:${join(dir, file)}`,
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    });
    try {
      const token = await signDevelopmentToken(secret, { roles: [Role.PLATFORM_ADMIN] });
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ tenants { totalCount } }' }),
      });
      return ((await response.json()) as { data: { tenants: { totalCount: number } } }).data.tenants.totalCount;
    } finally {
      await server.stop();
    }
  }

  it('an empty database stays empty', async () => {
    expect(await tenantsServed({}, 'empty.sqlite')).toBe(0);
  });

  it('DEMO_DATA=true opts in', async () => {
    expect(await tenantsServed({ DEMO_DATA: 'true' }, 'demo.sqlite')).toBe(4);
  });
});

describe('a URL’s password never reaches stdout or stderr', () => {
  const PASSWORD = 'Pa55-never-shown';

  it.each([
    [
      'DATABASE_URL with another scheme',
      { DATABASE_URL: `postgres://app:${PASSWORD}@db.example/tenantry` },
      'postgres://app:***@db.example',
    ],
    ['DATABASE_URL naming no database', { DATABASE_URL: `mysql://app:${PASSWORD}@127.0.0.1:3306` }, 'DATABASE_URL must name a database'],
    ['DATABASE_URL whose server is not there', { DATABASE_URL: `mysql://app:${PASSWORD}@127.0.0.1:1/tenantry` }, 'ECONNREFUSED'],
    ['AUTH_JWKS_URL that is not a URL', { AUTH_JWKS_URL: `https://app:${PASSWORD}@idp example/jwks` }, 'https://app:***@idp example'],
  ])('%s: the start stops with one line that hides it', async (_, env, shown) => {
    const { code, stdout, stderr } = await runServerToExit({ DATABASE_URL: 'sqlite::memory:', PORT: '0', LOG_LEVEL: 'debug', ...env });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(shown);
    expect(stdout + stderr).not.toContain(PASSWORD);
  });

  it('in the log, for a request whose URL carries one', async () => {
    const server = await startServer({ DATABASE_URL: 'sqlite::memory:', PORT: '0', LOG_LEVEL: 'info' });
    const response = await fetch(server.url.replace(/\/graphql$/, `/healthz?from=mysql://app:${PASSWORD}@db/x`));
    expect(response.status).toBe(200);
    const { stdout, stderr } = await server.stop();
    expect(stdout).toContain('/healthz?from=');
    expect(stdout + stderr).not.toContain(PASSWORD);
  });
});

describe('a failed start names what failed', () => {
  it('seeding the demo data: DEMO_DATA, not DATABASE_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenantry-seed-'));
    try {
      // A migrated database that refuses new partners: the demo data cannot go in.
      const url = `sqlite:${join(dir, 'refuses.sqlite')}`;
      const dataSource = await openDatabase(parseDatabaseUrl(url));
      await dataSource.query(`CREATE TRIGGER refuse_partners BEFORE INSERT ON partners BEGIN SELECT RAISE(ABORT, 'no partners here'); END`);
      await dataSource.destroy();
      const { code, stderr } = await runServerToExit({ DATABASE_URL: url, PORT: '0' });
      expect(code).not.toBe(0);
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^Tenantry could not start: DEMO_DATA: seeding the demo data failed \(.*no partners here.*\); DEMO_DATA=false starts without it$/,
        ),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('listening: PORT/HOST', async () => {
    const taken: Server = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    try {
      const port = String((taken.address() as { port: number }).port);
      const { code, stderr } = await runServerToExit({ DATABASE_URL: 'sqlite::memory:', PORT: port, DEMO_DATA: 'false' });
      expect(code).not.toBe(0);
      expect(stderr.trim()).toBe(
        `Tenantry could not start: PORT/HOST: cannot listen on 127.0.0.1:${port} (EADDRINUSE: listen EADDRINUSE: address already in use 127.0.0.1:${port})`,
      );
    } finally {
      taken.close();
    }
  });

  it('building the schema: a defect, with no variable to blame', () => {
    const line = describeStartFailure(new Error('Schema must contain uniquely named types'), 'schema', loadConfig({}));
    expect(line).toBe(
      'building the GraphQL API failed (Schema must contain uniquely named types): a defect in Tenantry, not in your configuration',
    );
  });
});
