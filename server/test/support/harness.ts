import 'reflect-metadata';
import pino, { type Logger } from 'pino';
import { print, type DocumentNode } from 'graphql';
import type { DataSource } from 'typeorm';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { createApp, type TenantryApp } from '../../src/app';
import { loadConfig, DEVELOPMENT_JWT_SECRET, type Config } from '../../src/config';
import { signDevelopmentToken } from '../../src/auth/tokens';
import { Role } from '../../src/entities/enums';
import type { DataSourceExtras } from '../../src/db/data-source';
import type { ExplorerTokenMinter } from '../../src/explorer/page-token';
import { createTestDatabase, type TestDatabase } from './database';
import type { DocumentTypeDecoration } from '../graphql/generated/graphql';

export { Role };

/** A document typed by `npm run codegen` (server/test/graphql): its result and variables types travel with it. */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables>;

/**
 * Any typed document, for a table of operations whose variables are built loosely (often wrong on purpose): every
 * document's variables type accepts `never`, so every document is one, and `gql` then takes any variables object.
 */
export type AnyOperation = TypedDocument<unknown, never>;

export interface GraphQLResponse<T = unknown> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; path?: string[]; extensions: { code: string; field?: string; [k: string]: unknown } }[];
  headers: Headers;
}

/** A clock tests can move forward. */
class TestClock {
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
  /** POSTs a typed document with an optional bearer token: the variables are checked and the answer is typed. */
  gql<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    // An AnyOperation's variables (inferred as never) are built loosely on purpose: any object goes.
    variables?: TVariables | ([TVariables] extends [never] ? Record<string, unknown> : never),
    token?: string,
  ): Promise<GraphQLResponse<TResult>>;
  /**
   * POSTs a document a spec writes on purpose (hostile, malformed, introspection…); the answer is `unknown`
   * unless the spec states the shape it expects as TResult.
   */
  gql<TResult = unknown>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<TResult>>;
  token(role: Role, scope?: { tenantId?: string; partnerId?: string; subject?: string }): Promise<string>;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  database?: DataSourceExtras;
  /** The server's logger; silent by default. */
  logger?: Logger;
  /** Mints the token the explorers pre-fill on each page load (the server uses it only while it listens on loopback). */
  explorerToken?: ExplorerTokenMinter;
  /** The server's rate-limiter-flexible store (e.g. a tight one, to meet RATE_LIMITED quickly). */
  rateLimiter?: RateLimiterAbstract;
  /**
   * Run the webhook dispatcher (default false): deliveries are then attempted in the background. Off, a
   * spec's database changes only through its own requests, and no attempt goes to the URLs it registers.
   */
  dispatchWebhooks?: boolean;
  /** How often the delivery gauge of /metrics is counted (the server's default is 15 s). */
  deliveryCountsRefreshMs?: number;
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
    dispatchWebhooks: options.dispatchWebhooks ?? false,
    deliveryCountsRefreshMs: options.deliveryCountsRefreshMs,
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
    async gql(document: string | AnyOperation, variables?: unknown, token?: string) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: documentText(document), variables }),
      });
      const body = (await response.json()) as Pick<GraphQLResponse, 'data' | 'errors'>;
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

/** The text of a document: generated documents are strings; a TypedDocumentNode is printed. */
function documentText(document: string | AnyOperation): string {
  if (typeof document === 'string' || document instanceof String) return document.toString();
  if ('kind' in document && document.kind === 'Document') return print(document as DocumentNode);
  // graphql() answers {} for a source codegen has not seen.
  throw new Error('Not a generated document: run `npm run codegen` after changing a graphql(`…`) document.');
}

/** The first error's code, or undefined when the operation succeeded. */
export const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions.code;

/** Fails with the errors in view when an operation that should succeed did not. */
export function ok<R extends GraphQLResponse<unknown>>(response: R): NonNullable<R['data']> {
  if (response.errors?.length) throw new Error(`Expected success, got ${JSON.stringify(response.errors, null, 2)}`);
  return response.data as NonNullable<R['data']>;
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

/**
 * The refusal specs' check (SPEC §3): the operation answers exactly one error with this code (and field, when
 * given), no data, a message a person can act on with nothing internal in it, and changes no table.
 */
export async function expectRefused(
  server: TestServer,
  operation: AnyOperation,
  variables: Record<string, unknown>,
  token: string | undefined,
  code: string,
  field?: string | null,
): Promise<GraphQLResponse> {
  let response!: GraphQLResponse;
  await expectNothingChanged(server, async () => {
    response = await server.gql(operation, variables, token);
  });
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error.extensions.code).toBe(code);
  if (field !== undefined && field !== null) expect(error.extensions.field).toBe(field);
  expect(response.data ?? null).toBeNull();
  expect(error.message).toMatch(/^\S.{10,}$/s);
  expect(error.message).not.toMatch(/SQL|QueryFailedError|ER_|SQLITE|TypeError|at \//);
  return response;
}

/** Runs `act` and asserts that it changed no row anywhere (no write, no audit event). */
export async function expectNothingChanged(server: TestServer, act: () => Promise<unknown>): Promise<void> {
  const before = await dumpDatabase(server.dataSource);
  await act();
  expect(await dumpDatabase(server.dataSource)).toEqual(before);
}
