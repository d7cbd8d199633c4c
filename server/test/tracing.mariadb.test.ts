/**
 * SPEC §7, OpenTelemetry: with OTEL_EXPORTER_OTLP_ENDPOINT set, the built server sends its traces there
 * (OTLP/HTTP, JSON): for each request a span of the HTTP request, one of the GraphQL operation and those of
 * its mysql2 statements, in one trace. No token, secret or input value is in any attribute.
 * MariaDB only: the mysql2 statements are what it traces of the database.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer, type RunningServer } from './support/real-server';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signDevelopmentToken } from '../src/auth/tokens';
import { Role } from '../src/entities/enums';
import { CREATE_TENANT, GET_TENANT } from './graphql/shared-definitions';
import type { CreateTenantMutation } from './graphql/generated/graphql';
import { ifSetUp } from './support/set-up';

const SECRET = 'tracing-spec-secret-0123456789-abcdefghij';
const DOMAIN = 'traced-input-value.example';

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values: OtlpValue[] };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: OtlpValue }[];
  events?: { attributes?: { key: string; value: OtlpValue }[] }[];
}
interface OtlpRequest {
  resourceSpans: {
    resource: { attributes: { key: string; value: OtlpValue }[] };
    scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[];
  }[];
}

/** A collector on loopback that keeps every OTLP/HTTP JSON trace request it receives. */
async function startCollector() {
  const requests: { path: string; contentType: string | undefined; body: OtlpRequest }[] = [];
  // A request that fails here (the target down, say) ends its socket instead of leaving an unhandled rejection.
  const server = http.createServer(
    (req, res) =>
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        requests.push({
          path: req.url ?? '',
          contentType: req.headers['content-type'],
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      })().catch((error: unknown) => res.destroy(error as Error)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    spans: () =>
      requests.flatMap((r) =>
        r.body.resourceSpans.flatMap((rs) =>
          rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ ...span, scope: ss.scope.name, resource: rs.resource }))),
        ),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? value?.intValue ?? value?.boolValue ?? value?.doubleValue;
};

describe('OpenTelemetry traces (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  let database: TestDatabase;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let server: RunningServer | undefined;
  let token: string;
  let spans: ReturnType<typeof collector.spans>;

  beforeAll(async () => {
    database = await createTestDatabase();
    collector = await startCollector();
    server = await startServer({
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      PORT: '0',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      AUTH_JWT_SECRET: SECRET,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
    });
    token = await signDevelopmentToken(SECRET, { roles: [Role.PLATFORM_ADMIN], subject: 'tracing-spec' });
    const send = async <TData>(query: string, variables: object): Promise<TData> => {
      const response = await fetch(server!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: TData; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      return body.data!;
    };
    const created = await send<CreateTenantMutation>(String(CREATE_TENANT), {
      input: { name: 'Traced Tenant', domain: DOMAIN, countryCode: 'VN' },
    });
    // Twice: the second run of a document is compiled by graphql-jit (GRAPHQL_COMPILE_ON_RUN=2), past graphql-js's spans.
    await send(String(GET_TENANT), { id: created.createTenant.tenant.id });
    await send(String(GET_TENANT), { id: created.createTenant.tenant.id });
    // Stopping flushes the spans still buffered.
    const exit = await server.stop();
    server = undefined;
    expect(exit.code).toBe(0);
    spans = collector.spans();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await ifSetUp(collector)?.stop();
    await ifSetUp(database)?.drop();
  });

  it('sends OTLP/HTTP JSON to <endpoint>/v1/traces as the service tenantry', () => {
    expect(collector.requests.length).toBeGreaterThan(0);
    expect(collector.requests.every((r) => r.path === '/v1/traces' && r.contentType === 'application/json')).toBe(true);
    const serviceNames = new Set(
      collector.requests.flatMap((r) =>
        r.body.resourceSpans.map((rs) => rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue),
      ),
    );
    expect([...serviceNames]).toEqual(['tenantry']);
  });

  it.each([
    ['mutation', 'CreateTenant', 1],
    ['query', 'GetTenant', 2],
  ])('traces each %s %s: the HTTP request, the GraphQL operation and mysql2 statements, in one trace', (type, name, runs) => {
    const operations = spans.filter((s) => s.name === `${type} ${name}` && s.scope === 'tenantry');
    expect(operations).toHaveLength(runs);
    for (const operation of operations) {
      expect(attribute(operation, 'graphql.operation.name')).toBe(name);
      expect(attribute(operation, 'tenantry.outcome')).toBe('OK');
      const trace = spans.filter((s) => s.traceId === operation.traceId);
      const httpServer = trace.filter((s) => s.scope === '@opentelemetry/instrumentation-http' && s.kind === 2);
      expect(httpServer).toHaveLength(1);
      expect(attribute(httpServer[0], 'http.request.method') ?? attribute(httpServer[0], 'http.method')).toBe('POST');
      // Express was loaded after the instrumentations were registered: its middleware is traced too.
      expect(trace.some((s) => s.scope === '@opentelemetry/instrumentation-express')).toBe(true);
      const statements = trace.filter((s) => s.scope === '@opentelemetry/instrumentation-mysql2');
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.every((s) => s.kind === 3)).toBe(true);
      // The operation is inside the HTTP request's span tree.
      const byId = new Map(trace.map((s) => [s.spanId, s]));
      let ancestor: (typeof trace)[number] | undefined = operation;
      while (ancestor?.parentSpanId) ancestor = byId.get(ancestor.parentSpanId);
      expect(ancestor).toBe(httpServer[0]);
    }
  });

  it('puts no token, secret, input value or stack trace in any attribute', () => {
    const text = JSON.stringify(collector.requests.map((r) => r.body));
    expect(text).toContain('mysql'); // the statements are there …
    for (const leak of [token, token.split('.')[2], SECRET, 'Bearer', DOMAIN, 'Traced Tenant', 'exception.stacktrace']) {
      expect(text).not.toContain(leak);
    }
  });
});
