/**
 * SPEC §8: domain time's offset lives in the database, so every instance shares it: a move made on one
 * instance is seen by another within 2 seconds (and by the one that made it at once). Two app instances,
 * each with its own pool and HTTP port, over one MariaDB database.
 * MariaDB only: SQLite is one process's embedded file.
 */
import pino from 'pino';
import { ok, Role, startTestServer, type GraphQLResponse, type TestServer } from './support/harness';
import { createApp, type TenantryApp } from '../src/app';
import { graphql } from './graphql/generated';
import { ifSetUp } from './support/set-up';

const TEST_CLOCK = graphql(`
  query TestClockOfInstance {
    testClock { now offsetSeconds }
  }
`);

const ADVANCE_TEST_CLOCK = graphql(`
  mutation AdvanceTestClockOnInstance($input: AdvanceTestClockInput!) {
    advanceTestClock(input: $input) { testClock { now offsetSeconds } }
  }
`);

const DAY_MS = 86_400_000;

describe('two instances over one MariaDB database share domain time', () => {
  let server: TestServer;
  let second: TenantryApp;
  let secondUrl: string;
  let platform: string;

  /** The second instance's test clock, read over its own HTTP port. */
  async function secondClock(): Promise<{ now: string; offsetSeconds: number }> {
    const response = await fetch(secondUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${platform}` },
      body: JSON.stringify({ query: String(TEST_CLOCK) }),
    });
    return ok((await response.json()) as GraphQLResponse<{ testClock: { now: string; offsetSeconds: number } }>).testClock;
  }

  beforeAll(async () => {
    server = await startTestServer();
    second = await createApp({ config: server.config, clock: server.clock, logger: pino({ level: 'silent' }), dispatchWebhooks: false });
    secondUrl = await second.listen();
    platform = await server.token(Role.PLATFORM_ADMIN);
  });
  afterAll(async () => {
    await ifSetUp(second)?.stop();
    await server.stop();
  });

  it('a move on one instance is seen by the other within 2 seconds', async () => {
    expect((await secondClock()).offsetSeconds).toBe(0);
    const to = new Date(Date.now() + 400 * DAY_MS);
    const moved = ok(await server.gql(ADVANCE_TEST_CLOCK, { input: { to: to.toISOString() } }, platform)).advanceTestClock.testClock;
    const movedAt = Date.now();
    // The instance that moved it: at once.
    expect(ok(await server.gql(TEST_CLOCK, undefined, platform)).testClock.offsetSeconds).toBe(moved.offsetSeconds);

    let seen = await secondClock();
    while (seen.offsetSeconds !== moved.offsetSeconds && Date.now() - movedAt < 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await secondClock();
    }
    expect(seen.offsetSeconds).toBe(moved.offsetSeconds);
    expect(Date.now() - movedAt).toBeLessThan(2_000);
    expect(Date.parse(seen.now)).toBeGreaterThanOrEqual(to.getTime());
  });

  it('a move on the other instance is refused when it is not later than the shared domain time, and moves both when it is', async () => {
    const shared = await secondClock();
    // Backwards from the domain time both share, though far ahead of the wall clock.
    const refused = await fetch(secondUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${platform}` },
      body: JSON.stringify({
        query: String(ADVANCE_TEST_CLOCK),
        variables: { input: { to: new Date(Date.now() + 10 * DAY_MS).toISOString() } },
      }),
    });
    const body = (await refused.json()) as GraphQLResponse;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });

    const to = new Date(Date.parse(shared.now) + 30 * DAY_MS);
    const forward = await fetch(secondUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${platform}` },
      body: JSON.stringify({ query: String(ADVANCE_TEST_CLOCK), variables: { input: { to: to.toISOString() } } }),
    });
    const offset = ok((await forward.json()) as GraphQLResponse<{ advanceTestClock: { testClock: { offsetSeconds: number } } }>)
      .advanceTestClock.testClock.offsetSeconds;
    expect(offset).toBeGreaterThan(shared.offsetSeconds);
    const movedAt = Date.now();
    let seen = ok(await server.gql(TEST_CLOCK, undefined, platform)).testClock;
    while (seen.offsetSeconds !== offset && Date.now() - movedAt < 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = ok(await server.gql(TEST_CLOCK, undefined, platform)).testClock;
    }
    expect(seen.offsetSeconds).toBe(offset);
    expect(Date.now() - movedAt).toBeLessThan(2_000);
  });
});
