/**
 * SPEC §9, webhooks: each owner gets a fair share of the instance's delivery slots. One owner's 16 silent
 * receivers (they take the request and never answer) must not delay another owner's deliveries by more than
 * one attempt's time (WEBHOOK_TIMEOUT_MS, small here).
 */
import { ok, startTestServer, type TestServer } from './support/harness';
import { kitFor, type FreshTenant } from './support/world';
import { eventually, WebhookReceiver } from './support/webhook-receiver';
import { graphql } from './graphql/generated';
import { MAX_IN_FLIGHT_PER_OWNER } from '../src/services/webhook-delivery/webhook-dispatcher';
import { ifSetUp } from './support/set-up';

const FAIRNESS_CREATE_ENDPOINT = graphql(`
  mutation FairnessCreateEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { webhookEndpoint { id } }
  }
`);

const TIMEOUT_MS = 4_000;
const SILENT_ENDPOINTS = 16;
const SILENT_EVENTS = 6;

describe('webhook fairness between owners', () => {
  let server: TestServer;
  // One receiver per endpoint: attempts to one host and port share its connection pool (4 sockets).
  let silent: WebhookReceiver[] = [];
  let quick: WebhookReceiver;
  beforeAll(async () => {
    server = await startTestServer({
      dispatchWebhooks: true,
      env: { WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS), WEBHOOK_RETRY_BASE_SECONDS: '600' },
    });
    silent = await Promise.all(Array.from({ length: SILENT_ENDPOINTS }, () => WebhookReceiver.start()));
    quick = await WebhookReceiver.start();
    for (const receiver of silent) receiver.answer = () => 'hang';
  });
  afterAll(async () => {
    await Promise.all([...silent.map((r) => r.close()), ifSetUp(quick)?.close()]);
    await ifSetUp(server)?.stop();
  });

  const endpoint = async (tenant: FreshTenant, url: string) =>
    ok(await server.gql(FAIRNESS_CREATE_ENDPOINT, { input: { url, eventTypes: ['subscription.purchased'] } }, tenant.tokens.global));
  const purchase = async (tenant: FreshTenant) => {
    const kit = kitFor(server);
    const offer = await kit.createOffer();
    return kit.purchase(tenant.tokens.billing, { tenantId: tenant.id, offerId: offer.id, quantity: 1 });
  };

  it(`delivers another owner's event within one attempt's timeout while one owner's ${SILENT_ENDPOINTS} endpoints hang`, async () => {
    const noisy = await kitFor(server).createTenant('Silent Receivers Ltd');
    const patient = await kitFor(server).createTenant('Quick Receiver Ltd');
    for (const receiver of silent) await endpoint(noisy, receiver.url);
    await endpoint(patient, quick.url);
    // 6 events × 16 endpoints: 96 attempts due at once, every one of which hangs until its timeout.
    for (let i = 0; i < SILENT_EVENTS; i++) await purchase(noisy);
    const hanging = () => silent.reduce((sum, r) => sum + r.inFlight, 0);
    await eventually('the silent owner’s attempts to be hanging', () => hanging() >= MAX_IN_FLIGHT_PER_OWNER);
    const firstHang = Math.min(...silent.flatMap((r) => r.received.map((request) => request.at)));

    const committed = Date.now();
    await purchase(patient);
    const [arrived] = await eventually(
      'the other owner’s delivery',
      () => quick.received.length > 0 && quick.received,
      3 * SILENT_EVENTS * TIMEOUT_MS,
    );

    // Within one attempt's time of its commit, and before the first hanging attempt even timed out.
    expect({
      waitedMs: arrived.at - committed,
      withinTimeout: arrived.at - committed < TIMEOUT_MS,
      beforeFirstTimeout: arrived.at < firstHang + TIMEOUT_MS,
    }).toEqual({
      waitedMs: expect.any(Number),
      withinTimeout: true,
      beforeFirstTimeout: true,
    });
    // The silent owner kept its share of the slots, and no more.
    expect(hanging()).toBe(MAX_IN_FLIGHT_PER_OWNER);
  });
});
