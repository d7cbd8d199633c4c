/**
 * Issue 14, SPEC §6: an event reaches a subscriber within 1 second whichever instance committed it. A second
 * server process (the built server/dist/main.js, which `npm test` builds first) runs over the same MariaDB
 * database; a subscriber on this instance sees the changes made through it. MariaDB only: SQLite is one
 * process's embedded file.
 */
import type { Client } from 'graphql-ws';
import { startTestServer, type GraphQLResponse, type TestServer, type TypedDocument } from './support/harness';
import { buildWorld, type World } from './support/world';
import { collect, liveClient, untilLive } from './support/live';
import { type ServerProcess, startServerProcess } from './support/server-process';
import { CHANGE_LICENSE_QUANTITY, PURCHASE_SUBSCRIPTION } from './graphql/shared-definitions';
import { graphql } from './graphql/generated';
import type { LiveEventsFromAnyInstanceSubscription } from './graphql/generated/graphql';

const LIVE_EVENTS = graphql(`
  subscription LiveEventsFromAnyInstance($tenantId: ID) {
    events(tenantId: $tenantId) { id action targetId }
  }
`);

const send = async <TResult, TVariables>(
  url: string,
  document: TypedDocument<TResult, TVariables>,
  variables: TVariables,
  token: string,
) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: String(document), variables }),
  });
  const body = (await response.json()) as GraphQLResponse<TResult>;
  if (body.errors?.length) throw new Error(`Expected success, got ${JSON.stringify(body.errors)}`);
  return body.data!;
};

describe('live updates across two server processes (MariaDB)', () => {
  let server: TestServer;
  let w: World;
  let second: ServerProcess | undefined;
  let client: Client | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
    second = await startServerProcess(server.database.url);
  });
  afterAll(async () => {
    await client?.dispose();
    await second?.kill('SIGTERM');
    await server.stop();
  });

  it('a subscriber here receives, within 1 second and once each, the events committed through the other process', async () => {
    client = liveClient(server.url, w.tokens.customerGlobal);
    const live = collect<LiveEventsFromAnyInstanceSubscription>(client, String(LIVE_EVENTS), { tenantId: w.tenants.customer });
    await untilLive(server, 1);

    const bought = await send(
      second!.url,
      PURCHASE_SUBSCRIPTION,
      { input: { tenantId: w.tenants.customer, offerId: w.offers.basic.id, quantity: 2 } },
      w.tokens.resellerAdmin,
    );
    const id = bought.purchaseSubscription.subscription.id;
    await live.until((results) => results.length >= 1, 1_000);

    for (const quantity of [3, 4, 5]) {
      await send(second!.url, CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: id, quantity } }, w.tokens.resellerAdmin);
      const count = live.results.length;
      await live.until((results) => results.length > count, 1_000);
    }
    await new Promise((r) => setTimeout(r, 700));
    expect(live.results.map((r) => [r.data?.events.action, r.data?.events.targetId])).toEqual([
      ['subscription.purchased', id],
      ['subscription.quantityChanged', id],
      ['subscription.quantityChanged', id],
      ['subscription.quantityChanged', id],
    ]);
    expect(new Set(live.results.map((r) => r.data?.events.id)).size).toBe(4);
  });
});
