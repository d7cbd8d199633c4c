/**
 * SPEC §6 and §8: the term events reach integrators as every other event does. A reseller's webhook endpoint
 * (its PARTNER_ADMIN_AGENT registered it) receives, signed with its secret, the events of its customer's
 * subscriptions: the four term mutations' (`setAutoRenew`, `scheduleRenewalChange`, `clearRenewalChange`,
 * `cancelSubscription`) and the renewal sweep's as `advanceTestClock` drives domain time into the notice
 * window (`subscription.termEnding`) and past term ends (`subscription.renewed`, one per term, also when one
 * move crosses two; `subscription.expired` without auto-renewal). Bodies carry the subscription under the API's
 * field names, never the internal columns. A live subscriber of the customer sees the sweep's events too.
 *
 * One server, one timeline: the tests run in order and move domain time forward.
 */
import { createHmac } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { addMonthsClamped } from '../src/domain/terms';
import { ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type SubscriptionView, type World } from './support/world';
import { eventually, WebhookReceiver, type ReceivedWebhook } from './support/webhook-receiver';
import { collect, liveClient, untilLive, type Collected, type LiveResult } from './support/live';
import { AUTHORIZE_OFFER } from './graphql/shared-definitions';
import { graphql } from './graphql/generated';
import type { TermEventsLiveSubscription, TermEventsSubscriptionQuery } from './graphql/generated/graphql';
import { loadSdk } from './fixtures/sdk/ensure-built';
import { ifSetUp } from './support/set-up';

const { verifyWebhook } = loadSdk();

const TERM_EVENTS_CREATE_ENDPOINT = graphql(`
  mutation TermEventsCreateEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { webhookEndpoint { id } secret }
  }
`);
const TERM_EVENTS_ADVANCE = graphql(`
  mutation TermEventsAdvance($input: AdvanceTestClockInput!) {
    advanceTestClock(input: $input) { testClock { now offsetSeconds } }
  }
`);
const TERM_EVENTS_SUBSCRIPTION = graphql(`
  query TermEventsSubscription($id: ID!) {
    subscription(id: $id) {
      id status quantity version createdAt autoRenew termStartsAt termEndsAt cancelledAt expiredAt
      scheduledChange { quantity termDuration billingCycle }
    }
  }
`);
const TERM_EVENTS_SET_AUTO_RENEW = graphql(`
  mutation TermEventsSetAutoRenew($input: SetAutoRenewInput!) {
    setAutoRenew(input: $input) { subscription { id autoRenew version } }
  }
`);
const TERM_EVENTS_SCHEDULE = graphql(`
  mutation TermEventsSchedule($input: ScheduleRenewalChangeInput!) {
    scheduleRenewalChange(input: $input) { subscription { id version scheduledChange { quantity termDuration billingCycle } } }
  }
`);
const TERM_EVENTS_CLEAR = graphql(`
  mutation TermEventsClear($input: ClearRenewalChangeInput!) {
    clearRenewalChange(input: $input) { subscription { id version scheduledChange { quantity } } }
  }
`);
const TERM_EVENTS_CANCEL = graphql(`
  mutation TermEventsCancel($input: CancelSubscriptionInput!) {
    cancelSubscription(input: $input) { subscription { id status cancelledAt expiredAt termEndsAt autoRenew scheduledChange { quantity } } }
  }
`);
const TERM_EVENTS_LIVE = graphql(`
  subscription TermEventsLive($tenantId: ID, $types: [String!]) {
    events(tenantId: $tenantId, types: $types) { id action tenantId targetId at before after }
  }
`);

const TERM_TYPES = [
  'subscription.termEnding',
  'subscription.renewed',
  'subscription.expired',
  'subscription.cancelled',
  'subscription.autoRenewChanged',
  'subscription.renewalChangeScheduled',
  'subscription.renewalChangeCleared',
];
const INTERNAL_COLUMNS = ['termMonths', 'licenceBlocks', 'termNoticePending', 'liveKey'];
const API_TERM_FIELDS = ['termStartsAt', 'termEndsAt', 'autoRenew', 'scheduledChange'];
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A delivery body (SPEC §6). */
/** A subscription as an event carries it, before or after the change: the fields these specs read, among the others. */
interface SubscriptionSnapshot {
  version: number;
  status: string;
  autoRenew: boolean;
  scheduledChange: unknown;
  termStartsAt: string | null;
  termEndsAt: string | null;
  cancelledAt: string | null;
  expiredAt: string | null;
  [field: string]: unknown;
}

interface Delivered {
  id: string;
  type: string;
  createdAt: string;
  tenantId: string | null;
  actor: { tenantId: string | null; partnerId: string | null };
  target: { type: string; id: string };
  data: { before: SubscriptionSnapshot | null; after: SubscriptionSnapshot | null };
}

/** Is one of the header's v1 values the HMAC-SHA256 of "<t>.<raw body>" under `secret`, computed here with node:crypto? */
function signedBy(request: ReceivedWebhook, secret: string): boolean {
  const parts = request.signature.split(',');
  const t = parts.find((p) => p.startsWith('t='))!.slice(2);
  return parts.includes(`v1=${createHmac('sha256', secret).update(`${t}.${request.rawBody}`).digest('hex')}`);
}

describe('term events: webhooks and live updates (SPEC §6, §8)', () => {
  let server: TestServer;
  let world: World;
  let receiver: WebhookReceiver;
  let secret: string;
  let live: Collected<TermEventsLiveSubscription>;
  let liveConnection: Client;
  /** The customer's three subscriptions, all bought by the reseller at domain time zero. */
  let renewing: SubscriptionView;
  let cancelled: SubscriptionView;
  let expiring: SubscriptionView;

  const platform = () => world.tokens.platform;
  const reseller = () => world.tokens.resellerAdmin;
  const read = async (id: string): Promise<TermEventsSubscriptionQuery['subscription']> =>
    ok(await server.gql(TERM_EVENTS_SUBSCRIPTION, { id }, platform())).subscription;
  const advanceTo = async (to: Date) => {
    const { testClock } = ok(await server.gql(TERM_EVENTS_ADVANCE, { input: { to: to.toISOString() } }, platform())).advanceTestClock;
    expect(Date.parse(testClock.now)).toBeGreaterThanOrEqual(to.getTime());
  };

  /** Each event delivered, once per event id (delivery is at least once), with its first request. */
  const deliveredEvents = (): { request: ReceivedWebhook; body: Delivered }[] => {
    const seen = new Map<string, ReceivedWebhook>();
    for (const request of receiver.received) if (!seen.has(request.eventId)) seen.set(request.eventId, request);
    return [...seen.values()].map((request) => ({ request, body: JSON.parse(request.rawBody) as Delivered }));
  };
  const delivered = (type: string, subscriptionId: string) =>
    deliveredEvents().filter((e) => e.body.type === type && e.body.target.id === subscriptionId);
  /** Waits until `count` events of `type` on the subscription have been delivered, and answers them in order of their term. */
  const untilDelivered = async (type: string, subscriptionId: string, count = 1) => {
    await eventually(`${count} × ${type} for ${subscriptionId} at the receiver`, () => delivered(type, subscriptionId).length >= count);
    return delivered(type, subscriptionId).sort((a, b) =>
      String(a.body.data.before?.termEndsAt).localeCompare(String(b.body.data.before?.termEndsAt)),
    );
  };
  const liveEvents = (results: LiveResult<TermEventsLiveSubscription>[]) => results.flatMap((r) => (r.data ? [r.data.events] : []));

  beforeAll(async () => {
    server = await startTestServer({ dispatchWebhooks: true });
    world = await buildWorld(server);
    receiver = await WebhookReceiver.start();
    ok(await server.gql(AUTHORIZE_OFFER, { input: { partnerId: world.partners.reseller, offerId: world.offers.e5.id } }, platform()));
    // The reseller's own endpoint, registered through the API by its admin agent, for the term events only.
    const created = ok(
      await server.gql(
        TERM_EVENTS_CREATE_ENDPOINT,
        { input: { url: receiver.url, eventTypes: TERM_TYPES, description: 'terms' } },
        reseller(),
      ),
    ).createWebhookEndpoint;
    secret = created.secret;
    // The customer's global admin follows its tenant live.
    liveConnection = liveClient(server.url, world.tokens.customerGlobal);
    live = collect<TermEventsLiveSubscription>(liveConnection, String(TERM_EVENTS_LIVE), {
      tenantId: world.tenants.customer,
      types: TERM_TYPES,
    });
    await untilLive(server, 1);

    const kit = kitFor(server);
    const buy = (offerId: string, quantity: number) => kit.purchase(reseller(), { tenantId: world.tenants.customer, offerId, quantity });
    renewing = await buy(world.offers.basic.id, 3);
    cancelled = await buy(world.offers.premium.id, 5);
    expiring = await buy(world.offers.e5.id, 2);
  });
  afterAll(async () => {
    ifSetUp(live)?.stop();
    await ifSetUp(liveConnection)?.dispose();
    await ifSetUp(server)?.stop();
    await ifSetUp(receiver)?.close();
  });

  /** What every delivery of the run must be: signed with the endpoint's secret, on the wall clock, the API's fields only. */
  const expectWellFormed = ({ request, body }: { request: ReceivedWebhook; body: Delivered }) => {
    expect(signedBy(request, secret)).toBe(true);
    // The SDK's check also refuses a timestamp more than 5 minutes from the wall clock: signatures keep wall-clock time.
    expect(verifyWebhook(request.rawBody, request.signature, [secret]).id).toBe(request.eventId);
    expect(request.eventType).toBe(body.type);
    expect(body.id).toBe(request.eventId);
    expect(body.tenantId).toBe(world.tenants.customer);
    expect(body.target.type).toBe('Subscription');
    for (const side of [body.data.before, body.data.after]) {
      expect(side).not.toBeNull();
      for (const field of API_TERM_FIELDS)
        expect({ type: body.type, field, present: field in side! }).toEqual({ type: body.type, field, present: true });
      for (const column of INTERNAL_COLUMNS)
        expect({ type: body.type, column, present: column in side! }).toEqual({ type: body.type, column, present: false });
    }
  };

  it('delivers the term mutations: autoRenewChanged, renewalChangeScheduled, renewalChangeCleared, cancelled', async () => {
    const set = async (id: string, autoRenew: boolean) =>
      ok(await server.gql(TERM_EVENTS_SET_AUTO_RENEW, { input: { subscriptionId: id, autoRenew } }, reseller())).setAutoRenew.subscription;
    const schedule = async (id: string, quantity: number) =>
      ok(await server.gql(TERM_EVENTS_SCHEDULE, { input: { subscriptionId: id, quantity } }, reseller())).scheduleRenewalChange
        .subscription;
    const clear = async (id: string) =>
      ok(await server.gql(TERM_EVENTS_CLEAR, { input: { subscriptionId: id } }, reseller())).clearRenewalChange.subscription;

    expect((await set(renewing.id, false)).autoRenew).toBe(false);
    expect((await set(renewing.id, true)).autoRenew).toBe(true);
    expect((await schedule(renewing.id, 4)).scheduledChange).toEqual({ quantity: 4, termDuration: null, billingCycle: null });
    expect((await clear(renewing.id)).scheduledChange).toBeNull();
    // Scheduled again: the first renewal applies it.
    await schedule(renewing.id, 6);
    // Without auto-renewal, this one ends with its first term.
    expect((await set(expiring.id, false)).autoRenew).toBe(false);
    // Inside its cancellation window, with a change scheduled that the cancellation clears.
    await schedule(cancelled.id, 7);
    const ended = ok(await server.gql(TERM_EVENTS_CANCEL, { input: { subscriptionId: cancelled.id } }, reseller())).cancelSubscription
      .subscription;
    expect(ended).toMatchObject({ status: 'EXPIRED', autoRenew: false, scheduledChange: null });

    const [off, on] = (await untilDelivered('subscription.autoRenewChanged', renewing.id, 2)).sort(
      (a, b) => a.body.data.after!.version - b.body.data.after!.version,
    );
    expect([
      off.body.data.before!.autoRenew,
      off.body.data.after!.autoRenew,
      on.body.data.before!.autoRenew,
      on.body.data.after!.autoRenew,
    ]).toEqual([true, false, false, true]);
    const scheduled = (await untilDelivered('subscription.renewalChangeScheduled', renewing.id, 2)).sort(
      (a, b) => a.body.data.after!.version - b.body.data.after!.version,
    );
    expect(scheduled.map((e) => [e.body.data.before!.scheduledChange, e.body.data.after!.scheduledChange])).toEqual([
      [null, { quantity: 4, termDuration: null, billingCycle: null }],
      [null, { quantity: 6, termDuration: null, billingCycle: null }],
    ]);
    const [cleared] = await untilDelivered('subscription.renewalChangeCleared', renewing.id);
    expect([cleared.body.data.before!.scheduledChange, cleared.body.data.after!.scheduledChange]).toEqual([
      { quantity: 4, termDuration: null, billingCycle: null },
      null,
    ]);
    const [expiringOff] = await untilDelivered('subscription.autoRenewChanged', expiring.id);
    expect(expiringOff.body.data.after!.autoRenew).toBe(false);

    const [cancellation] = await untilDelivered('subscription.cancelled', cancelled.id);
    expect(cancellation.body.data.before).toMatchObject({
      status: 'ACTIVE',
      autoRenew: true,
      scheduledChange: { quantity: 7 },
      cancelledAt: null,
      expiredAt: null,
    });
    expect(cancellation.body.data.after).toMatchObject({ status: 'EXPIRED', autoRenew: false, scheduledChange: null });
    const after = cancellation.body.data.after!;
    expect(after.cancelledAt).toBe(ended.cancelledAt);
    expect(after.expiredAt).toBe(ended.expiredAt);
    expect(after.termEndsAt).toBe(after.cancelledAt);
    // By the reseller's admin agent, for its customer.
    expect(cancellation.body.actor).toEqual({ tenantId: null, partnerId: world.partners.reseller });

    for (const event of deliveredEvents()) expectWellFormed(event);
  });

  it('into the notice window: one subscription.termEnding per live subscription, with or without auto-renewal, and none for the cancelled one', async () => {
    const current = await read(renewing.id);
    const endsAt = new Date(current.termEndsAt);
    expect(endsAt.toISOString()).toBe(addMonthsClamped(new Date(renewing.createdAt), 1).toISOString());
    await advanceTo(new Date(endsAt.getTime() - 3 * DAY_MS));

    const [notice] = await untilDelivered('subscription.termEnding', renewing.id);
    const [expiringNotice] = await untilDelivered('subscription.termEnding', expiring.id);
    for (const event of [notice, expiringNotice]) {
      expectWellFormed(event);
      // The sweep's: its actor is the platform, at domain time.
      expect(event.body.actor).toEqual({ tenantId: null, partnerId: null });
      expect(Date.parse(event.body.createdAt)).toBeGreaterThanOrEqual(endsAt.getTime() - 3 * DAY_MS);
      expect(Date.parse(event.body.createdAt)).toBeLessThan(endsAt.getTime());
    }
    expect(notice.body.data.after).toMatchObject({
      status: 'ACTIVE',
      autoRenew: true,
      termEndsAt: endsAt.toISOString(),
      scheduledChange: { quantity: 6 },
    });
    expect(expiringNotice.body.data.after).toMatchObject({ status: 'ACTIVE', autoRenew: false });

    // Live: the customer's admin sees the notice.
    await live.until(
      (results) => liveEvents(results).some((e) => e.action === 'subscription.termEnding' && e.targetId === renewing.id),
      10_000,
    );
    // Nothing about a term is renewed or expired yet, and the cancelled subscription gets no notice.
    expect(delivered('subscription.renewed', renewing.id)).toEqual([]);
    expect(delivered('subscription.expired', expiring.id)).toEqual([]);
    expect(delivered('subscription.termEnding', cancelled.id)).toEqual([]);
  });

  it('past the term end: subscription.renewed with the scheduled change applied, and subscription.expired without auto-renewal', async () => {
    const before = await read(renewing.id);
    const endsAt = new Date(before.termEndsAt);
    await advanceTo(new Date(endsAt.getTime() + HOUR_MS));

    const [renewal] = await untilDelivered('subscription.renewed', renewing.id);
    expectWellFormed(renewal);
    expect(renewal.body.actor).toEqual({ tenantId: null, partnerId: null });
    expect(renewal.body.data.before).toMatchObject({
      status: 'ACTIVE',
      quantity: 3,
      autoRenew: true,
      termStartsAt: renewing.createdAt,
      termEndsAt: endsAt.toISOString(),
      scheduledChange: { quantity: 6 },
    });
    expect(renewal.body.data.after).toMatchObject({
      status: 'ACTIVE',
      quantity: 6,
      autoRenew: true,
      // As of the term's end, not as of when the sweep ran.
      termStartsAt: endsAt.toISOString(),
      termEndsAt: addMonthsClamped(new Date(renewing.createdAt), 2).toISOString(),
      scheduledChange: null,
    });
    expect(renewal.body.data.after!.version).toBe(renewal.body.data.before!.version + 1);

    const [expiry] = await untilDelivered('subscription.expired', expiring.id);
    expectWellFormed(expiry);
    expect(expiry.body.actor).toEqual({ tenantId: null, partnerId: null });
    expect(expiry.body.data.before).toMatchObject({ status: 'ACTIVE', autoRenew: false });
    expect(expiry.body.data.after).toMatchObject({ status: 'EXPIRED', expiredAt: expiry.body.data.before!.termEndsAt });

    // Live: the customer's admin sees the renewal.
    await live.until(
      (results) => liveEvents(results).some((e) => e.action === 'subscription.renewed' && e.targetId === renewing.id),
      10_000,
    );
    expect(await read(renewing.id)).toMatchObject({
      status: 'ACTIVE',
      quantity: 6,
      termStartsAt: endsAt.toISOString(),
      scheduledChange: null,
    });
    expect((await read(expiring.id)).status).toBe('EXPIRED');
  });

  it('one move across two term ends: one subscription.renewed per term, in order, and no notice for a term that already ended', async () => {
    const purchasedAt = new Date(renewing.createdAt);
    await advanceTo(new Date(addMonthsClamped(purchasedAt, 3).getTime() + HOUR_MS));

    const renewals = await untilDelivered('subscription.renewed', renewing.id, 3);
    expect(renewals).toHaveLength(3);
    renewals.forEach((renewal, n) => {
      expectWellFormed(renewal);
      expect([renewal.body.data.before!.termEndsAt, renewal.body.data.after!.termStartsAt, renewal.body.data.after!.termEndsAt]).toEqual([
        addMonthsClamped(purchasedAt, n + 1).toISOString(),
        addMonthsClamped(purchasedAt, n + 1).toISOString(),
        addMonthsClamped(purchasedAt, n + 2).toISOString(),
      ]);
      if (n > 0) expect(renewal.body.data.before).toEqual(renewals[n - 1].body.data.after);
    });
    expect(await read(renewing.id)).toMatchObject({
      status: 'ACTIVE',
      termStartsAt: addMonthsClamped(purchasedAt, 3).toISOString(),
      termEndsAt: addMonthsClamped(purchasedAt, 4).toISOString(),
    });

    // Two polls and more for anything late: still one notice (the first term's), one expiry, nothing more for the cancelled one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(delivered('subscription.termEnding', renewing.id)).toHaveLength(1);
    expect(delivered('subscription.renewed', renewing.id)).toHaveLength(3);
    expect(delivered('subscription.termEnding', expiring.id)).toHaveLength(1);
    expect(delivered('subscription.expired', expiring.id)).toHaveLength(1);
    expect(
      deliveredEvents()
        .filter((e) => e.body.target.id === cancelled.id)
        .map((e) => e.body.type)
        .sort(),
    ).toEqual(['subscription.cancelled', 'subscription.renewalChangeScheduled']);
    for (const event of deliveredEvents()) expect(TERM_TYPES).toContain(event.body.type);

    // Live saw each of the sweep's events once, as the endpoint did.
    await live.until((results) => liveEvents(results).filter((e) => e.action === 'subscription.renewed').length >= 3, 10_000);
    const seen = liveEvents(live.results);
    expect(
      seen
        .filter((e) => e.action === 'subscription.renewed' && e.targetId === renewing.id)
        .map((e) => e.id)
        .sort(),
    ).toEqual(renewals.map((r) => r.body.id).sort());
    expect(
      seen
        .filter((e) => e.action === 'subscription.termEnding')
        .map((e) => e.targetId)
        .sort(),
    ).toEqual([renewing.id, expiring.id].sort());
  });
});
