/**
 * SPEC §6: the webhook delivery log is kept 30 days. The lifecycle sweep, which every instance runs, prunes
 * finished deliveries older than that (the rule itself: WebhookService.pruneDeliveries, its own spec in
 * webhooks-endpoints.test.ts).
 */
import { ok, startTestServer, type TestServer } from './support/harness';
import { kitFor } from './support/world';
import { CREATE_WEBHOOK_ENDPOINT, GET_WEBHOOK_DELIVERIES, SEND_TEST_WEBHOOK } from './graphql/webhook-definitions';
import { WebhookDelivery } from '../src/entities';

describe('the lifecycle sweep and the webhook delivery log', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('prunes finished deliveries older than 30 days on each run', async () => {
    const owner = await kitFor(server).createTenant('Swept Hooks');
    const token = owner.tokens.global;
    const endpoint = ok(await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: 'http://127.0.0.1:9/hook' } }, token))
      .createWebhookEndpoint.webhookEndpoint;
    const send = async () => ok(await server.gql(SEND_TEST_WEBHOOK, { input: { id: endpoint.id } }, token)).sendTestWebhook.delivery.id;
    const finish = (ids: string[]) =>
      server.dataSource.getRepository(WebhookDelivery).update(ids, { status: 'SUCCEEDED' as never, nextAttemptAt: null });
    const old = [await send(), await send()];
    await finish(old);
    // Written on this server's clock: 31 days on, the two above are past the log's 30 days, this one is not.
    server.clock.advanceDays(31);
    const fresh = await send();
    await finish([fresh]);

    expect(await server.app.services.lifecycle.sweep()).toMatchObject({ deleted: 0, prunedDeliveries: 2 });
    const log = ok(await server.gql(GET_WEBHOOK_DELIVERIES, { endpointId: endpoint.id, status: 'SUCCEEDED' }, token)).webhookDeliveries;
    expect(log.edges.map((e) => e.node.id)).toEqual([fresh]);
  });
});
