import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../src/config';

const root = resolve(__dirname, '../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

/** Every environment variable the server reads, from the source of its configuration module. */
function variablesTheServerReads(): Set<string> {
  const source = read('server/src/config.ts');
  const names = new Set<string>();
  for (const match of source.matchAll(/env(?:\.|\[')([A-Z][A-Z0-9_]+)|\(env, '([A-Z][A-Z0-9_]+)'/g)) {
    // Each alternative has its own group: the other one's is undefined.
    const groups: (string | undefined)[] = match;
    const name = groups[1] ?? groups[2];
    if (name !== undefined) names.add(name);
  }
  return names;
}

/**
 * Compose's interpolation of `${VAR}`, `${VAR:-default}` and `${VAR:?error}` in a value, with `shell` as the
 * operator's environment; throws the error text, as `docker compose up` stops with it.
 */
function interpolate(value: string, shell: Partial<Record<string, string>>): string {
  return value.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::([-?])([^}]*))?\}/g, (_, name: string, operator?: string, text = '') => {
    const current = shell[name];
    if (current !== undefined && current !== '') return current;
    if (operator === '?') throw new Error(`${name}: ${text}`);
    return operator === '-' ? text : '';
  });
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'));

  it('runs MariaDB 10.11, the version the specs and the cluster harness run on, with a health check and a named volume', () => {
    const mariadb = compose.services.mariadb;
    expect(mariadb.image).toBe('mariadb:10.11');
    expect(mariadb.healthcheck.test).toEqual(['CMD', 'healthcheck.sh', '--connect', '--innodb_initialized']);
    const [volume, path] = mariadb.volumes[0].split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(path).toBe('/var/lib/mysql');
  });

  it('names the same MariaDB line as the README says is tested', () => {
    expect(read('README.md')).toContain(
      'MariaDB 10.11 (what `npm test`, `.ci/run` and the cluster harness run on, and what `docker-compose.yml` runs)',
    );
  });

  it('builds the server from the Dockerfile and starts it once MariaDB is healthy', () => {
    const server = compose.services.server;
    expect(server.build).toBe('.');
    expect(server.depends_on.mariadb.condition).toBe('service_healthy');
    expect(read('Dockerfile')).toMatch(/CMD \["node", "server\/dist\/main\.js"\]/);
    // Everything the server's build script runs is copied in before it runs.
    const { build } = JSON.parse(read('server/package.json')).scripts as { build: string };
    const copied = [...read('Dockerfile').matchAll(/^COPY (server\/\S+) server\//gm)].map((m) => m[1]);
    expect(build).toContain('node scripts/prune-stale-build.mjs');
    expect(copied).toEqual(expect.arrayContaining(['server/src', 'server/scripts']));
  });

  const serverEnvironment = (shell: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(compose.services.server.environment as Record<string, string>).map(([k, v]) => [k, interpolate(String(v), shell)]),
    );
  const SECRET = { AUTH_JWT_SECRET: 'an-operator-secret-of-at-least-32-characters' };

  it('sets only variables the server reads, and a configuration the server accepts', () => {
    const env = compose.services.server.environment as Record<string, string>;
    const known = variablesTheServerReads();
    expect(known.has('DATABASE_URL')).toBe(true);
    expect(Object.keys(env).filter((name) => !known.has(name))).toEqual([]);
    const config = loadConfig(serverEnvironment(SECRET));
    expect(config.database).toMatchObject({ kind: 'mysql', host: 'mariadb', port: 3306, database: 'tenantry' });
    expect(config.production).toBe(true);
    expect(config.host).toBe('0.0.0.0');
  });

  it('ships no secret: compose refuses to start until the operator sets AUTH_JWT_SECRET, and says how', () => {
    expect(compose.services.server.environment.AUTH_JWT_SECRET).toMatch(/^\$\{AUTH_JWT_SECRET:\?[^}]+\}$/);
    expect(() => serverEnvironment({})).toThrow(/^AUTH_JWT_SECRET: .*at least 32 characters/);
    expect(serverEnvironment(SECRET).AUTH_JWT_SECRET).toBe(SECRET.AUTH_JWT_SECRET);
  });

  it('gives MariaDB no fixed root password', () => {
    const mariadb = compose.services.mariadb.environment;
    expect(Object.keys(mariadb).filter((name) => /ROOT_PASSWORD$/.test(name))).toEqual(['MARIADB_RANDOM_ROOT_PASSWORD']);
    expect(mariadb.MARIADB_RANDOM_ROOT_PASSWORD).toBe('yes');
  });

  it('starts without demo data unless the operator opts in with DEMO_DATA=true', () => {
    expect(loadConfig(serverEnvironment(SECRET)).demoData).toBe(false);
    expect(loadConfig(serverEnvironment({ ...SECRET, DEMO_DATA: 'true' })).demoData).toBe(true);
  });

  it('points the database URL at the credentials the MariaDB service creates', () => {
    const mariadb = compose.services.mariadb.environment;
    const url = new URL(compose.services.server.environment.DATABASE_URL);
    expect([url.host, url.username, url.password, url.pathname.slice(1)]).toEqual([
      'mariadb:3306',
      mariadb.MARIADB_USER,
      mariadb.MARIADB_PASSWORD,
      mariadb.MARIADB_DATABASE,
    ]);
  });
});
