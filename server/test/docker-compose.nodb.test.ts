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

  it('sets only variables the server reads, and a configuration the server accepts', () => {
    const env = compose.services.server.environment as Record<string, string>;
    const known = variablesTheServerReads();
    expect(known.has('DATABASE_URL')).toBe(true);
    expect(Object.keys(env).filter((name) => !known.has(name))).toEqual([]);
    const resolved = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]),
    );
    const config = loadConfig(resolved);
    expect(config.database).toMatchObject({ kind: 'mysql', host: 'mysql', port: 3306, database: 'tenantry' });
    expect(config.production).toBe(true);
    expect(config.host).toBe('0.0.0.0');
  });

  it('points the database URL at the credentials the MySQL service creates', () => {
    const mysql = compose.services.mysql.environment;
    const url = new URL(compose.services.server.environment.DATABASE_URL);
    expect([url.username, url.password, url.pathname.slice(1)]).toEqual([mysql.MYSQL_USER, mysql.MYSQL_PASSWORD, mysql.MYSQL_DATABASE]);
  });
});
