import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadConfig, ConfigError } from '../src/config';

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
    });
  });

  it('parses a MySQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://app:s%40cret@db:3307/tenantry' }).database).toEqual({
      kind: 'mysql',
      url: 'mysql://app:s%40cret@db:3307/tenantry',
      host: 'db',
      port: 3307,
      user: 'app',
      password: 's@cret',
      database: 'tenantry',
    });
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
