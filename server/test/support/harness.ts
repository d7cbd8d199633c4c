import 'reflect-metadata';
import pino, { type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { createApp, type TenantryApp } from '../../src/app';
import { loadConfig, DEVELOPMENT_JWT_SECRET, type Config } from '../../src/config';
import { signDevelopmentToken } from '../../src/auth/tokens';
import { Role } from '../../src/entities/enums';
import type { DataSourceExtras } from '../../src/db/data-source';
import { createTestDatabase, type TestDatabase } from './database';

export { Role };

export interface GraphQLResponse<T = any> {
  status: number;
  data: T;
  errors?: { message: string; path?: string[]; extensions: { code: string; field?: string; [k: string]: unknown } }[];
  headers: Headers;
}

/** A clock tests can move forward. */
export class TestClock {
  private offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
  advanceDays(days: number) {
    this.offsetMs += days * 86_400_000;
  }
}

export interface TestServer {
  url: string;
  app: TenantryApp;
  dataSource: DataSource;
  clock: TestClock;
  database: TestDatabase;
  config: Config;
  /** POSTs a GraphQL operation with an optional bearer token. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  token(role: Role, scope?: { tenantId?: string; partnerId?: string; subject?: string }): Promise<string>;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  database?: DataSourceExtras;
  /** The server's logger; silent by default. */
  logger?: Logger;
  /** A token for the explorers to pre-fill (the server uses it only while it listens on loopback). */
  explorerToken?: string;
  /** The server's rate-limiter-flexible store (e.g. a tight one, to meet RATE_LIMITED quickly). */
  rateLimiter?: RateLimiterAbstract;
}

/** Starts the real HTTP server, on a free port, over a fresh database of the kind this Jest project tests. */
export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    // Every request runs compiled (graphql-jit), so the whole suite checks that path; the server default is 2.
    GRAPHQL_COMPILE_ON_RUN: '1',
    ...options.env,
  });
  const clock = new TestClock();
  const app = await createApp({
    config,
    clock,
    logger: options.logger ?? pino({ level: 'silent' }),
    database: options.database,
    explorerToken: options.explorerToken,
    rateLimiter: options.rateLimiter,
  });
  const url = await app.listen();
  const secret = config.auth.jwtSecret ?? DEVELOPMENT_JWT_SECRET;
  return {
    url,
    app,
    dataSource: app.dataSource,
    clock,
    database,
    config,
    async gql(query, variables, token) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: any };
      return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
    },
    token: (role, scope = {}) =>
      signDevelopmentToken(secret, { roles: [role], tenantId: scope.tenantId, partnerId: scope.partnerId, subject: scope.subject }),
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
}

/** The first error's code, or undefined when the operation succeeded. */
export const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions.code;

/** Fails with the errors in view when an operation that should succeed did not. */
export function ok<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`Expected success, got ${JSON.stringify(response.errors, null, 2)}`);
  return response.data;
}

/** Every row of every table the entities map, in a stable order: compare before and after to prove nothing changed. */
export async function dumpDatabase(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const metadata of dataSource.entityMetadatas) {
    const order = metadata.primaryColumns.map((c) => c.databaseName).join(', ');
    dump[metadata.tableName] = await dataSource.query(`SELECT * FROM ${metadata.tableName} ORDER BY ${order}`);
  }
  return dump;
}

/** Runs `act` and asserts that it changed no row anywhere (no write, no audit event). */
export async function expectNothingChanged(server: TestServer, act: () => Promise<unknown>): Promise<void> {
  const before = await dumpDatabase(server.dataSource);
  await act();
  expect(await dumpDatabase(server.dataSource)).toEqual(before);
}
