import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { DEVELOPMENT_JWT_SECRET } from '../src/config';
import { signDevelopmentToken } from '../src/auth/tokens';
import { Role } from '../src/entities/enums';
import { createTestDatabase, testDatabaseKind, testMysqlUrl } from './support/database';
import { runServerToExit, startServer } from './support/real-server';

/**
 * SPEC §5, issue 12: `DATABASE_URL=… npm start` naming a database that does not exist creates it, migrates
 * it and serves the demo data; when it cannot be created, the start stops with one line naming DATABASE_URL.
 */
const kind = testDatabaseKind();

/** The demo tenants the started server answers with. */
async function tenantCount(url: string): Promise<number> {
  const token = await signDevelopmentToken(DEVELOPMENT_JWT_SECRET, { roles: [Role.PLATFORM_ADMIN] });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ tenants { totalCount } }' }),
  });
  return ((await response.json()) as { data: { tenants: { totalCount: number } } }).data.tenants.totalCount;
}

async function expectServedFromScratch(databaseUrl: string): Promise<void> {
  const server = await startServer({ DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'info' });
  try {
    expect(await tenantCount(server.url)).toBe(4);
  } finally {
    expect((await server.stop()).code).toBe(0);
  }
}

const oneLine = (stderr: string) => {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
};

describe(`a database that does not exist at start (${kind})`, () => {
  if (kind === 'mysql') {
    const server = testMysqlUrl().replace(/\/+$/, '');
    const admin = () => mysql.createConnection({ uri: server });

    it('is created with utf8mb4, migrated, and served', async () => {
      const database = await createTestDatabase();
      await database.drop();
      const name = new URL(database.url).pathname.slice(1);
      try {
        await expectServedFromScratch(database.url);
        const connection = await admin();
        try {
          const [rows] = await connection.query(
            'SELECT DEFAULT_CHARACTER_SET_NAME AS charset, DEFAULT_COLLATION_NAME AS collation FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
            [name],
          );
          expect(rows).toEqual([{ charset: 'utf8mb4', collation: 'utf8mb4_bin' }]);
        } finally {
          await connection.end();
        }
      } finally {
        await database.drop();
      }
    });

    /** Starts with a user that has only `grants` and a database that does not exist; returns the one line it stops with. */
    async function startAsUnprivileged(grants: (user: string, missing: string) => string[]) {
      const suffix = randomBytes(4).toString('hex');
      const user = `tenantry_nocreate_${suffix}`;
      const password = `Pa55-${suffix}-secret`;
      const missing = `tenantry_test_missing_${suffix}`;
      const connection = await admin();
      const hosts = ['127.0.0.1', 'localhost'];
      try {
        for (const host of hosts) {
          await connection.query(`CREATE USER '${user}'@'${host}' IDENTIFIED BY '${password}'`);
          for (const grant of grants(`'${user}'@'${host}'`, missing)) await connection.query(grant);
        }
        const { hostname, port } = new URL(server);
        const { code, stdout, stderr } = await runServerToExit({
          DATABASE_URL: `mysql://${user}:${password}@${hostname}:${port || 3306}/${missing}`,
          PORT: '0',
        });
        expect(code).not.toBe(0);
        expect(stdout + stderr).not.toContain(password);
        const [found] = await connection.query('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [missing]);
        expect(found).toEqual([]);
        const line = oneLine(stderr);
        expect(line).toMatch(/^Tenantry could not start: DATABASE_URL: /);
        return { line, user, missing };
      } finally {
        for (const host of hosts) await connection.query(`DROP USER IF EXISTS '${user}'@'${host}'`);
        await connection.end();
      }
    }

    it('stops the start with one line when the user may read that database but not create it', async () => {
      const { line, user, missing } = await startAsUnprivileged((account, db) => [`GRANT SELECT ON \`${db}\`.* TO ${account}`]);
      expect(line).toContain(`the database "${missing}" does not exist and user "${user}" may not create it`);
    });

    it('stops the start with one line when the user has no privilege on it at all', async () => {
      const { line, user, missing } = await startAsUnprivileged(() => []);
      expect(line).toContain(`user "${user}" may not use the database "${missing}", which may not exist yet`);
    });
  } else {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'tenantry-start-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is created, with the directories it lives in, migrated, and served', async () => {
      const file = join(dir, 'nested', 'data', 'tenantry.sqlite');
      await expectServedFromScratch(`sqlite:${file}`);
      expect(existsSync(file)).toBe(true);
    });

    it('stops the start with one line naming DATABASE_URL when it cannot be created', async () => {
      const notADirectory = join(dir, 'a-file');
      writeFileSync(notADirectory, '');
      const { code, stderr } = await runServerToExit({ DATABASE_URL: `sqlite:${notADirectory}/tenantry.sqlite`, PORT: '0' });
      expect(code).not.toBe(0);
      expect(oneLine(stderr)).toMatch(/^Tenantry could not start: DATABASE_URL: /);
    });
  }
});
