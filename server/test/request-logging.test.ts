import http from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ok, Role, startTestServer, type TestServer } from './support/harness';

/**
 * Every answer carries an X-Request-Id (the caller's, when it sends a plain one). With LOG_LEVEL=info each
 * request gets an access line; above info only 5xx answers are logged, at error level, with the same id.
 */
function capturingLogger(level: string) {
  /** A pino line: its fields, and the request's when it has one. */
  const lines: (Record<string, unknown> & { req?: { id?: unknown } })[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

const VIEWER = '{ viewer { subject } }';

/** Sends half of a request body and never the rest: the server answers 503 when REQUEST_TIMEOUT_MS passes. */
function stalledRequest(url: string): Promise<{ status: number; requestId: string | undefined }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query: VIEWER });
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } });
    request.on('response', (response) => {
      resolve({ status: response.statusCode!, requestId: response.headers['x-request-id'] as string | undefined });
      response.resume();
      request.destroy();
    });
    request.on('error', reject);
    request.write(body.slice(0, 5));
  });
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('request ids and access logs', () => {
  describe('LOG_LEVEL=info', () => {
    const { logger, lines } = capturingLogger('info');
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ logger, env: { REQUEST_TIMEOUT_MS: '300' } });
    });
    afterAll(() => server.stop());

    it('logs each request with its id, method, URL and status', async () => {
      const token = await server.token(Role.PLATFORM_ADMIN);
      const response = await server.gql(VIEWER, {}, token);
      ok(response);
      await settle();
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const line = lines.find((l) => l.req?.id === id);
      expect(line).toMatchObject({ level: 30, req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
    });

    it('keeps a plain X-Request-Id the caller sends, and replaces one that is not', async () => {
      const send = (id: string) =>
        fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': id },
          body: '{"query":"{ __typename }"}',
        });
      expect((await send('trace-42')).headers.get('x-request-id')).toBe('trace-42');
      expect((await send('bad id; drop table')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('LOG_LEVEL=warn', () => {
    const { logger, lines } = capturingLogger('warn');
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ logger, env: { REQUEST_TIMEOUT_MS: '300' } });
    });
    afterAll(() => server.stop());

    it('sets the id but writes no line for a successful request', async () => {
      const response = await server.gql(VIEWER, {}, await server.token(Role.PLATFORM_ADMIN));
      ok(response);
      await settle();
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines).toEqual([]);
    });

    it('logs a 5xx answer at error level with its request id', async () => {
      const { status, requestId } = await stalledRequest(server.url);
      expect(status).toBe(503);
      await settle();
      expect(lines).toEqual([
        expect.objectContaining({
          level: 50,
          msg: 'request errored',
          req: { id: requestId, method: 'POST', url: '/graphql' },
          res: { statusCode: 503 },
        }),
      ]);
    });
  });
});
