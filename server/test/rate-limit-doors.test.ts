import WebSocket from 'ws';
import { Role, startTestServer, type TestServer } from './support/harness';
import { wsUrlOf } from './support/live';
import { loadConfig } from '../src/config';
import { Partner, Tenant } from '../src/entities';

/**
 * SPEC §9, budgets at every door: an HTTP operation and a WebSocket `subscribe` spend the same budgets, the
 * caller's (RATE_LIMIT_PER_MINUTE) and its organisation's (RATE_LIMIT_PER_ORGANISATION_PER_MINUTE), so a
 * fresh `sub` per token gets no fresh budget; a caller holds at most WS_MAX_CONNECTIONS_PER_CALLER sockets.
 */
const TENANT = '01890000-0000-7000-8000-0000000000d1';
const OTHER_TENANT = '01890000-0000-7000-8000-0000000000d2';
const PARTNER = '5000001';
const EVENTS = 'subscription { events { id } }';

type Message = { type: string; id?: string; payload?: unknown };

/** A raw graphql-transport-ws socket: its messages, and how it closed. */
function socketOf(server: TestServer, token: string) {
  const socket = new WebSocket(wsUrlOf(server.url), 'graphql-transport-ws');
  const messages: Message[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  const next = (predicate: (m: Message) => boolean) =>
    new Promise<Message | null>((resolve) => {
      const found = messages.find(predicate);
      if (found) return resolve(found);
      const listen = () => {
        const match = messages.find(predicate);
        if (match) {
          socket.off('message', listen);
          resolve(match);
        }
      };
      socket.on('message', listen);
      void closed.then(() => resolve(messages.find(predicate) ?? null));
    });
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
  return {
    messages,
    closed,
    acked: () => next((m) => m.type === 'connection_ack'),
    /** Subscribes and answers the first message for this id: `next` is never sent by an idle stream, so an answer is an error. */
    subscribe: (id: string) => {
      socket.send(JSON.stringify({ type: 'subscribe', id, payload: { query: EVENTS } }));
      return id;
    },
    answerTo: (id: string) => next((m) => m.id === id),
    close: () => {
      if (socket.readyState !== WebSocket.CLOSED) socket.close(1000);
      return closed;
    },
  };
}

async function viewer(server: TestServer, token: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { subject } }' }),
  });
  const body = (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions.code ?? 'OK', message: body.errors?.[0]?.message ?? '' };
}

/** A server whose tenants and partner exist without any request spending a budget. */
async function serverWith(env: Record<string, string>): Promise<TestServer> {
  const server = await startTestServer({ env });
  const createdAt = new Date();
  await server.dataSource
    .getRepository(Tenant)
    .insert(
      [TENANT, OTHER_TENANT].map((id) =>
        Object.assign(new Tenant(), { id, name: id, domain: `${id}.example`, countryCode: 'VN', billingManagedById: null, createdAt }),
      ),
    );
  await server.dataSource
    .getRepository(Partner)
    .insert({ id: PARTNER, name: 'Budget Partner', countryCode: 'VN', isReseller: true, createdAt });
  return server;
}

let sequence = 0;
const subject = (label: string) => `${label}-${++sequence}-${Date.now()}`;

describe('a WebSocket subscribe spends the caller’s rate budget, like an HTTP operation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverWith({ RATE_LIMIT_PER_MINUTE: '4', RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '0' });
  });
  afterAll(() => server.stop());

  it('2 requests and 2 subscribes spend a budget of 4: the 3rd subscribe and the next request are RATE_LIMITED', async () => {
    const token = await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: TENANT, subject: subject('reader') });
    expect((await viewer(server, token)).code).toBe('OK');
    expect((await viewer(server, token)).code).toBe('OK');
    const live = socketOf(server, token);
    expect(await live.acked()).toMatchObject({ type: 'connection_ack' });
    live.subscribe('a');
    live.subscribe('b');
    const third = await live.answerTo(live.subscribe('c'));
    expect(third).toMatchObject({
      type: 'error',
      payload: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }],
    });
    // An `error` message's payload is the GraphQL errors, as matched just above.
    expect((third!.payload as { message: string }[])[0].message).toMatch(/rate limit for this caller is spent/);
    // The two that were within the budget are live: nothing was sent for them.
    expect(live.messages.filter((m) => m.id === 'a' || m.id === 'b')).toEqual([]);
    expect(await viewer(server, token)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    await live.close();
  });
});

describe('one budget for all the subjects of an organisation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverWith({ RATE_LIMIT_PER_MINUTE: '100', RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '3' });
  });
  afterAll(() => server.stop());

  it.each([
    ['a tenant', { tenantId: TENANT }, Role.TENANT_GLOBAL_ADMIN],
    ['a partner', { partnerId: PARTNER }, Role.PARTNER_ADMIN_AGENT],
  ] as const)('%s: a fresh sub per token gets no fresh budget, over HTTP or the WebSocket', async (_what, scope, role) => {
    const fresh = () => server.token(role, { ...scope, subject: subject('minted') });
    for (let i = 0; i < 3; i++) expect((await viewer(server, await fresh())).code).toBe('OK');
    const limited = await viewer(server, await fresh());
    expect(limited).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(limited.message).toMatch(/organisation's rate limit, shared by all its users and tokens, is spent/);
    const live = socketOf(server, await fresh());
    await live.acked();
    expect(await live.answerTo(live.subscribe('x'))).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'RATE_LIMITED' } }] });
    await live.close();
  });

  it('another organisation, and a platform admin, keep their own budgets', async () => {
    const other = await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: OTHER_TENANT, subject: subject('other') });
    for (let i = 0; i < 3; i++) expect((await viewer(server, other)).code).toBe('OK');
    expect((await viewer(server, await server.token(Role.PLATFORM_ADMIN, { subject: subject('admin') }))).code).toBe('OK');
  });
});

describe('WS_MAX_CONNECTIONS_PER_CALLER', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverWith({ WS_MAX_CONNECTIONS_PER_CALLER: '2' });
  });
  afterAll(() => server.stop());

  it('closes a caller’s 3rd socket with 4429, and a closed one frees its place at once', async () => {
    const token = await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: TENANT, subject: subject('sockets') });
    const [first, second] = [socketOf(server, token), socketOf(server, token)];
    await Promise.all([first.acked(), second.acked()]);
    const third = socketOf(server, token);
    expect(await third.closed).toEqual({ code: 4429, reason: expect.stringMatching(/already hold 2 live-update connections/) });
    expect(third.messages.filter((m) => m.type === 'connection_ack')).toEqual([]);
    // Another caller of the same tenant has places of its own.
    const neighbour = socketOf(server, await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: TENANT, subject: subject('neighbour') }));
    expect(await neighbour.acked()).toMatchObject({ type: 'connection_ack' });
    await first.close();
    const again = socketOf(server, token);
    expect(await again.acked()).toMatchObject({ type: 'connection_ack' });
    await Promise.all([second.close(), again.close(), neighbour.close()]);
  });
});

describe('the budgets’ configuration', () => {
  it('defaults to 3,000 per organisation and 10 sockets per caller, and refuses a bad value by name', () => {
    const config = loadConfig({});
    expect([config.limits.rateLimitPerOrganisationPerMinute, config.wsMaxConnectionsPerCaller]).toEqual([3000, 10]);
    expect(loadConfig({ RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '0' }).limits.rateLimitPerOrganisationPerMinute).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: 'many' })).toThrow(/RATE_LIMIT_PER_ORGANISATION_PER_MINUTE/);
    expect(() => loadConfig({ WS_MAX_CONNECTIONS_PER_CALLER: '0' })).toThrow(/WS_MAX_CONNECTIONS_PER_CALLER/);
  });
});
