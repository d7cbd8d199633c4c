/**
 * Issue 15: on a Galera cluster a row lock does not reach the other nodes, so a sale (a reseller's purchase
 * or reactivation) must write the reseller relationship it rests on: that write is what a
 * removeResellerRelationship on another node conflicts with at COMMIT. `npm run test:cluster` shows the race
 * on three nodes; this spec pins the write itself on both databases: sales bump the relationship's version,
 * and changes that make no sale active leave it alone.
 */
import { ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type Kit, type World } from './support/world';
import { CHANGE_LICENSE_QUANTITY, REACTIVATE_SUBSCRIPTION } from './graphql/shared-definitions';
import { ResellerRelationship } from '../src/entities';

describe('a reseller sale writes the relationship it rests on', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
  });
  afterAll(() => server.stop());

  const relationshipVersion = async (tenantId: string) =>
    (await server.dataSource.getRepository(ResellerRelationship).findOneByOrFail({ partnerId: world.partners.reseller, tenantId })).version;

  it('a purchase and a reactivation bump its version; a quantity change and a suspension do not', async () => {
    const customer = await kit.createCustomer(world.tokens.resellerAdmin);
    expect(await relationshipVersion(customer.id)).toBe(1);

    const bought = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 5 });
    expect(await relationshipVersion(customer.id)).toBe(2);

    ok(await server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: bought.id, quantity: 6 } }, world.tokens.resellerSales));
    await kit.suspend(world.tokens.resellerAdmin, bought.id);
    expect(await relationshipVersion(customer.id)).toBe(2);

    ok(await server.gql(REACTIVATE_SUBSCRIPTION, { input: { subscriptionId: bought.id } }, world.tokens.resellerSales));
    expect(await relationshipVersion(customer.id)).toBe(3);
  });
});
