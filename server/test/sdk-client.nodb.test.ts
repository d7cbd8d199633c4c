import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import type { FetchFunction, FetchRequestInit } from '@tenantry/sdk';
import { loadSdk, ROOT } from './fixtures/sdk/ensure-built';

// The built @tenantry/sdk with a scripted fetch: request shape, error mapping, which calls are retried, abort, paginate.
// sdk-retries.test.ts shows the retries against the real server.
const { createClient, paginate, operations, TenantryError, TenantryNetworkError, isTenantryError, ErrorCode } = loadSdk();

/** Operations that are not named after their root field: composed pages of another field. */
const COMPOSED = { customerPage: { kind: 'query', field: 'customers', operationName: 'CustomerPage' } };

interface Call {
  url: string;
  init: FetchRequestInit;
  body: { query: string; operationName?: string; variables: Record<string, unknown> };
}

/** A fetch that records each call and answers with `reply`. */
function scriptedFetch(
  reply: (
    call: Call,
  ) =>
    | Promise<{ status?: number; body: unknown; headers?: Record<string, string> }>
    | { status?: number; body: unknown; headers?: Record<string, string> },
) {
  const calls: Call[] = [];
  const fetch: FetchFunction = async (url, init) => {
    const call = { url, init, body: JSON.parse(init.body) };
    calls.push(call);
    const { status = 200, body, headers = {} } = await reply(call);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return { fetch, calls };
}

const data = (d: unknown) => () => ({ body: { data: d } });
const VIEWER = { viewer: { subject: 's', roles: ['PLATFORM_ADMIN'], tenant: null, partner: null } };
const failure = async (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('@tenantry/sdk client', () => {
  it('has one method per Query and Mutation field of the schema, named after its operation, and the composed pages', () => {
    const schema = buildSchema(readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8'));
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch: scriptedFetch(data({})).fetch });
    const expected: string[] = [];
    for (const [kind, type] of [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as [string, GraphQLObjectType][]) {
      for (const field of Object.keys(type.getFields())) {
        expected.push(field);
        expect({ field, method: typeof (client as unknown as Record<string, unknown>)[field] }).toEqual({ field, method: 'function' });
        const operation = (operations as Record<string, { kind: string; field: string; operationName: string }>)[field];
        expect(operation).toMatchObject({ kind, field, operationName: field[0].toUpperCase() + field.slice(1) });
      }
    }
    expect(expected).toHaveLength(26 + 9 + 6); // SPEC §3, the webhook operations of §6, the term mutations and test clock of §8
    for (const [method, operation] of Object.entries(COMPOSED)) {
      expected.push(method);
      expect((operations as Record<string, unknown>)[method]).toMatchObject(operation);
    }
    expect(Object.keys(operations).sort()).toEqual(expected.sort());
    expect(Object.keys(client).sort()).toEqual([...expected, 'request', 'subscribe'].sort());
  });

  it('retries queries, purchaseSubscription and createCustomer, and no other mutation', () => {
    const retried = Object.entries(operations as Record<string, { kind: string; retry: string }>)
      .filter(([, operation]) => operation.kind === 'mutation' && operation.retry !== 'never')
      .map(([method, operation]) => [method, operation.retry]);
    expect(retried.sort()).toEqual([
      ['createCustomer', 'with-idempotency-key'],
      ['purchaseSubscription', 'with-idempotency-key'],
    ]);
    for (const operation of Object.values(operations as Record<string, { kind: string; retry: string }>)) {
      if (operation.kind === 'query') expect(operation.retry).toBe('always');
    }
  });

  it('POSTs the operation with its name, variables, bearer token and headers, and resolves to data', async () => {
    const { fetch, calls } = scriptedFetch(
      data({ customers: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } }),
    );
    const client = createClient({
      url: new URL('http://api.test/graphql'),
      token: 'tok',
      fetch,
      headers: { 'X-Trace': 'a', 'Content-Type': 'text/plain' },
    });
    const result = await client.customers({ first: 50, search: 'contoso' }, { headers: { 'x-request-id': 'req-1' } });
    expect(result.customers.totalCount).toBe(0);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.url).toBe('http://api.test/graphql');
    expect(call.init.method).toBe('POST');
    expect(call.init.headers).toMatchObject({
      authorization: 'Bearer tok',
      'content-type': 'application/json',
      'x-trace': 'a',
      'x-request-id': 'req-1',
    });
    expect(call.body.operationName).toBe('Customers');
    expect(call.body.variables).toEqual({ first: 50, search: 'contoso' });
    expect(call.body.query).toContain('query Customers(');
    expect(call.body.query).toContain('fragment TenantFields on Tenant');
  });

  it('asks getToken before every request, awaits it, and sends no Authorization when it returns nothing', async () => {
    const { fetch, calls } = scriptedFetch(data(VIEWER));
    const tokens = ['first', 'refreshed', null];
    const client = createClient({ url: 'http://api.test/graphql', fetch, getToken: async () => tokens.shift() });
    await client.viewer();
    await client.viewer({});
    await client.viewer();
    expect(calls.map((c) => c.init.headers.authorization)).toEqual(['Bearer first', 'Bearer refreshed', undefined]);
  });

  it('throws TenantryError with code, field, path, message, status and the raw response', async () => {
    const response = {
      data: null,
      errors: [
        {
          message: 'Invalid value for "quantity": must be positive.',
          path: ['purchaseSubscription'],
          extensions: { code: 'BAD_USER_INPUT', field: 'quantity' },
        },
      ],
    };
    const { fetch } = scriptedFetch(() => ({ status: 200, body: response, headers: { 'x-request-id': 'abc' } }));
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch });
    const error = await failure(client.purchaseSubscription({ input: { tenantId: 't', offerId: 'o', quantity: 0 } }));
    expect(error).toBeInstanceOf(TenantryError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'TenantryError',
      code: ErrorCode.BadUserInput,
      field: 'quantity',
      message: 'Invalid value for "quantity": must be positive.',
      path: ['purchaseSubscription'],
      status: 200,
      requestId: 'abc',
      operationName: 'PurchaseSubscription',
      response,
    });
    expect(isTenantryError(error, 'BAD_USER_INPUT')).toBe(true);
  });

  it('treats an error body on a 4xx as a TenantryError (UNAUTHENTICATED 401, RATE_LIMITED 429 with retryAfterSeconds)', async () => {
    const answers = [
      { status: 401, body: { errors: [{ message: 'No token', extensions: { code: 'UNAUTHENTICATED' } }] } },
      { status: 429, body: { errors: [{ message: 'Slow down', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 7 } }] } },
    ];
    const { fetch } = scriptedFetch(() => answers.shift()!);
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch, retries: 0 }); // each answer once: error mapping, not retries
    expect(await failure(client.viewer())).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, field: undefined });
    expect(await failure(client.viewer())).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 7 });
  });

  it('reports non-GraphQL answers and failed fetches as TenantryNetworkError', async () => {
    const answers: (() => { status?: number; body: unknown })[] = [
      () => ({ status: 502, body: '<html>Bad gateway</html>' }),
      () => ({ status: 200, body: 'not json' }),
      () => ({ status: 200, body: { hello: 'world' } }),
      () => {
        throw new TypeError('fetch failed');
      },
    ];
    const { fetch } = scriptedFetch(() => answers.shift()!());
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch, retries: 0 }); // each answer once: error mapping, not retries
    const gateway = await failure(client.viewer());
    expect(gateway).toBeInstanceOf(TenantryNetworkError);
    expect(gateway).not.toBeInstanceOf(TenantryError);
    expect(gateway).toMatchObject({
      name: 'TenantryNetworkError',
      reason: 'http-error',
      status: 502,
      body: '<html>Bad gateway</html>',
      operationName: 'Viewer',
    });
    expect(await failure(client.viewer())).toMatchObject({ reason: 'invalid-response', status: 200 });
    expect(await failure(client.viewer())).toMatchObject({ reason: 'invalid-response' });
    const refused = (await failure(client.viewer())) as Error;
    expect(refused).toMatchObject({ reason: 'fetch-failed', status: undefined });
    expect(refused.cause).toBeInstanceOf(TypeError);
    expect(isTenantryError(refused)).toBe(false);
  });

  it('retries a query after a 503, a dropped connection and RATE_LIMITED, then resolves', async () => {
    const answers: (() => { status?: number; body: unknown; headers?: Record<string, string> })[] = [
      () => ({ status: 503, body: 'Service Unavailable' }),
      () => {
        throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
      },
      () => ({ status: 429, body: { errors: [{ message: 'Slow down', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 0 } }] } }),
      () => ({ body: { data: VIEWER } }),
    ];
    const { fetch, calls } = scriptedFetch(() => answers.shift()!());
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch, maxDelayMs: 1 });
    expect(await client.viewer()).toEqual(VIEWER);
    expect(calls).toHaveLength(4);
  });

  it('gives up after `retries` more attempts, or at once for an error that is not transient', async () => {
    const unavailable = scriptedFetch(() => ({ status: 502, body: 'Bad gateway' }));
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch: unavailable.fetch, retries: 2, maxDelayMs: 1 });
    expect(await failure(client.viewer())).toMatchObject({ reason: 'http-error', status: 502 });
    expect(unavailable.calls).toHaveLength(3);
    expect(await failure(client.viewer(undefined, { retries: 0 }))).toMatchObject({ status: 502 });
    expect(unavailable.calls).toHaveLength(4);

    for (const answer of [
      { status: 500, body: 'Internal Server Error' },
      { status: 400, body: { errors: [{ message: 'Bad', extensions: { code: 'BAD_USER_INPUT' } }] } },
      { status: 200, body: { errors: [{ message: 'Nope', extensions: { code: 'FORBIDDEN' } }] } },
    ]) {
      const { fetch, calls } = scriptedFetch(() => answer);
      await failure(createClient({ url: 'http://api.test/graphql', token: 't', fetch, maxDelayMs: 1 }).viewer());
      expect(calls).toHaveLength(1);
    }
  });

  it('does not retry when the server asks for a longer wait than maxDelayMs', async () => {
    const limited = scriptedFetch(() => ({
      status: 429,
      headers: { 'retry-after': '60' },
      body: { errors: [{ message: 'Slow down', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 60 } }] },
    }));
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch: limited.fetch, maxDelayMs: 10_000 });
    expect(await failure(client.viewer())).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 60 });
    expect(limited.calls).toHaveLength(1);
    const gateway = scriptedFetch(() => ({ status: 503, headers: { 'retry-after': '120' }, body: 'Down for maintenance' }));
    const error = await failure(createClient({ url: 'http://api.test/graphql', token: 't', fetch: gateway.fetch }).viewer());
    expect(error).toMatchObject({ reason: 'http-error', status: 503, retryAfterSeconds: 120 });
    expect(gateway.calls).toHaveLength(1);
  });

  it('never retries a mutation without an idempotency key: it is sent exactly once', async () => {
    for (const answer of [() => ({ status: 503, body: 'Service Unavailable' }), () => Promise.reject(new Error('ECONNRESET'))]) {
      const { fetch, calls } = scriptedFetch(answer);
      const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch, maxDelayMs: 1 });
      expect(await failure(client.changeLicenseQuantity({ input: { subscriptionId: 's', quantity: 3 } }))).toBeInstanceOf(
        TenantryNetworkError,
      );
      expect(calls).toHaveLength(1);
      expect(
        await failure(client.request('mutation { suspendSubscription(input: { subscriptionId: "s" }) { subscription { id } } }')),
      ).toBeInstanceOf(TenantryNetworkError);
      expect(calls).toHaveLength(2);
    }
  });

  it('retries purchaseSubscription with one generated idempotency key, and keeps the caller’s own', async () => {
    const answers = [
      () => ({ status: 504, body: 'Gateway Timeout' }),
      () => ({ body: { data: { purchaseSubscription: { subscription: { id: 'sub' } } } } }),
    ];
    const { fetch, calls } = scriptedFetch(() => answers.shift()!());
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch, maxDelayMs: 1 });
    const input = { tenantId: 't', offerId: 'o', quantity: 3 };
    await client.purchaseSubscription({ input });
    expect(calls).toHaveLength(2);
    const [first, second] = calls.map((c) => (c.body.variables.input as { idempotencyKey?: string }).idempotencyKey);
    expect(first).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(second).toBe(first);
    expect(input).toEqual({ tenantId: 't', offerId: 'o', quantity: 3 });

    const own = scriptedFetch(data({ createCustomer: { customer: { id: 'c' } } }));
    const ownClient = createClient({ url: 'http://api.test/graphql', token: 't', fetch: own.fetch });
    await ownClient.createCustomer({ input: { name: 'N', domain: 'n.example', countryCode: 'TH', idempotencyKey: 'mine' } });
    await ownClient.createCustomer({ input: { name: 'N', domain: 'n.example', countryCode: 'TH' } });
    const [mine, generated] = own.calls.map((c) => (c.body.variables.input as { idempotencyKey?: string }).idempotencyKey);
    expect(mine).toBe('mine');
    expect(generated).not.toBe('mine');
    expect(generated).toEqual(expect.any(String));
  });

  it('stops waiting to retry when the signal fires', async () => {
    const { fetch, calls } = scriptedFetch(() => ({ status: 503, headers: { 'retry-after': '20' }, body: 'Busy' }));
    const controller = new AbortController();
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch, signal: controller.signal });
    const pending = failure(client.viewer());
    while (calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await pending).toMatchObject({
      name: 'TenantryNetworkError',
      reason: 'aborted',
      message: expect.stringContaining('waiting to retry'),
    });
    expect(calls).toHaveLength(1);
  });

  it('refuses retry settings that cannot work', () => {
    expect(() => createClient({ url: 'http://api.test/graphql', token: 't', retries: -1 })).toThrow(/retries/);
    expect(() => createClient({ url: 'http://api.test/graphql', token: 't', retries: 1.5 })).toThrow(/retries/);
    expect(() => createClient({ url: 'http://api.test/graphql', token: 't', maxDelayMs: Number.NaN })).toThrow(/maxDelayMs/);
  });

  it('aborts through the per-call signal or the client signal, and detaches from the client signal afterwards', async () => {
    // A fetch that only ends when its signal fires, like a slow server.
    const hanging: FetchFunction = (_url, init) =>
      new Promise((_resolve, reject) => {
        if (init.signal?.aborted) reject(init.signal.reason);
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      });
    const perCall = new AbortController();
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch: hanging });
    const pending = failure(client.viewer(undefined, { signal: perCall.signal }));
    await new Promise((r) => setTimeout(r, 10)); // in flight
    perCall.abort();
    expect(await pending).toMatchObject({ name: 'TenantryNetworkError', reason: 'aborted' });

    const clientWide = new AbortController();
    const shared = createClient({ url: 'http://api.test/graphql', token: 't', fetch: hanging, signal: clientWide.signal });
    const a = failure(shared.viewer(undefined, { signal: new AbortController().signal }));
    const b = failure(shared.customers({ first: 1 }));
    await new Promise((r) => setTimeout(r, 10));
    clientWide.abort(new Error('logged out'));
    expect(await a).toMatchObject({ reason: 'aborted' });
    expect(await b).toMatchObject({ reason: 'aborted' });
    expect(await failure(shared.viewer())).toMatchObject({ reason: 'aborted', message: expect.stringContaining('before it was sent') });

    // Many requests on a client with a long-lived signal leave no listener behind on it.
    let listeners = 0;
    const signal = new AbortController().signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => (listeners++, add(...args))) as typeof add;
    signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => (
      listeners--,
      remove(...args)
    )) as typeof remove;
    const quick = createClient({ url: 'http://api.test/graphql', token: 't', fetch: scriptedFetch(data(VIEWER)).fetch, signal });
    for (let i = 0; i < 5; i++) await quick.viewer(undefined, { signal: new AbortController().signal });
    expect(listeners).toBe(0);
  });

  it('refuses a parsed DocumentNode in request(), saying how to pass a string', async () => {
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch: scriptedFetch(data(VIEWER)).fetch });
    const error = await failure(client.request({ kind: 'Document', definitions: [] } as never));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/documentMode: 'string'/);
  });

  it('runs documents of your own with request()', async () => {
    const { fetch, calls } = scriptedFetch(data({ viewer: { subject: 'me' } }));
    const client = createClient({ url: 'http://api.test/graphql', token: 't', fetch });
    const result = await client.request<{ viewer: { subject: string } }, Record<string, never>>('query Me { viewer { subject } }');
    expect(result.viewer.subject).toBe('me');
    expect(calls[0].body).toEqual({ query: 'query Me { viewer { subject } }', variables: {} });
  });

  it('refuses to start without a url', () => {
    expect(() => createClient({ token: 't' } as never)).toThrow(/url/);
  });

  it('isTenantryError also recognises the error class of another copy of the SDK (ESM next to CommonJS)', () => {
    const foreign = Object.assign(new Error('Conflict'), { name: 'TenantryError', code: 'CONFLICT' });
    expect(isTenantryError(foreign, 'CONFLICT')).toBe(true);
    expect(isTenantryError(new Error('x'))).toBe(false);
  });
});

describe('paginate()', () => {
  const page = (nodes: number[], endCursor: string | null, hasNextPage: boolean) => ({
    items: { edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage, endCursor } },
  });

  it('yields every node of every page, fetching the next page only when the loop gets there', async () => {
    const pages: Record<string, ReturnType<typeof page>> = {
      start: page([1, 2], 'c2', true),
      c2: page([3, 4], 'c4', true),
      c4: page([5], 'c5', false),
    };
    const requested: (string | undefined)[] = [];
    const fetchPage = async (after: string | undefined) => (requested.push(after), pages[after ?? 'start']);
    const all: number[] = [];
    for await (const n of paginate(fetchPage, (d) => d.items)) all.push(n);
    expect(all).toEqual([1, 2, 3, 4, 5]);
    expect(requested).toEqual([undefined, 'c2', 'c4']);

    requested.length = 0;
    for await (const n of paginate(fetchPage, (d) => d.items)) if (n === 2) break;
    expect(requested).toEqual([undefined]);
  });

  it('handles an empty list, and stops instead of looping when a cursor does not advance', async () => {
    const none: number[] = [];
    for await (const n of paginate(
      async () => page([], null, false),
      (d) => d.items,
    ))
      none.push(n);
    expect(none).toEqual([]);
    const stuck = async () => {
      for await (const _ of paginate(
        async () => page([1], 'same', true),
        (d) => d.items,
      ))
        void _;
    };
    await expect(stuck()).rejects.toThrow(/endCursor/);
  });
});
