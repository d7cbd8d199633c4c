/**
 * Issue 14: `client.subscribe` of the built @tenantry/sdk (CommonJS entry) against the real server: typed live
 * events over WebSocket, refusals as TenantryError, a closed socket as TenantryNetworkError with its close code.
 */
import WebSocket from 'ws';
import { Role, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type Kit, type World } from './support/world';
import { untilLive } from './support/live';
import { loadSdk } from './fixtures/sdk/ensure-built';
import { signDevelopmentToken } from '../src/auth/tokens';
import { DEVELOPMENT_JWT_SECRET } from '../src/config';

const { createClient, LiveEventsDocument, TenantryError, TenantryNetworkError } = loadSdk();

/** The first thing an iteration ends with: an error, or undefined when it simply ended. */
async function failureOf(iteration: AsyncIterable<unknown>): Promise<unknown> {
  try {
    for await (const _ of iteration) return undefined;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('@tenantry/sdk live updates (client.subscribe)', () => {
  let server: TestServer;
  let w: World;
  let kit: Kit;

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
    kit = kitFor(server);
  });
  afterAll(() => server.stop());

  it('yields typed events the caller may read, and ends the subscription when the loop breaks', async () => {
    const client = createClient({ url: server.url, token: w.tokens.customerGlobal, webSocketImpl: WebSocket });
    const received: string[] = [];
    const done = (async () => {
      for await (const { events } of client.subscribe(LiveEventsDocument, { tenantId: w.tenants.customer })) {
        received.push(`${events.action} ${events.targetId} ${events.actor.partnerId}`);
        if (received.length === 2) break;
      }
    })();
    await untilLive(server, 1);
    const sale = await kit.purchase(w.tokens.resellerAdmin, { tenantId: w.tenants.customer, offerId: w.offers.basic.id, quantity: 2 });
    await kit.createTenant('Not Yours');
    await kit.suspend(w.tokens.resellerAdmin, sale.id);
    await done;
    expect(received).toEqual([
      `subscription.purchased ${sale.id} ${w.partners.reseller}`,
      `subscription.suspended ${sale.id} ${w.partners.reseller}`,
    ]);
    const deadline = Date.now() + 5_000;
    while ((await server.app.metrics.liveSubscriptions.get()).values[0].value > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect((await server.app.metrics.liveSubscriptions.get()).values[0].value).toBe(0);
  });

  it('throws a TenantryError for a refused subscription', async () => {
    const client = createClient({ url: server.url, token: w.tokens.resellerAdmin, webSocketImpl: WebSocket });
    const outOfScope = await failureOf(client.subscribe(LiveEventsDocument, { tenantId: w.tenants.direct }));
    expect(outOfScope).toBeInstanceOf(TenantryError);
    expect(outOfScope).toMatchObject({ code: 'NOT_FOUND' });
    const unknownType = await failureOf(client.subscribe(LiveEventsDocument, { types: ['nothing.happened'] }));
    expect(unknownType).toMatchObject({ code: 'BAD_USER_INPUT', field: 'types' });
  });

  it('throws a TenantryNetworkError with close code 4401 for a bad or expiring token', async () => {
    const forged = createClient({ url: server.url, token: 'not.a.token', webSocketImpl: WebSocket });
    const refused = await failureOf(forged.subscribe(LiveEventsDocument, {}));
    expect(refused).toBeInstanceOf(TenantryNetworkError);
    expect(refused).toMatchObject({ reason: 'socket-closed', closeCode: 4401 });

    const secret = server.config.auth.jwtSecret ?? DEVELOPMENT_JWT_SECRET;
    const shortLived = await signDevelopmentToken(secret, { roles: [Role.PLATFORM_ADMIN], subject: 'sdk-short', expiresIn: '2s' });
    const expiring = createClient({ url: server.url, getToken: () => shortLived, webSocketImpl: WebSocket });
    const expired = await failureOf(expiring.subscribe(LiveEventsDocument));
    expect(expired).toMatchObject({ reason: 'socket-closed', closeCode: 4401, message: expect.stringMatching(/expired/) });
  });

  it('asks for a WebSocket class where there is no global one', () => {
    const hadGlobal = 'WebSocket' in globalThis;
    const global = (globalThis as { WebSocket?: unknown }).WebSocket;
    delete (globalThis as { WebSocket?: unknown }).WebSocket;
    try {
      const client = createClient({ url: server.url, token: w.tokens.platform });
      return expect(failureOf(client.subscribe(LiveEventsDocument))).resolves.toMatchObject({
        message: expect.stringMatching(/webSocketImpl/),
      });
    } finally {
      if (hadGlobal) (globalThis as { WebSocket?: unknown }).WebSocket = global;
    }
  });
});
