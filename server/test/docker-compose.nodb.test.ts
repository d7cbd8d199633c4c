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
  for (const match of source.matchAll(/env(?:\.|\[')([A-Z][A-Z0-9_]+)|\(env, '([A-Z][A-Z0-9_]+)'/g)) names.add(match[1] ?? match[2]);
  return names;
}

/**
 * Compose's interpolation of `${VAR}`, `${VAR:-default}` and `${VAR:?error}` in a value, with `shell` as the
 * operator's environment; throws the error text, as `docker compose up` stops with it.
 */
function interpolate(value: string, shell: Record<string, string>): string {
  return value.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::([-?])([^}]*))?\}/g, (_, name: string, operator?: string, text = '') => {
    const set = shell[name] !== undefined && shell[name] !== '';
    if (set) return shell[name];
    if (operator === '?') throw new Error(`${name}: ${text}`);
    return operator === '-' ? text : '';
  });
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'));

  it('runs MySQL 8.4 with a health check and a named volume', () => {
    const mysql = compose.services.mysql;
    expect(mysql.image).toBe('mysql:8.4');
    expect(mysql.healthcheck.test.join(' ')).toContain('mysqladmin ping');
    const [volume] = mysql.volumes[0].split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('builds the server from the Dockerfile and starts it once MySQL is healthy', () => {
    const server = compose.services.server;
    expect(server.build).toBe('.');
    expect(server.depends_on.mysql.condition).toBe('service_healthy');
    expect(read('Dockerfile')).toMatch(/CMD \["node", "server\/dist\/main\.js"\]/);
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
    expect(config.database).toMatchObject({ kind: 'mysql', host: 'mysql', port: 3306, database: 'tenantry' });
    expect(config.production).toBe(true);
    expect(config.host).toBe('0.0.0.0');
  });

  it('ships no secret: compose refuses to start until the operator sets AUTH_JWT_SECRET, and says how', () => {
    expect(compose.services.server.environment.AUTH_JWT_SECRET).toMatch(/^\$\{AUTH_JWT_SECRET:\?[^}]+\}$/);
    expect(() => serverEnvironment({})).toThrow(/^AUTH_JWT_SECRET: .*at least 32 characters/);
    expect(serverEnvironment(SECRET).AUTH_JWT_SECRET).toBe(SECRET.AUTH_JWT_SECRET);
  });

  it('gives MySQL no fixed root password', () => {
    const mysql = compose.services.mysql.environment;
    expect(mysql.MYSQL_ROOT_PASSWORD).toBeUndefined();
    expect(mysql.MYSQL_RANDOM_ROOT_PASSWORD).toBe('yes');
  });

  it('starts without demo data unless the operator opts in with DEMO_DATA=true', () => {
    expect(loadConfig(serverEnvironment(SECRET)).demoData).toBe(false);
    expect(loadConfig(serverEnvironment({ ...SECRET, DEMO_DATA: 'true' })).demoData).toBe(true);
  });

  it('points the database URL at the credentials the MySQL service creates', () => {
    const mysql = compose.services.mysql.environment;
    const url = new URL(compose.services.server.environment.DATABASE_URL);
    expect([url.username, url.password, url.pathname.slice(1)]).toEqual([mysql.MYSQL_USER, mysql.MYSQL_PASSWORD, mysql.MYSQL_DATABASE]);
  });
});
