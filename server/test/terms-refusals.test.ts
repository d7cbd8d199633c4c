/**
 * Every refusal of SPEC §8: its `extensions.code` (and `field` where the spec names one), a message a person can
 * act on, and proof that nothing changed in any table (audit trail included). Refusals follow §3's order: scope,
 * role, input shape, status (INVALID_STATUS_TRANSITION before FAILED_PRECONDITION — so an EXPIRED or DELETED
 * subscription refuses every change as such, before its window or auto-renewal is looked at), referenced things,
 * conflicts; a no-op is decided after every refusal.
 *
 * Setup moves domain time with the test clock: a subscription bought at the start is DELETED ~5 months later,
 * one bought then is EXPIRED 40 days after, and a one-year term bought at the start is past its cancellation window.
 * advanceTestClock's refusals are here too (test-clock.test.ts has them with the clock's other rules): the brief of
 * these term specs asks for every refusal a term user meets, and they cost a few requests.
 */
import { addMonthsClamped } from '../src/domain/terms';
import {
  expectNothingChanged,
  expectRefused,
  ok,
  Role,
  startTestServer,
  type AnyOperation,
  type GraphQLResponse,
  type TestServer,
} from './support/harness';
import { buildWorld, kitFor, type FreshTenant, type Kit, type World } from './support/world';
import {
  CHANGE_LICENSE_QUANTITY,
  CREATE_OFFER,
  PURCHASE_SUBSCRIPTION,
  QUOTE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
  SET_PARTNER_OF_RECORD,
  SUSPEND_SUBSCRIPTION,
} from './graphql/shared-definitions';
import {
  CANCEL_SUBSCRIPTION,
  CLEAR_RENEWAL_CHANGE,
  DOMAIN_TIME,
  GET_TERM,
  MOVE_DOMAIN_TIME,
  PURCHASE_TERM,
  SCHEDULE_RENEWAL_CHANGE,
  SET_AUTO_RENEW,
} from './graphql/term-definitions';
import type { TermViewFragment } from './graphql/generated/graphql';

const DAY_MS = 86_400_000;

/** it.each rows of fixed length (Jest would take a missing trailing `field` for a `done` callback). */
type Case = [string, () => { operation: AnyOperation; token: string; input: Record<string, unknown> }, string, string?];
const rows = (cases: Case[]) => cases.map(([name, build, code, field]) => [name, build, code, field ?? null] as const);

describe('terms: every refusal of SPEC §8 changes nothing', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  let platform: string;
  let tenant: FreshTenant;
  /** P1M/MONTHLY and P1Y/ANNUAL, 2–20 licences. */
  let termOffer: { id: string };
  /** P1Y/ANNUAL bought at the start: ACTIVE, auto-renewing, past its cancellation window, every licence past its decrease window (floor 5). */
  let old: TermViewFragment;
  /** EXPIRED at its term's end (auto-renewal off), still within data retention. */
  let expired: TermViewFragment;
  /** EXPIRED and then DELETED when its retention passed. */
  let deleted: TermViewFragment;
  /** Bought last: ACTIVE inside its cancellation window, with a quantity scheduled for the renewal. */
  let fresh: TermViewFragment;
  let suspended: TermViewFragment;
  /** ACTIVE without auto-renewal. */
  let noRenew: TermViewFragment;
  /** Sold by the reseller to its customer, which a second reseller also serves. */
  let resold: TermViewFragment;

  const domainNow = async () => new Date(ok(await server.gql(DOMAIN_TIME, undefined, platform)).testClock.now);
  const advanceBy = async (days: number) =>
    ok(
      await server.gql(
        MOVE_DOMAIN_TIME,
        { input: { to: new Date((await domainNow()).getTime() + days * DAY_MS).toISOString() } },
        platform,
      ),
    );
  const read = async (s: { id: string }) => ok(await server.gql(GET_TERM, { id: s.id }, platform)).subscription;
  const buy = async (token: string, input: Parameters<typeof kit.purchase>[1]) =>
    ok(await server.gql(PURCHASE_TERM, { input }, token)).purchaseSubscription.subscription;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
    platform = world.tokens.platform;
    tenant = await kit.createTenant('Term Refusals');
    termOffer = await kit.createOffer({ min: 2, max: 20, cents: 1000 }, [
      { termDuration: 'P1M', billingCycle: 'MONTHLY', unitPriceCents: 1000 },
      { termDuration: 'P1Y', billingCycle: 'ANNUAL', unitPriceCents: 11_000 },
    ]);
    const plain = () => kit.createOffer({ min: 1, max: 10, cents: 500 });
    const global = tenant.tokens.global;

    old = await buy(global, { tenantId: tenant.id, offerId: termOffer.id, quantity: 5, termDuration: 'P1Y' });
    deleted = await buy(global, {
      tenantId: tenant.id,
      offerId: (await plain()).id,
      quantity: 1,
      autoRenew: false,
      partnerId: world.partners.advisor,
    });
    await advanceBy(150); // ends after a month, retention 90 days after that: deleted.
    expired = await buy(global, {
      tenantId: tenant.id,
      offerId: (await plain()).id,
      quantity: 2,
      autoRenew: false,
      partnerId: world.partners.advisor,
    });
    await advanceBy(40); // ends after a month: expired, retention until 90 days after that.

    fresh = await buy(global, { tenantId: tenant.id, offerId: (await plain()).id, quantity: 3 });
    fresh = ok(await server.gql(SCHEDULE_RENEWAL_CHANGE, { input: { subscriptionId: fresh.id, quantity: 4 } }, global))
      .scheduleRenewalChange.subscription;
    suspended = await buy(global, { tenantId: tenant.id, offerId: (await plain()).id, quantity: 1 });
    await kit.suspend(global, suspended.id);
    noRenew = await buy(global, { tenantId: tenant.id, offerId: (await plain()).id, quantity: 1, autoRenew: false });
    resold = await buy(world.tokens.resellerAdmin, { tenantId: world.tenants.customer, offerId: world.offers.basic.id, quantity: 3 });
    await kit.invite(world.tokens.otherResellerAdmin, world.tokens.customerGlobal);

    [old, expired, deleted, suspended] = await Promise.all([old, expired, deleted, suspended].map(read));
    expect(old).toMatchObject({ status: 'ACTIVE', autoRenew: true, quantity: 5, quantityFloor: 5, viewerCanCancel: false });
    expect(expired).toMatchObject({ status: 'EXPIRED' });
    expect(deleted).toMatchObject({ status: 'DELETED' });
    expect(suspended).toMatchObject({ status: 'SUSPENDED' });
  });
  afterAll(() => server.stop());

  // ---- The windows ----

  it('cancel after the cancellation window: FAILED_PRECONDITION, saying to turn auto-renewal off so it ends at termEndsAt', async () => {
    const [error] = (
      await expectRefused(server, CANCEL_SUBSCRIPTION, { input: { subscriptionId: old.id } }, tenant.tokens.billing, 'FAILED_PRECONDITION')
    ).errors!;
    expect(error.message).toMatch(/auto-renewal off/i);
    expect(error.message).toMatch(/setAutoRenew/);
    expect(error.message).toContain(old.termEndsAt);
  });

  it('a decrease below the quantity floor: FAILED_PRECONDITION with extensions.quantityFloor, pointing to scheduleRenewalChange', async () => {
    const [error] = (
      await expectRefused(
        server,
        CHANGE_LICENSE_QUANTITY,
        { input: { subscriptionId: old.id, quantity: 4 } },
        tenant.tokens.global,
        'FAILED_PRECONDITION',
      )
    ).errors!;
    expect(error.extensions.quantityFloor).toBe(5);
    expect(error.message).toMatch(/scheduleRenewalChange/);
  });

  // ---- EXPIRED and DELETED: read-only, refused as such before every other status check ----

  const everyChange = (s: () => TermViewFragment, version?: () => number): [string, AnyOperation, () => Record<string, unknown>][] => [
    ['cancelSubscription', CANCEL_SUBSCRIPTION, () => ({ subscriptionId: s().id, expectedVersion: version?.() })],
    // The same value as now (false) would be a no-op; the status is refused first.
    ['setAutoRenew to false', SET_AUTO_RENEW, () => ({ subscriptionId: s().id, autoRenew: false, expectedVersion: version?.() })],
    ['setAutoRenew to true', SET_AUTO_RENEW, () => ({ subscriptionId: s().id, autoRenew: true, expectedVersion: version?.() })],
    // Without auto-renewal this would be FAILED_PRECONDITION on an active one.
    ['scheduleRenewalChange', SCHEDULE_RENEWAL_CHANGE, () => ({ subscriptionId: s().id, quantity: 2, expectedVersion: version?.() })],
    ['clearRenewalChange', CLEAR_RENEWAL_CHANGE, () => ({ subscriptionId: s().id, expectedVersion: version?.() })],
    ['changeLicenseQuantity', CHANGE_LICENSE_QUANTITY, () => ({ subscriptionId: s().id, quantity: 3, expectedVersion: version?.() })],
    ['suspendSubscription', SUSPEND_SUBSCRIPTION, () => ({ subscriptionId: s().id, expectedVersion: version?.() })],
    ['reactivateSubscription', REACTIVATE_SUBSCRIPTION, () => ({ subscriptionId: s().id, expectedVersion: version?.() })],
    [
      'setPartnerOfRecord',
      SET_PARTNER_OF_RECORD,
      () => ({ subscriptionId: s().id, partnerId: world.partners.both, expectedVersion: version?.() }),
    ],
    [
      'setPartnerOfRecord to none',
      SET_PARTNER_OF_RECORD,
      () => ({ subscriptionId: s().id, partnerId: null, expectedVersion: version?.() }),
    ],
  ];

  describe.each([
    ['EXPIRED', () => expired],
    ['DELETED', () => deleted],
  ] as const)('on an %s subscription', (_status, subscription) => {
    it.each(everyChange(subscription))('%s: INVALID_STATUS_TRANSITION', async (_name, operation, input) => {
      await expectRefused(server, operation, { input: input() }, tenant.tokens.global, 'INVALID_STATUS_TRANSITION');
    });
    it.each(everyChange(subscription, () => subscription().version - 1))(
      '%s with a stale expectedVersion: still INVALID_STATUS_TRANSITION (status before conflicts)',
      async (_name, operation, input) => {
        await expectRefused(server, operation, { input: input() }, tenant.tokens.billing, 'INVALID_STATUS_TRANSITION');
      },
    );
  });

  // ---- The term mutations' own rules ----

  it.each(
    rows([
      [
        'scheduleRenewalChange without auto-renewal',
        () => ({ operation: SCHEDULE_RENEWAL_CHANGE, token: tenant.tokens.global, input: { subscriptionId: noRenew.id, quantity: 2 } }),
        'FAILED_PRECONDITION',
      ],
      [
        'scheduleRenewalChange with no field',
        () => ({ operation: SCHEDULE_RENEWAL_CHANGE, token: tenant.tokens.global, input: { subscriptionId: old.id } }),
        'BAD_USER_INPUT',
        'input',
      ],
      [
        'scheduleRenewalChange with only nulls',
        () => ({
          operation: SCHEDULE_RENEWAL_CHANGE,
          token: tenant.tokens.global,
          input: { subscriptionId: old.id, quantity: null, termDuration: null, billingCycle: null },
        }),
        'BAD_USER_INPUT',
        'input',
      ],
      [
        'scheduleRenewalChange above the offer’s range',
        () => ({ operation: SCHEDULE_RENEWAL_CHANGE, token: tenant.tokens.global, input: { subscriptionId: old.id, quantity: 21 } }),
        'QUANTITY_OUT_OF_RANGE',
        'quantity',
      ],
      [
        'scheduleRenewalChange below the offer’s range',
        () => ({ operation: SCHEDULE_RENEWAL_CHANGE, token: tenant.tokens.global, input: { subscriptionId: old.id, quantity: 1 } }),
        'QUANTITY_OUT_OF_RANGE',
        'quantity',
      ],
      [
        'scheduleRenewalChange to a term the offer does not list',
        () => ({ operation: SCHEDULE_RENEWAL_CHANGE, token: tenant.tokens.global, input: { subscriptionId: old.id, termDuration: 'P3Y' } }),
        'BAD_USER_INPUT',
        'termDuration',
      ],
      [
        'scheduleRenewalChange to a cycle not listed for the term',
        () => ({
          operation: SCHEDULE_RENEWAL_CHANGE,
          token: tenant.tokens.global,
          input: { subscriptionId: old.id, termDuration: 'P1Y', billingCycle: 'MONTHLY' },
        }),
        'BAD_USER_INPUT',
        'billingCycle',
      ],
      [
        'scheduleRenewalChange to a cycle not listed for today’s term',
        () => ({
          operation: SCHEDULE_RENEWAL_CHANGE,
          token: tenant.tokens.global,
          input: { subscriptionId: old.id, billingCycle: 'MONTHLY' },
        }),
        'BAD_USER_INPUT',
        'billingCycle',
      ],
      [
        'scheduleRenewalChange on a suspended one',
        () => ({ operation: SCHEDULE_RENEWAL_CHANGE, token: tenant.tokens.global, input: { subscriptionId: suspended.id, quantity: 2 } }),
        'FAILED_PRECONDITION',
      ],
      [
        'setAutoRenew on a suspended one',
        () => ({ operation: SET_AUTO_RENEW, token: tenant.tokens.global, input: { subscriptionId: suspended.id, autoRenew: false } }),
        'FAILED_PRECONDITION',
      ],
      [
        'setAutoRenew on a suspended one, to the value it has',
        () => ({ operation: SET_AUTO_RENEW, token: tenant.tokens.global, input: { subscriptionId: suspended.id, autoRenew: true } }),
        'FAILED_PRECONDITION',
      ],
      [
        'clearRenewalChange on a suspended one',
        () => ({ operation: CLEAR_RENEWAL_CHANGE, token: tenant.tokens.global, input: { subscriptionId: suspended.id } }),
        'FAILED_PRECONDITION',
      ],
    ]),
  )('%s: %s', async (_name, build, code, field) => {
    const { operation, token, input } = build();
    await expectRefused(server, operation, { input }, token, code, field);
  });

  // ---- Which refusal comes first (SPEC §3: input shape, status, referenced things, conflicts) ----

  it.each(
    rows([
      [
        'no field for the renewal, on an EXPIRED one: the shape of the input first',
        () => ({ operation: SCHEDULE_RENEWAL_CHANGE, token: tenant.tokens.global, input: { subscriptionId: expired.id } }),
        'BAD_USER_INPUT',
        'input',
      ],
      [
        'a quantity out of range without auto-renewal: the status first',
        () => ({ operation: SCHEDULE_RENEWAL_CHANGE, token: tenant.tokens.global, input: { subscriptionId: noRenew.id, quantity: 99 } }),
        'FAILED_PRECONDITION',
      ],
      [
        'a quantity out of range with a stale version: the range before the conflict',
        () => ({
          operation: SCHEDULE_RENEWAL_CHANGE,
          token: tenant.tokens.global,
          input: { subscriptionId: old.id, quantity: 99, expectedVersion: old.version + 1 },
        }),
        'QUANTITY_OUT_OF_RANGE',
        'quantity',
      ],
      [
        'setAutoRenew on a suspended one with a stale version: the status before the conflict',
        () => ({
          operation: SET_AUTO_RENEW,
          token: tenant.tokens.global,
          input: { subscriptionId: suspended.id, autoRenew: false, expectedVersion: suspended.version + 1 },
        }),
        'FAILED_PRECONDITION',
      ],
      [
        'clearRenewalChange on a suspended one with a stale version',
        () => ({
          operation: CLEAR_RENEWAL_CHANGE,
          token: tenant.tokens.global,
          input: { subscriptionId: suspended.id, expectedVersion: suspended.version + 1 },
        }),
        'FAILED_PRECONDITION',
      ],
      [
        'cancel after the window with a stale version: the window before the conflict',
        () => ({
          operation: CANCEL_SUBSCRIPTION,
          token: tenant.tokens.global,
          input: { subscriptionId: old.id, expectedVersion: old.version + 1 },
        }),
        'FAILED_PRECONDITION',
      ],
      [
        'a decrease below the floor with a stale version: the floor before the conflict',
        () => ({
          operation: CHANGE_LICENSE_QUANTITY,
          token: tenant.tokens.global,
          input: { subscriptionId: old.id, quantity: 3, expectedVersion: old.version + 1 },
        }),
        'FAILED_PRECONDITION',
      ],
      [
        'a reader, on an EXPIRED one: the role before the status',
        () => ({ operation: CANCEL_SUBSCRIPTION, token: tenant.tokens.reader, input: { subscriptionId: expired.id } }),
        'FORBIDDEN',
      ],
    ]),
  )('%s: %s', async (_name, build, code, field) => {
    const { operation, token, input } = build();
    await expectRefused(server, operation, { input }, token, code, field);
  });

  // ---- Terms at purchase, quote and offer creation ----

  describe.each([
    ['purchaseSubscription', PURCHASE_SUBSCRIPTION],
    ['quoteSubscription', QUOTE_SUBSCRIPTION],
  ] as const)('%s', (_name, operation) => {
    it.each([
      ['a term the offer does not list', { termDuration: 'P3Y' }, 'termDuration'],
      ['a term the offer does not list, with a cycle it lists', { termDuration: 'P3Y', billingCycle: 'ANNUAL' }, 'termDuration'],
      ['a cycle the offer does not list for the term', { termDuration: 'P1Y', billingCycle: 'MONTHLY' }, 'billingCycle'],
      ['a cycle the offer lists for no term', { billingCycle: 'TRIENNIAL' }, 'billingCycle'],
    ] as const)('%s: BAD_USER_INPUT naming the field and listing the offer’s terms', async (_case, term, field) => {
      const other = await kit.createTenant('Unlisted Terms');
      const [error] = (
        await expectRefused(
          server,
          operation,
          { input: { tenantId: other.id, offerId: termOffer.id, quantity: 2, ...term } },
          other.tokens.global,
          'BAD_USER_INPUT',
          field,
        )
      ).errors!;
      expect(error.message).toContain('P1M/MONTHLY');
      expect(error.message).toContain('P1Y/ANNUAL');
    });
  });

  it.each([
    ['a pair that is not sold (P1M billed ANNUAL)', [{ termDuration: 'P1M', billingCycle: 'ANNUAL', unitPriceCents: 100 }]],
    [
      'a pair that is not sold (P1Y billed TRIENNIAL)',
      [
        { termDuration: 'P1Y', billingCycle: 'ANNUAL', unitPriceCents: 100 },
        { termDuration: 'P1Y', billingCycle: 'TRIENNIAL', unitPriceCents: 100 },
      ],
    ],
    [
      'the same pair twice',
      [
        { termDuration: 'P1Y', billingCycle: 'ANNUAL', unitPriceCents: 100 },
        { termDuration: 'P1Y', billingCycle: 'ANNUAL', unitPriceCents: 200 },
      ],
    ],
    ['an empty list', []],
    ['a negative price', [{ termDuration: 'P1M', billingCycle: 'MONTHLY', unitPriceCents: -1 }]],
  ])('createOffer with %s: BAD_USER_INPUT on terms', async (_case, terms) => {
    const input = {
      sku: `BAD-TERMS-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      name: 'Bad terms',
      minQuantity: 1,
      maxQuantity: 10,
      unitPriceCents: 100,
      currency: 'USD',
      terms,
    };
    await expectRefused(server, CREATE_OFFER, { input }, platform, 'BAD_USER_INPUT', 'terms');
  });

  // ---- Stale versions and no-ops ----

  it.each([
    ['cancelSubscription', CANCEL_SUBSCRIPTION, () => ({ subscriptionId: fresh.id })],
    ['setAutoRenew (a change)', SET_AUTO_RENEW, () => ({ subscriptionId: fresh.id, autoRenew: false })],
    [
      'setAutoRenew (the same value: a no-op, but the version is checked first)',
      SET_AUTO_RENEW,
      () => ({ subscriptionId: fresh.id, autoRenew: true }),
    ],
    ['scheduleRenewalChange', SCHEDULE_RENEWAL_CHANGE, () => ({ subscriptionId: fresh.id, quantity: 5 })],
    ['clearRenewalChange (something scheduled)', CLEAR_RENEWAL_CHANGE, () => ({ subscriptionId: fresh.id })],
    [
      'clearRenewalChange (nothing scheduled: a no-op, but the version is checked first)',
      CLEAR_RENEWAL_CHANGE,
      () => ({ subscriptionId: old.id }),
    ],
  ] as const)('%s with a stale expectedVersion: CONFLICT', async (_name, operation, input) => {
    const current = await read({ id: input().subscriptionId });
    const stale = current.version > 1 ? current.version - 1 : current.version + 1;
    await expectRefused(
      server,
      operation,
      { input: { ...input(), expectedVersion: stale } },
      tenant.tokens.billing,
      'CONFLICT',
      'expectedVersion',
    );
  });

  it('setAutoRenew to the value it has and clearRenewalChange with nothing scheduled: no change, no event', async () => {
    const before = await read(old);
    expect(before.scheduledChange).toBeNull();
    await expectNothingChanged(server, async () => {
      const same = ok(
        await server.gql(
          SET_AUTO_RENEW,
          { input: { subscriptionId: old.id, autoRenew: true, expectedVersion: before.version } },
          tenant.tokens.global,
        ),
      ).setAutoRenew.subscription;
      expect(same).toMatchObject({ autoRenew: true, version: before.version, updatedAt: before.updatedAt });
      const cleared = ok(
        await server.gql(
          CLEAR_RENEWAL_CHANGE,
          { input: { subscriptionId: old.id, expectedVersion: before.version } },
          tenant.tokens.billing,
        ),
      ).clearRenewalChange.subscription;
      expect(cleared).toMatchObject({ scheduledChange: null, version: before.version, updatedAt: before.updatedAt });
      // Off already and turned off again: also nothing.
      const off = ok(await server.gql(SET_AUTO_RENEW, { input: { subscriptionId: noRenew.id, autoRenew: false } }, tenant.tokens.global))
        .setAutoRenew.subscription;
      expect(off).toMatchObject({ autoRenew: false, version: noRenew.version });
    });
  });

  // ---- Who may ----

  const termMutations: [string, AnyOperation, (id: string) => Record<string, unknown>][] = [
    ['cancelSubscription', CANCEL_SUBSCRIPTION, (id) => ({ subscriptionId: id })],
    ['setAutoRenew', SET_AUTO_RENEW, (id) => ({ subscriptionId: id, autoRenew: false })],
    ['scheduleRenewalChange', SCHEDULE_RENEWAL_CHANGE, (id) => ({ subscriptionId: id, quantity: 2 })],
    ['clearRenewalChange', CLEAR_RENEWAL_CHANGE, (id) => ({ subscriptionId: id })],
  ];
  describe.each(termMutations)('%s', (_name, operation, input) => {
    it('a TENANT_READER: FORBIDDEN', async () => {
      await expectRefused(server, operation, { input: input(fresh.id) }, tenant.tokens.reader, 'FORBIDDEN');
    });
    it('a PARTNER_HELPDESK_AGENT of the selling reseller: FORBIDDEN', async () => {
      await expectRefused(server, operation, { input: input(resold.id) }, world.tokens.resellerHelpdesk, 'FORBIDDEN');
    });
    it('another tenant’s admin: NOT_FOUND', async () => {
      await expectRefused(server, operation, { input: input(fresh.id) }, world.tokens.otherDirectGlobal, 'NOT_FOUND');
    });
    it('a reseller of the customer that did not sell the subscription: FORBIDDEN', async () => {
      await expectRefused(server, operation, { input: input(resold.id) }, world.tokens.otherResellerAdmin, 'FORBIDDEN');
    });
    it('the customer’s own admin, on what its reseller manages: FORBIDDEN', async () => {
      await expectRefused(server, operation, { input: input(resold.id) }, world.tokens.customerGlobal, 'FORBIDDEN');
    });
    it('a platform admin: FORBIDDEN', async () => {
      await expectRefused(server, operation, { input: input(fresh.id) }, platform, 'FORBIDDEN');
    });
    it('an unknown subscription: NOT_FOUND', async () => {
      await expectRefused(server, operation, { input: input('0190a000-0000-7000-8000-0000000000ff') }, tenant.tokens.global, 'NOT_FOUND');
    });
  });

  // ---- The test clock ----

  describe('advanceTestClock', () => {
    const later = async (ms: number) => ({ to: new Date((await domainNow()).getTime() + ms).toISOString() });
    it('to a time before domain time now: BAD_USER_INPUT on `to`', async () => {
      await expectRefused(server, MOVE_DOMAIN_TIME, { input: await later(-60_000) }, platform, 'BAD_USER_INPUT', 'to');
    });
    it('to domain time now itself: BAD_USER_INPUT on `to`', async () => {
      // Equal to domain time as read (which runs on meanwhile): never a move forward.
      await expectRefused(server, MOVE_DOMAIN_TIME, { input: await later(0) }, platform, 'BAD_USER_INPUT', 'to');
    });
    it('more than 5 calendar years ahead: BAD_USER_INPUT on `to`', async () => {
      const to = new Date(addMonthsClamped(await domainNow(), 60).getTime() + 60_000).toISOString();
      await expectRefused(server, MOVE_DOMAIN_TIME, { input: { to } }, platform, 'BAD_USER_INPUT', 'to');
    });
    it.each([
      ['a tenant global admin', () => tenant.tokens.global],
      ['a tenant reader', () => tenant.tokens.reader],
      ['a reseller admin', () => world.tokens.resellerAdmin],
      ['a helpdesk agent', () => world.tokens.resellerHelpdesk],
    ])('by %s: FORBIDDEN', async (_who, token) => {
      await expectRefused(server, MOVE_DOMAIN_TIME, { input: await later(DAY_MS) }, token(), 'FORBIDDEN');
    });
  });
});

describe('advanceTestClock with TEST_CLOCK=disabled', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TEST_CLOCK: 'disabled' } });
  });
  afterAll(() => server.stop());

  it('FAILED_PRECONDITION and nothing changed; the clock reads disabled, with no offset', async () => {
    const platform = await server.token(Role.PLATFORM_ADMIN);
    let response!: GraphQLResponse;
    await expectNothingChanged(server, async () => {
      response = await server.gql(MOVE_DOMAIN_TIME, { input: { to: new Date(Date.now() + DAY_MS).toISOString() } }, platform);
    });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions.code).toBe('FAILED_PRECONDITION');
    expect(response.data ?? null).toBeNull();
    expect(ok(await server.gql(DOMAIN_TIME, undefined, platform)).testClock).toMatchObject({ enabled: false, offsetSeconds: 0 });
  });
});
