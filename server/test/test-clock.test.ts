/**
 * The test clock (SPEC §8): domain time is the wall clock plus an offset stored in the database, which only
 * a platform admin moves, forward, at most 5 calendar years at a time. What a change writes follows domain
 * time; tokens and webhook retry times keep the wall clock. Every refusal answers its code (and field) and
 * changes no table.
 *
 * The tests run in order on one server whose domain time they move: +1 year, then +59 months, then to the
 * edge of the 32-bit offset.
 */
import { signDevelopmentToken } from '../src/auth/tokens';
import { DEVELOPMENT_JWT_SECRET } from '../src/config';
import { addMonthsClamped } from '../src/domain/terms';
import { codeOf, expectNothingChanged, ok, Role, startTestServer, type GraphQLResponse, type TestServer } from './support/harness';
import { buildWorld, kitFor, type Kit, type World } from './support/world';
import { CREATE_RESELLER_INVITATION, GET_VIEWER } from './graphql/shared-definitions';
import { CREATE_WEBHOOK_ENDPOINT, GET_WEBHOOK_DELIVERIES } from './graphql/webhook-definitions';
import { graphql } from './graphql/generated';

const TEST_CLOCK = graphql(`
  query TestClock {
    testClock { enabled now offsetSeconds }
  }
`);

const ADVANCE_TEST_CLOCK = graphql(`
  mutation AdvanceTestClock($input: AdvanceTestClockInput!) {
    advanceTestClock(input: $input) { testClock { enabled now offsetSeconds } }
  }
`);

const DAY_MS = 86_400_000;
const NON_ADMIN_ROLES = [
  Role.TENANT_GLOBAL_ADMIN,
  Role.TENANT_BILLING_ADMIN,
  Role.TENANT_READER,
  Role.PARTNER_ADMIN_AGENT,
  Role.PARTNER_SALES_AGENT,
  Role.PARTNER_HELPDESK_AGENT,
] as const;

/** Expects exactly one error with this code (and field), and no data. */
function expectRefusal(response: GraphQLResponse<{ advanceTestClock?: unknown }>, code: string, field?: string) {
  expect(response.errors).toHaveLength(1);
  expect(codeOf(response)).toBe(code);
  if (field !== undefined) expect(response.errors![0].extensions.field).toBe(field);
  expect(response.errors![0].message).toMatch(/\.$/);
  expect(response.data?.advanceTestClock ?? null).toBeNull();
}

describe('the test clock', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  let platform: string;
  let endpointId: string;

  const domainNow = async () => new Date(ok(await server.gql(TEST_CLOCK, undefined, platform)).testClock.now);
  const advance = (to: Date, token = platform) => server.gql(ADVANCE_TEST_CLOCK, { input: { to: to.toISOString() } }, token);
  const tokenOf = (role: (typeof NON_ADMIN_ROLES)[number]) =>
    role.startsWith('TENANT')
      ? server.token(role, { tenantId: world.tenants.direct })
      : server.token(role, { partnerId: world.partners.reseller });

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
    platform = world.tokens.platform;
    // A platform endpoint receives every event: the deliveries below are queued for it.
    endpointId = ok(await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: 'http://127.0.0.1:9/test-clock' } }, platform))
      .createWebhookEndpoint.webhookEndpoint.id;
  });
  afterAll(() => server.stop());

  it('answers enabled, domain time now and a zero offset to every signed-in caller, and UNAUTHENTICATED without a token', async () => {
    for (const token of [platform, ...(await Promise.all(NON_ADMIN_ROLES.map(tokenOf)))]) {
      const before = Date.now();
      const { testClock } = ok(await server.gql(TEST_CLOCK, undefined, token));
      expect(testClock).toMatchObject({ enabled: true, offsetSeconds: 0 });
      expect(Date.parse(testClock.now)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(testClock.now)).toBeLessThanOrEqual(Date.now());
    }
    expect(codeOf(await server.gql(TEST_CLOCK))).toBe('UNAUTHENTICATED');
  });

  describe('refusals change nothing', () => {
    it('without a token: UNAUTHENTICATED', async () => {
      await expectNothingChanged(server, async () => {
        expectRefusal(await advance(new Date(Date.now() + DAY_MS), ''), 'UNAUTHENTICATED');
      });
    });

    it.each(NON_ADMIN_ROLES)('%s: FORBIDDEN, also with a time in the past (the role is checked before the input)', async (role) => {
      const token = await tokenOf(role);
      await expectNothingChanged(server, async () => {
        expectRefusal(await advance(new Date(Date.now() + DAY_MS), token), 'FORBIDDEN');
        expectRefusal(await advance(new Date(Date.now() - DAY_MS), token), 'FORBIDDEN');
      });
    });

    it('a time before domain time now: BAD_USER_INPUT on `to`', async () => {
      await expectNothingChanged(server, async () => {
        expectRefusal(await advance(new Date(Date.now() - 60_000)), 'BAD_USER_INPUT', 'to');
      });
    });

    it('domain time now itself: BAD_USER_INPUT on `to` (the clock only moves forward)', async () => {
      const now = await domainNow();
      await expectNothingChanged(server, async () => {
        expectRefusal(await advance(now), 'BAD_USER_INPUT', 'to');
      });
    });

    it('more than 5 calendar years ahead of domain time: BAD_USER_INPUT on `to`', async () => {
      const beyond = new Date(addMonthsClamped(new Date(), 60).getTime() + 60_000);
      await expectNothingChanged(server, async () => {
        expectRefusal(await advance(beyond), 'BAD_USER_INPUT', 'to');
      });
    });
  });

  it('moves domain time a year forward: what changes write follows it, tokens and webhook retry times keep the wall clock', async () => {
    const secret = server.config.auth.jwtSecret ?? DEVELOPMENT_JWT_SECRET;
    const shortLived = await signDevelopmentToken(secret, { roles: [Role.PLATFORM_ADMIN], subject: 'short-lived', expiresIn: '60s' });
    const wallBefore = Date.now();
    const to = new Date(wallBefore + 365 * DAY_MS);

    const { testClock } = ok(await advance(to)).advanceTestClock;
    expect(testClock.enabled).toBe(true);
    expect(Date.parse(testClock.now)).toBeGreaterThanOrEqual(to.getTime());
    expect(testClock.offsetSeconds).toBeGreaterThanOrEqual(365 * 86_400);
    expect(testClock.offsetSeconds).toBeLessThanOrEqual(365 * 86_400 + 5);
    // Every later read, by any caller, is on the new domain time.
    const read = ok(await server.gql(TEST_CLOCK, undefined, world.tokens.directReader)).testClock;
    expect(read.offsetSeconds).toBe(testClock.offsetSeconds);
    expect(Date.parse(read.now)).toBeGreaterThanOrEqual(Date.parse(testClock.now));

    // Timestamps a change writes are domain time.
    const customer = await kit.createCustomer(world.tokens.resellerAdmin, 'Clockwise');
    const bought = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 2 });
    expect(Date.parse(bought.createdAt)).toBeGreaterThanOrEqual(to.getTime());
    const invitation = ok(await server.gql(CREATE_RESELLER_INVITATION, { input: { expiresInDays: 7 } }, world.tokens.resellerAdmin))
      .createResellerInvitation.invitation;
    expect(Date.parse(invitation.createdAt)).toBeGreaterThanOrEqual(to.getTime());
    expect(Date.parse(invitation.expiresAt)).toBe(Date.parse(invitation.createdAt) + 7 * DAY_MS);

    // The move is audited as of domain time, by its actor.
    const [moved] = (await kit.auditEvents()).filter((e) => e.action === 'testClock.advanced');
    expect(moved).toMatchObject({ targetType: 'TestClock', targetId: '1', tenantId: null, actor: { roles: ['PLATFORM_ADMIN'] } });
    expect(moved.before).toMatchObject({ offsetSeconds: 0 });
    expect(moved.after).toMatchObject({ offsetSeconds: testClock.offsetSeconds });

    // A token that expires in 60 wall-clock seconds still works a domain year later.
    expect(ok(await server.gql(GET_VIEWER, undefined, shortLived)).viewer.subject).toBe('short-lived');

    // Deliveries queued after the move (its own event's, the purchase's) are due now by the wall clock, which the dispatcher reads.
    const deliveries = ok(await server.gql(GET_WEBHOOK_DELIVERIES, { endpointId, first: 100 }, platform)).webhookDeliveries.edges.map(
      (e) => e.node,
    );
    const queuedAfter = deliveries.filter((d) => ['testClock.advanced', 'subscription.purchased'].includes(d.event.action));
    expect(queuedAfter.map((d) => d.event.action)).toEqual(expect.arrayContaining(['testClock.advanced', 'subscription.purchased']));
    for (const delivery of queuedAfter) {
      expect(delivery.status).toBe('PENDING');
      expect(Date.parse(delivery.nextAttemptAt!)).toBeGreaterThanOrEqual(wallBefore);
      expect(Date.parse(delivery.nextAttemptAt!)).toBeLessThanOrEqual(Date.now());
    }
  });

  it('after a move, "now" is domain time: a time between the wall clock and domain time is refused as not later than now', async () => {
    await expectNothingChanged(server, async () => {
      expectRefusal(await advance(new Date(Date.now() + 30 * DAY_MS)), 'BAD_USER_INPUT', 'to');
    });
    // The 5 years count from domain time too: 59 months ahead of it is allowed, 61 is not.
    const now = await domainNow();
    await expectNothingChanged(server, async () => {
      expectRefusal(await advance(addMonthsClamped(now, 61)), 'BAD_USER_INPUT', 'to');
    });
    const to = addMonthsClamped(now, 59);
    expect(Date.parse(ok(await advance(to)).advanceTestClock.testClock.now)).toBeGreaterThanOrEqual(to.getTime());
  });

  it('refuses a move whose offset would not fit 32 bits of seconds (about 68 years), with BAD_USER_INPUT on `to`', async () => {
    const LIMIT = 2_147_483_647;
    let offset = ok(await server.gql(TEST_CLOCK, undefined, platform)).testClock.offsetSeconds;
    // Moves of nearly 5 years until the next one would pass the limit.
    for (;;) {
      const next = new Date(addMonthsClamped(await domainNow(), 60).getTime() - DAY_MS);
      if ((next.getTime() - Date.now()) / 1000 > LIMIT - 60) break;
      offset = ok(await advance(next)).advanceTestClock.testClock.offsetSeconds;
    }
    expect(offset).toBeLessThanOrEqual(LIMIT);
    const tooFar = new Date(Date.now() + (LIMIT + 3_600) * 1000);
    expect(tooFar.getTime()).toBeLessThan(addMonthsClamped(await domainNow(), 60).getTime());
    await expectNothingChanged(server, async () => {
      expectRefusal(await advance(tooFar), 'BAD_USER_INPUT', 'to');
    });
  });
});

describe('the test clock when TEST_CLOCK=disabled', () => {
  let server: TestServer;
  let platform: string;
  let tenantAdmin: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { TEST_CLOCK: 'disabled' } });
    platform = await server.token(Role.PLATFORM_ADMIN);
    tenantAdmin = (await kitFor(server).createTenant('Stopped Clock')).tokens.global;
  });
  afterAll(() => server.stop());

  it('answers enabled: false with a zero offset', async () => {
    expect(ok(await server.gql(TEST_CLOCK, undefined, platform)).testClock).toMatchObject({ enabled: false, offsetSeconds: 0 });
  });

  it('refuses a move with FAILED_PRECONDITION, after the role and the input, and changes nothing', async () => {
    const move = (to: Date, token: string) => server.gql(ADVANCE_TEST_CLOCK, { input: { to: to.toISOString() } }, token);
    await expectNothingChanged(server, async () => {
      const refused = await move(new Date(Date.now() + DAY_MS), platform);
      expectRefusal(refused, 'FAILED_PRECONDITION');
      expect(refused.errors![0].message).toContain('TEST_CLOCK');
      expectRefusal(await move(new Date(Date.now() - DAY_MS), platform), 'BAD_USER_INPUT', 'to');
      expectRefusal(await move(new Date(Date.now() + DAY_MS), tenantAdmin), 'FORBIDDEN');
    });
  });
});
