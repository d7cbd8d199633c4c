/**
 * A year in specs (SPEC §8): domain time moved with advanceTestClock by a platform admin, purchases on
 * 2027-01-31 and 2028-02-29, and subscriptions that live through their terms — anchored ends, renewals with
 * scheduled changes, notices, expiry, retention and deletion, the cancellation and decrease windows, quotes.
 *
 * The tests run in order on one server whose domain time only moves forward:
 * 2027-01-31T10:00 → 11:00 → 02-07T10:30 → 02-25 → 02-27 → just past 02-28, 03-31, 04-30 → 06-01 →
 * 2028-02-29T10:00 → just past 2029-02-28 (twelve monthly terms at once), 2030-02-28, (2031-02-24, 02-26) 2031-02-28, 2032-02-29.
 *
 * A purchase happens a few milliseconds after the clock stops (domain time runs on with the wall clock), so each
 * subscription's ends are checked exactly as the anchored date plus that subscription's own offset `δ`.
 */
import { addMonthsClamped } from '../src/domain/terms';
import { codeOf, ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type FreshTenant, type Kit, type World } from './support/world';
import {
  CANCEL_SUBSCRIPTION,
  CHANGE_TERM_QUANTITY,
  CREATE_TERM_OFFER,
  DOMAIN_TIME,
  GET_TERM,
  MOVE_DOMAIN_TIME,
  PURCHASE_TERM,
  QUOTE_TERM,
  SCHEDULE_RENEWAL_CHANGE,
  SET_AUTO_RENEW,
} from './graphql/term-definitions';
import { GET_SUBSCRIPTION } from './graphql/shared-definitions';
import type { CreateOfferInput, PurchaseSubscriptionInput, QuoteSubscriptionInput, TermViewFragment } from './graphql/generated/graphql';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WINDOW_MS = 168 * HOUR_MS;

/** `iso` plus `ms`, as the API writes instants. */
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('a year in specs: terms lived through with the test clock', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  let platform: string;
  let one: FreshTenant;
  let two: FreshTenant;
  let three: FreshTenant;
  /** P1M/MONTHLY first, then P1Y/ANNUAL and P1Y/MONTHLY; 2–100 licences. */
  let monthlyOffer: { id: string };
  /** P1Y/ANNUAL first, P1Y/MONTHLY, P3Y/TRIENNIAL, P3Y/MONTHLY; 1–50 licences. */
  let yearlyOffer: { id: string };
  /** No terms given: the one term P1M/MONTHLY. */
  let plainOffer: { id: string };

  /** The subscriptions lived with, and each one's purchase offset δ from the instant the clock stopped at. */
  const subs: Record<string, TermViewFragment> = {};
  const delta: Record<string, number> = {};

  const advance = async (to: string) => {
    const { testClock } = ok(await server.gql(MOVE_DOMAIN_TIME, { input: { to } }, platform)).advanceTestClock;
    expect(Date.parse(testClock.now)).toBeGreaterThanOrEqual(Date.parse(to));
    return testClock;
  };
  const domainNow = async () => ok(await server.gql(DOMAIN_TIME, undefined, platform)).testClock.now;
  const read = async (name: string, token = platform) =>
    (subs[name] = ok(await server.gql(GET_TERM, { id: subs[name].id }, token)).subscription);
  const readAs = async (name: string, token: string) => ok(await server.gql(GET_TERM, { id: subs[name].id }, token)).subscription;
  /** Buys at the instant the clock stopped at, and records the subscription's δ from it. */
  const buy = async (name: string, token: string, input: PurchaseSubscriptionInput, stoppedAt: string) => {
    const bought = ok(await server.gql(PURCHASE_TERM, { input }, token)).purchaseSubscription.subscription;
    delta[name] = Date.parse(bought.createdAt) - Date.parse(stoppedAt);
    expect(delta[name]).toBeGreaterThanOrEqual(0);
    expect(delta[name]).toBeLessThan(30_000);
    return (subs[name] = bought);
  };
  /** An anchored instant of `name`: the calendar date and time of day given, plus the subscription's δ. */
  const at = (name: string, iso: string) => plus(iso, delta[name]);
  /** The subscription's audit events, as auditEvents(tenantId) lists them. */
  const eventsOf = async (name: string) => (await kit.auditEvents(subs[name].tenant.id)).filter((e) => e.targetId === subs[name].id);
  /** How many events of `action` the subscription has. */
  const count = async (name: string, action: string) => (await eventsOf(name)).filter((e) => e.action === action).length;
  const counts = async (name: string) => {
    const events = await eventsOf(name);
    const of = (action: string) => events.filter((e) => e.action === action).length;
    return { renewed: of('subscription.renewed'), termEnding: of('subscription.termEnding'), expired: of('subscription.expired') };
  };
  const setQuantity = async (name: string, quantity: number, token: string) =>
    (subs[name] = ok(
      await server.gql(CHANGE_TERM_QUANTITY, { input: { subscriptionId: subs[name].id, quantity } }, token),
    ).changeLicenseQuantity.subscription);
  const offer = async (range: { min: number; max: number; cents: number }, terms?: CreateOfferInput['terms']) => {
    const sku = `TERMS-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    const input = {
      sku,
      name: `Terms ${sku}`,
      minQuantity: range.min,
      maxQuantity: range.max,
      unitPriceCents: range.cents,
      currency: 'USD',
      terms,
    };
    return ok(await server.gql(CREATE_TERM_OFFER, { input }, platform)).createOffer.offer;
  };

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
    platform = world.tokens.platform;
    one = await kit.createTenant('Year One');
    two = await kit.createTenant('Year Two');
    three = await kit.createTenant('Year Three');
    monthlyOffer = await offer({ min: 2, max: 100, cents: 1000 }, [
      { termDuration: 'P1M', billingCycle: 'MONTHLY', unitPriceCents: 1000 },
      { termDuration: 'P1Y', billingCycle: 'ANNUAL', unitPriceCents: 11_000 },
      { termDuration: 'P1Y', billingCycle: 'MONTHLY', unitPriceCents: 950 },
    ]);
    yearlyOffer = await offer({ min: 1, max: 50, cents: 12_006 }, [
      { termDuration: 'P1Y', billingCycle: 'ANNUAL', unitPriceCents: 12_006 },
      { termDuration: 'P1Y', billingCycle: 'MONTHLY', unitPriceCents: 1_100 },
      { termDuration: 'P3Y', billingCycle: 'TRIENNIAL', unitPriceCents: 30_000 },
      { termDuration: 'P3Y', billingCycle: 'MONTHLY', unitPriceCents: 999 },
    ]);
    plainOffer = await offer({ min: 1, max: 10, cents: 500 });
  });
  afterAll(() => server.stop());

  it('2027-01-31T10:00Z: buys a monthly, a lapsing monthly and a yearly-billed-monthly subscription, each term anchored to its purchase', async () => {
    const T0 = '2027-01-31T10:00:00.000Z';
    await advance(T0);
    const month = await buy('month', one.tokens.global, { tenantId: one.id, offerId: monthlyOffer.id, quantity: 10 }, T0);
    const lapsing = await buy(
      'lapsing',
      one.tokens.billing,
      { tenantId: one.id, offerId: plainOffer.id, quantity: 3, autoRenew: false, partnerId: world.partners.advisor },
      T0,
    );
    const cancelled = await buy(
      'cancelled',
      three.tokens.global,
      { tenantId: three.id, offerId: yearlyOffer.id, quantity: 2, termDuration: 'P1Y', billingCycle: 'MONTHLY' },
      T0,
    );

    expect(month).toMatchObject({
      status: 'ACTIVE',
      termDuration: 'P1M',
      billingCycle: 'MONTHLY',
      autoRenew: true,
      termStartsAt: month.createdAt,
      termEndsAt: at('month', '2027-02-28T10:00:00.000Z'),
      cancellationAllowedUntil: plus(month.createdAt, WINDOW_MS),
      // Every licence may still be removed: the floor is the offer's minimum, not 0.
      quantityFloor: 2,
      scheduledChange: null,
      cancelledAt: null,
      expiredAt: null,
      viewerCanCancel: true,
    });
    expect(lapsing).toMatchObject({
      termDuration: 'P1M',
      billingCycle: 'MONTHLY',
      autoRenew: false,
      termEndsAt: at('lapsing', '2027-02-28T10:00:00.000Z'),
      quantityFloor: 1,
      partnerOfRecord: { id: world.partners.advisor },
    });
    expect(cancelled).toMatchObject({
      termDuration: 'P1Y',
      billingCycle: 'MONTHLY',
      termStartsAt: cancelled.createdAt,
      termEndsAt: at('cancelled', '2028-01-31T10:00:00.000Z'),
    });
    // A reader never may cancel; a manager may while the window is open.
    expect(await readAs('month', one.tokens.reader)).toMatchObject({ viewerCanCancel: false, viewerCanManage: false });
    expect(await readAs('cancelled', three.tokens.billing)).toMatchObject({ viewerCanCancel: true });
  });

  it('quotes the chosen term: default choice, unit and period prices, the term total, the monthly figure rounded half up, the anchored term', async () => {
    const quote = async (input: Omit<QuoteSubscriptionInput, 'tenantId'>) =>
      ok(await server.gql(QUOTE_TERM, { input: { tenantId: two.id, ...input } }, two.tokens.global)).quoteSubscription;
    // No term given: the first listed pair. 12,006 ÷ 12 = 1,000.5 → 1,001.
    const first = await quote({ offerId: yearlyOffer.id, quantity: 1 });
    expect(first).toMatchObject({
      termDuration: 'P1Y',
      billingCycle: 'ANNUAL',
      autoRenew: true,
      unitPriceCents: 12_006,
      pricePerBillingPeriodCents: 12_006,
      termTotalCents: 12_006,
      monthlyTotalCents: 1_001,
      currency: 'USD',
      channel: 'DIRECT',
      quantity: 1,
    });
    expect(first.termStartsAt.startsWith('2027-01-31T10:0')).toBe(true);
    expect(first.termEndsAt).toBe(addMonthsClamped(new Date(first.termStartsAt), 12).toISOString());
    expect(first.termEndsAt.startsWith('2028-01-31T10:0')).toBe(true);
    // Only a cycle: the first listed pair with that cycle.
    expect(await quote({ offerId: yearlyOffer.id, quantity: 3, billingCycle: 'MONTHLY', autoRenew: false })).toMatchObject({
      termDuration: 'P1Y',
      billingCycle: 'MONTHLY',
      autoRenew: false,
      unitPriceCents: 1_100,
      pricePerBillingPeriodCents: 3_300,
      termTotalCents: 39_600,
      monthlyTotalCents: 3_300,
    });
    // Only a term: its first listed cycle. 30,000 ÷ 36 = 833.33… → 833.
    const triennial = await quote({ offerId: yearlyOffer.id, quantity: 1, termDuration: 'P3Y' });
    expect(triennial).toMatchObject({
      termDuration: 'P3Y',
      billingCycle: 'TRIENNIAL',
      unitPriceCents: 30_000,
      pricePerBillingPeriodCents: 30_000,
      termTotalCents: 30_000,
      monthlyTotalCents: 833,
    });
    expect(triennial.termEndsAt).toBe(addMonthsClamped(new Date(triennial.termStartsAt), 36).toISOString());
    expect(await quote({ offerId: yearlyOffer.id, quantity: 2, termDuration: 'P3Y', billingCycle: 'MONTHLY' })).toMatchObject({
      unitPriceCents: 999,
      pricePerBillingPeriodCents: 1_998,
      termTotalCents: 71_928,
      monthlyTotalCents: 1_998,
    });
    // 5 × 12,006 = 60,030 a year: 5,002.5 a month → 5,003.
    expect(await quote({ offerId: yearlyOffer.id, quantity: 5 })).toMatchObject({ termTotalCents: 60_030, monthlyTotalCents: 5_003 });
    const monthly = await quote({ offerId: monthlyOffer.id, quantity: 7 });
    expect(monthly).toMatchObject({
      termDuration: 'P1M',
      billingCycle: 'MONTHLY',
      unitPriceCents: 1000,
      pricePerBillingPeriodCents: 7000,
      termTotalCents: 7000,
      monthlyTotalCents: 7000,
    });
    expect(monthly.termEndsAt).toBe(addMonthsClamped(new Date(monthly.termStartsAt), 1).toISOString());
    expect(monthly.termEndsAt.startsWith('2027-02-28T10:0')).toBe(true);
  });

  it('11:00: cancels inside the window — EXPIRED at once, the term ending now, and the offer free to buy again', async () => {
    await advance('2027-01-31T11:00:00.000Z');
    const before = await domainNow();
    const gone = ok(
      await server.gql(
        CANCEL_SUBSCRIPTION,
        { input: { subscriptionId: subs.cancelled.id, expectedVersion: subs.cancelled.version } },
        three.tokens.billing,
      ),
    ).cancelSubscription.subscription;
    const after = await domainNow();
    expect(gone).toMatchObject({
      status: 'EXPIRED',
      autoRenew: false,
      scheduledChange: null,
      viewerCanCancel: false,
      version: subs.cancelled.version + 1,
    });
    expect(gone.cancelledAt! >= before && gone.cancelledAt! <= after).toBe(true);
    expect(gone.termEndsAt).toBe(gone.cancelledAt);
    expect(gone.expiredAt).toBe(gone.cancelledAt);
    expect(gone.dataRetentionEndsAt).toBe(plus(gone.cancelledAt!, 90 * DAY_MS));
    subs.cancelled = gone;
    expect(await count('cancelled', 'subscription.cancelled')).toBe(1);
    const again = ok(
      await server.gql(
        PURCHASE_TERM,
        { input: { tenantId: three.id, offerId: yearlyOffer.id, quantity: 1, autoRenew: false } },
        three.tokens.global,
      ),
    ).purchaseSubscription.subscription;
    expect(again).toMatchObject({ status: 'ACTIVE', termDuration: 'P1Y', billingCycle: 'ANNUAL' });
    expect(again.id).not.toBe(gone.id);
  });

  it('licence blocks: a decrease within 168 h of the licences being added works, the most recent go first, and the floor rises as windows close', async () => {
    // 11:00: +5 then −3; the 3 come out of the 5 just added.
    expect(await setQuantity('month', 15, one.tokens.billing)).toMatchObject({ quantity: 15, quantityFloor: 2 });
    expect(await setQuantity('month', 12, one.tokens.billing)).toMatchObject({ quantity: 12, quantityFloor: 2 });

    // The purchase's block is out of its window, the increase's 2 are still in it (it closes at 02-07T11:00).
    await advance('2027-02-07T10:30:00.000Z');
    expect(await read('month', one.tokens.global)).toMatchObject({ quantity: 12, quantityFloor: 10, viewerCanCancel: false });
    // An increase after the first window: its block may be removed within its own 168 h.
    expect(await setQuantity('month', 16, one.tokens.billing)).toMatchObject({ quantity: 16, quantityFloor: 10 });
    expect(await setQuantity('month', 13, one.tokens.billing)).toMatchObject({ quantity: 13, quantityFloor: 10 });
  });

  it('02-25: writes subscription.termEnding once per term, 7 days ahead, with or without auto-renewal; a change is scheduled for the renewal', async () => {
    await advance('2027-02-25T10:00:00.000Z');
    // Every block's window has closed: the floor is the quantity.
    expect(await read('month')).toMatchObject({ quantity: 13, quantityFloor: 13, viewerCanCancel: false });
    expect(await counts('month')).toEqual({ renewed: 0, termEnding: 1, expired: 0 });
    expect(await counts('lapsing')).toEqual({ renewed: 0, termEnding: 1, expired: 0 });

    const scheduled = ok(
      await server.gql(SCHEDULE_RENEWAL_CHANGE, { input: { subscriptionId: subs.month.id, quantity: 20 } }, one.tokens.billing),
    ).scheduleRenewalChange.subscription;
    expect(scheduled).toMatchObject({ quantity: 13, scheduledChange: { quantity: 20, termDuration: null, billingCycle: null } });

    await advance('2027-02-27T10:00:00.000Z');
    expect(await count('month', 'subscription.termEnding')).toBe(1);
    expect(await count('lapsing', 'subscription.termEnding')).toBe(1);
  });

  it('just past 02-28: renews with the scheduled change applied once; the lapsing one EXPIRES at its term end and frees its offer', async () => {
    await advance('2027-02-28T10:01:00.000Z');
    const month = await read('month', one.tokens.global);
    expect(month).toMatchObject({
      status: 'ACTIVE',
      termDuration: 'P1M',
      termStartsAt: at('month', '2027-02-28T10:00:00.000Z'),
      termEndsAt: at('month', '2027-03-31T10:00:00.000Z'),
      cancellationAllowedUntil: at('month', plus('2027-02-28T10:00:00.000Z', WINDOW_MS)),
      quantity: 20,
      // The whole quantity is a new block: all of it may be removed again.
      quantityFloor: 2,
      scheduledChange: null,
      viewerCanCancel: true,
    });
    expect(await counts('month')).toEqual({ renewed: 1, termEnding: 1, expired: 0 });
    const renewal = (await kit.auditEvents(one.id)).find((e) => e.action === 'subscription.renewed' && e.targetId === month.id)!;
    expect(renewal).toMatchObject({
      actor: { subject: 'system:lifecycle-sweep' },
      before: expect.objectContaining({
        quantity: 13,
        termEndsAt: month.termStartsAt,
        scheduledChange: { quantity: 20, termDuration: null, billingCycle: null },
      }),
      after: expect.objectContaining({
        quantity: 20,
        termStartsAt: month.termStartsAt,
        termEndsAt: month.termEndsAt,
        scheduledChange: null,
        autoRenew: true,
      }),
    });
    expect(renewal.at >= '2027-02-28T10:01:00.000Z').toBe(true);

    const lapsing = await read('lapsing');
    expect(lapsing).toMatchObject({
      status: 'EXPIRED',
      termEndsAt: at('lapsing', '2027-02-28T10:00:00.000Z'),
      expiredAt: at('lapsing', '2027-02-28T10:00:00.000Z'),
      dataRetentionEndsAt: at('lapsing', plus('2027-02-28T10:00:00.000Z', 90 * DAY_MS)),
      cancelledAt: null,
      viewerCanCancel: false,
    });
    expect(await counts('lapsing')).toEqual({ renewed: 0, termEnding: 1, expired: 1 });
    // Its advisor keeps reading it while it is not deleted.
    expect(ok(await server.gql(GET_SUBSCRIPTION, { id: lapsing.id }, world.tokens.advisorAdmin)).subscription).toMatchObject({
      status: 'EXPIRED',
    });
    // The offer is free at once.
    const again = ok(
      await server.gql(
        PURCHASE_TERM,
        { input: { tenantId: one.id, offerId: plainOffer.id, quantity: 1, autoRenew: false } },
        one.tokens.billing,
      ),
    ).purchaseSubscription.subscription;
    expect(again).toMatchObject({ status: 'ACTIVE', channel: 'DIRECT' });
  });

  it('just past 03-31: renews once more (anchored to the 31st, not chained from the 28th); no notice for a term the clock jumped across', async () => {
    await advance('2027-03-31T10:01:00.000Z');
    expect(await read('month')).toMatchObject({
      termStartsAt: at('month', '2027-03-31T10:00:00.000Z'),
      termEndsAt: at('month', '2027-04-30T10:00:00.000Z'),
      quantity: 20,
      scheduledChange: null,
    });
    expect(await counts('month')).toEqual({ renewed: 2, termEnding: 1, expired: 0 });

    // Into a year for the next renewal: alone, the term keeps today's MONTHLY cycle (listed for P1Y, though not first).
    const scheduled = ok(
      await server.gql(SCHEDULE_RENEWAL_CHANGE, { input: { subscriptionId: subs.month.id, termDuration: 'P1Y' } }, one.tokens.billing),
    ).scheduleRenewalChange.subscription;
    expect(scheduled.scheduledChange).toEqual({ quantity: null, termDuration: 'P1Y', billingCycle: 'MONTHLY' });
    // Turning auto-renewal off keeps the scheduled change; on again before the term ends, it applies.
    const off = ok(await server.gql(SET_AUTO_RENEW, { input: { subscriptionId: subs.month.id, autoRenew: false } }, one.tokens.global))
      .setAutoRenew.subscription;
    expect(off).toMatchObject({ autoRenew: false, scheduledChange: { termDuration: 'P1Y', billingCycle: 'MONTHLY' } });
    const on = ok(
      await server.gql(
        SET_AUTO_RENEW,
        { input: { subscriptionId: subs.month.id, autoRenew: true, expectedVersion: off.version } },
        one.tokens.global,
      ),
    ).setAutoRenew.subscription;
    expect(on).toMatchObject({
      autoRenew: true,
      version: off.version + 1,
      scheduledChange: { termDuration: 'P1Y', billingCycle: 'MONTHLY' },
    });
    expect(await count('month', 'subscription.autoRenewChanged')).toBe(2);
    expect(await count('month', 'subscription.renewalChangeScheduled')).toBe(2);
    expect(ok(await server.gql(GET_SUBSCRIPTION, { id: subs.lapsing.id }, world.tokens.advisorAdmin)).subscription.status).toBe('EXPIRED');
  });

  it('just past 04-30: renews from P1M into P1Y — the term ends 15 months after the purchase', async () => {
    await advance('2027-04-30T10:01:00.000Z');
    expect(await read('month')).toMatchObject({
      termDuration: 'P1Y',
      billingCycle: 'MONTHLY',
      termStartsAt: at('month', '2027-04-30T10:00:00.000Z'),
      termEndsAt: at('month', '2028-04-30T10:00:00.000Z'),
      scheduledChange: null,
      quantity: 20,
    });
    expect(await counts('month')).toEqual({ renewed: 3, termEnding: 1, expired: 0 });
    expect((await read('lapsing')).status).toBe('EXPIRED');
    expect((await read('cancelled')).status).toBe('EXPIRED');
  });

  it('06-01: deletes the expired subscriptions once their retention has passed; the advisor loses access then', async () => {
    await advance('2027-06-01T00:00:00.000Z');
    expect(await read('lapsing')).toMatchObject({ status: 'DELETED', viewerCanManage: false, viewerCanCancel: false });
    expect((await read('cancelled')).status).toBe('DELETED');
    expect(await count('lapsing', 'subscription.deleted')).toBe(1);
    expect(await count('cancelled', 'subscription.deleted')).toBe(1);
    expect(codeOf(await server.gql(GET_SUBSCRIPTION, { id: subs.lapsing.id }, world.tokens.advisorAdmin))).toBe('NOT_FOUND');
    expect(await counts('month')).toEqual({ renewed: 3, termEnding: 1, expired: 0 });
  });

  it('2028-02-29T10:00Z: buys yearly (ANNUAL and MONTHLY) and monthly terms on a leap day', async () => {
    const LEAP = '2028-02-29T10:00:00.000Z';
    await advance(LEAP);
    const annual = await buy('annual', one.tokens.global, { tenantId: one.id, offerId: yearlyOffer.id, quantity: 4 }, LEAP);
    const yearMonthly = await buy(
      'yearMonthly',
      two.tokens.global,
      { tenantId: two.id, offerId: yearlyOffer.id, quantity: 2, billingCycle: 'MONTHLY' },
      LEAP,
    );
    const leapMonth = await buy('leapMonth', two.tokens.global, { tenantId: two.id, offerId: monthlyOffer.id, quantity: 5 }, LEAP);
    expect(annual).toMatchObject({
      termDuration: 'P1Y',
      billingCycle: 'ANNUAL',
      termStartsAt: annual.createdAt,
      termEndsAt: at('annual', '2029-02-28T10:00:00.000Z'),
    });
    expect(yearMonthly).toMatchObject({
      termDuration: 'P1Y',
      billingCycle: 'MONTHLY',
      termEndsAt: at('yearMonthly', '2029-02-28T10:00:00.000Z'),
    });
    expect(leapMonth).toMatchObject({ termDuration: 'P1M', termEndsAt: at('leapMonth', '2028-03-29T10:00:00.000Z') });
    // Ten months went by without a term end for the yearly one.
    expect(await read('month')).toMatchObject({ termEndsAt: at('month', '2028-04-30T10:00:00.000Z'), version: subs.month.version });
    expect(await counts('month')).toEqual({ renewed: 3, termEnding: 1, expired: 0 });
  });

  it('just past 2029-02-28, in one move: twelve monthly renewals, one event each and no notice; the yearly ones renew once', async () => {
    await advance('2029-02-28T10:01:00.000Z');
    const leapMonth = await read('leapMonth');
    expect(leapMonth).toMatchObject({
      status: 'ACTIVE',
      termStartsAt: at('leapMonth', '2029-02-28T10:00:00.000Z'),
      // Anchored on the 29th: February 2029's clamp does not shift the ends after it.
      termEndsAt: at('leapMonth', '2029-03-29T10:00:00.000Z'),
      version: 13,
    });
    expect(await counts('leapMonth')).toEqual({ renewed: 12, termEnding: 0, expired: 0 });
    const renewals = (await kit.auditEvents(two.id))
      .filter((e) => e.action === 'subscription.renewed' && e.targetId === leapMonth.id)
      .sort((a, b) => a.after!.version - b.after!.version);
    const ends = [
      '2028-03-29',
      '2028-04-29',
      '2028-05-29',
      '2028-06-29',
      '2028-07-29',
      '2028-08-29',
      '2028-09-29',
      '2028-10-29',
      '2028-11-29',
      '2028-12-29',
      '2029-01-29',
      '2029-02-28',
    ];
    expect(renewals.map((e) => e.before!.termEndsAt)).toEqual(ends.map((day) => at('leapMonth', `${day}T10:00:00.000Z`)));
    expect(renewals.map((e) => e.after!.termStartsAt)).toEqual(renewals.map((e) => e.before!.termEndsAt));
    expect(renewals.map((e) => e.after!.version)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);

    for (const name of ['annual', 'yearMonthly']) {
      expect(await read(name)).toMatchObject({
        termStartsAt: at(name, '2029-02-28T10:00:00.000Z'),
        termEndsAt: at(name, '2030-02-28T10:00:00.000Z'),
      });
      expect(await counts(name)).toEqual({ renewed: 1, termEnding: 0, expired: 0 });
    }
    // The one renewed into P1Y: 2028-04-30 → 2029-04-30, M = 27.
    expect(await read('month')).toMatchObject({
      termDuration: 'P1Y',
      billingCycle: 'MONTHLY',
      termStartsAt: at('month', '2028-04-30T10:00:00.000Z'),
      termEndsAt: at('month', '2029-04-30T10:00:00.000Z'),
    });
    expect(await counts('month')).toEqual({ renewed: 4, termEnding: 1, expired: 0 });
  });

  it('just past 2030-02-28, 2031-02-28 and 2032-02-29: one yearly renewal per move, ends back on the 29th in a leap year', async () => {
    const years = [
      ['2030-02-28T10:01:00.000Z', '2030-02-28', '2031-02-28', '2030-03-29', '2030-04-30'],
      ['2031-02-28T10:01:00.000Z', '2031-02-28', '2032-02-29', '2031-03-29', '2031-04-30'],
      ['2032-02-29T10:01:00.000Z', '2032-02-29', '2033-02-28', '2032-03-29', '2032-04-30'],
    ] as const;
    for (const [index, [to, starts, ends, monthEnds, yearEnds]] of years.entries()) {
      if (index === 1) {
        // Stopping twice inside the 7 days before 2031-02-28T10:00: one notice for that term, for the yearly ones
        // and for the monthly one that ends then too; none for the P1Y one ending in April.
        for (const stop of ['2031-02-24T10:01:00.000Z', '2031-02-26T10:01:00.000Z']) {
          await advance(stop);
          for (const name of ['annual', 'yearMonthly', 'leapMonth']) expect(await count(name, 'subscription.termEnding')).toBe(1);
          expect(await count('month', 'subscription.termEnding')).toBe(1);
        }
      }
      await advance(to);
      const notices = index >= 1 ? 1 : 0;
      for (const name of ['annual', 'yearMonthly']) {
        expect(await read(name)).toMatchObject({
          status: 'ACTIVE',
          termStartsAt: at(name, `${starts}T10:00:00.000Z`),
          termEndsAt: at(name, `${ends}T10:00:00.000Z`),
        });
        expect(await counts(name)).toEqual({ renewed: 2 + index, termEnding: notices, expired: 0 });
      }
      expect(await read('leapMonth')).toMatchObject({ termEndsAt: at('leapMonth', `${monthEnds}T10:00:00.000Z`) });
      expect(subs.leapMonth.termStartsAt).toBe(at('leapMonth', `${starts}T10:00:00.000Z`));
      expect(await counts('leapMonth')).toEqual({ renewed: 12 * (2 + index), termEnding: notices, expired: 0 });
      expect(await read('month')).toMatchObject({ termEndsAt: at('month', `${yearEnds}T10:00:00.000Z`) });
      expect(await counts('month')).toEqual({ renewed: 5 + index, termEnding: 1, expired: 0 });
    }
  });
});
