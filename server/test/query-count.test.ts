import type { Logger as TypeOrmLogger } from 'typeorm';
import { ok, Role, startTestServer, type TestServer, type TypedDocument } from './support/harness';
import { graphql } from './graphql/generated';
import { newId } from '../src/entities/columns';
import { termAsOf } from '../src/domain/terms';
import { forgetImmutableRows } from '../src/db/immutable-row-cache';
import { OFFSET_READ_MARK } from '../src/db/domain-clock';
import {
  BillingCycle,
  LIVE,
  Offer,
  OfferAuthorization,
  Partner,
  ResellerRelationship,
  Subscription,
  SubscriptionChannel,
  SubscriptionStatus,
  Tenant,
  TermDuration,
} from '../src/entities';

/**
 * SPEC §4 "No N+1" and issue 6: the number of SQL statements a query runs depends on its depth, never
 * on the length of its lists. Statements are counted at the driver boundary (TypeORM's query logger
 * sees every statement sent to mysql2 / better-sqlite3, including raw `dataSource.query` calls).
 */
class StatementCounter implements TypeOrmLogger {
  statements: string[] = [];
  recording = false;
  logQuery(query: string) {
    // The domain clock re-reads the test clock's offset every second, whatever the requests: not theirs.
    if (this.recording && !query.startsWith(OFFSET_READ_MARK)) this.statements.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

const CUSTOMERS = graphql(`
  query CountedCustomers($first: Int) {
    customers(first: $first) {
      edges { node {
        subscriptions(first: 20) { edges { node { offer { name } partnerOfRecord { name } reseller { name } } } }
        partnerRelationships { kinds }
      } }
    }
  }
`);

/** Every relation a customer list can reach, two levels deep. */
const CUSTOMERS_WIDE = graphql(`
  query CountedCustomersWide($first: Int) {
    customers(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id name billingManagedBy { id name }
        subscriptions(first: 20) {
          totalCount
          edges { node {
            id quantity viewerCanManage
            offer { name } tenant { name } partnerOfRecord { name } reseller { name authorizedOffers { sku } }
          } }
        }
        partnerRelationships { kinds viewerCanRemove partner { name } subscriptions { id offer { sku } } }
      } }
    }
  }
`);

const SUBSCRIPTIONS = graphql(`
  query CountedSubscriptions($tenantId: ID!) {
    subscriptions(tenantId: $tenantId, first: 20) {
      edges { node { id quantity offer { name } tenant { name } partnerOfRecord { name } reseller { name } viewerCanManage } }
    }
  }
`);

const CUSTOMERS_PAGE = graphql(`
  query CountedCustomersPage($after: String) {
    customers(first: 10, after: $after) {
      pageInfo { endCursor }
      edges { node { subscriptions(first: 2) { edges { node { offer { name } } } } } }
    }
  }
`);

const OFFERS_PER_TENANT = 6;

describe('statement count is fixed whatever the length of the lists (issue 6)', () => {
  const counter = new StatementCounter();
  let server: TestServer;
  let bigToken: string;
  let smallToken: string;
  let tenantWithFew: string;
  let tenantWithMany: string;

  /**
   * Runs an operation and returns the SQL statements it sent to the database. Offers and partners are
   * cached by the process across requests: counts are taken cold (cache emptied first), the worst case.
   */
  async function statementsOf<TResult, TVariables>(
    query: TypedDocument<TResult, TVariables>,
    variables: TVariables,
    token: string,
    warm = false,
  ) {
    if (!warm) forgetImmutableRows(server.dataSource);
    counter.statements = [];
    counter.recording = true;
    try {
      const data = ok(await server.gql(query, variables, token));
      return { data, statements: [...counter.statements] };
    } finally {
      counter.recording = false;
    }
  }

  beforeAll(async () => {
    // CountedCustomersWide reaches every list at once (two unpaginated ones under a page of 50), which the
    // query cost counts at 100 items each (SPEC §9): these specs count statements, not the cost limit.
    server = await startTestServer({ database: { logger: counter }, env: { GRAPHQL_MAX_COST: '100000000' } });
    const now = new Date();
    const m = server.dataSource.manager;
    const partner = (id: string, name: string, isReseller: boolean, isAdvisor: boolean) =>
      Object.assign(new Partner(), { id, name, countryCode: 'VN', isReseller, isAdvisor, createdAt: now });
    const big = partner('7000001', 'Big Reseller', true, false);
    const small = partner('7000002', 'Small Reseller', true, true);
    const advisors = [partner('8000001', 'Advisor One', false, true), partner('8000002', 'Advisor Two', false, true)];
    await m.insert(Partner, [big, small, ...advisors]);
    const offers = Array.from({ length: OFFERS_PER_TENANT }, (_, i) =>
      Object.assign(new Offer(), {
        id: newId(),
        sku: `QC-${i}`,
        name: `Query Count Offer ${i}`,
        minQuantity: 1,
        maxQuantity: 1000,
        unitPriceCents: 100 * (i + 1),
        terms: [{ termDuration: TermDuration.P1M, billingCycle: BillingCycle.MONTHLY, unitPriceCents: 100 * (i + 1) }],
        currency: 'USD',
        createdAt: now,
      }),
    );
    await m.insert(Offer, offers);
    await m.insert(
      OfferAuthorization,
      [big, small].flatMap((p) => offers.map((o) => ({ id: newId(), partnerId: p.id, offerId: o.id, createdAt: now }))),
    );

    // The big reseller has 50 customers; the small one 5 of them (tenants may have two resellers).
    const tenants = Array.from({ length: 50 }, (_, i) =>
      Object.assign(new Tenant(), {
        id: newId(),
        name: `Customer ${i}`,
        domain: `qc-${i}.example`,
        countryCode: 'TH',
        billingManagedById: i % 2 === 0 ? big.id : null,
        createdAt: now,
      }),
    );
    await m.insert(Tenant, tenants);
    await m.insert(ResellerRelationship, [
      ...tenants.map((t) => ({ id: newId(), partnerId: big.id, tenantId: t.id, createdAt: now })),
      ...tenants.slice(0, 5).map((t) => ({ id: newId(), partnerId: small.id, tenantId: t.id, createdAt: now })),
    ]);
    const subscriptions: Subscription[] = [];
    tenants.forEach((t, ti) => {
      // Tenant 0 has one subscription; the others up to 2 × OFFERS_PER_TENANT, every channel and partner mix.
      const count = ti === 0 ? 1 : 2 + ((ti * 7) % (2 * OFFERS_PER_TENANT - 1));
      for (let k = 0; k < count; k++) {
        const channel = k % 2 === 0 ? SubscriptionChannel.RESELLER : SubscriptionChannel.DIRECT;
        subscriptions.push(
          Object.assign(new Subscription(), {
            id: newId(),
            tenantId: t.id,
            offerId: offers[Math.floor(k / 2)].id,
            quantity: 1 + k,
            status: k === 3 ? SubscriptionStatus.SUSPENDED : SubscriptionStatus.ACTIVE,
            channel,
            resellerId: channel === SubscriptionChannel.RESELLER ? (ti < 5 && k % 4 === 0 ? small.id : big.id) : null,
            partnerOfRecordId: k % 3 === 0 ? advisors[(ti + k) % 2].id : k % 5 === 0 ? small.id : null,
            suspendedAt: k === 3 ? now : null,
            dataRetentionEndsAt: k === 3 ? new Date(now.getTime() + 90 * 86_400_000) : null,
            liveKey: LIVE,
            ...termAsOf(now, { termDuration: TermDuration.P1M, billingCycle: BillingCycle.MONTHLY }, 1 + k, now),
            version: 1,
            createdAt: now,
            updatedAt: now,
          }),
        );
      }
    });
    await m.insert(Subscription, subscriptions);
    tenantWithFew = tenants[0].id;
    tenantWithMany = tenants.find((_, i) => subscriptions.filter((s) => s.tenantId === tenants[i].id).length >= 10)!.id;
    bigToken = await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: big.id });
    smallToken = await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: small.id });
    // A token is verified (its partner looked up) once, then remembered: count what queries cost, not sign-in.
    for (const token of [bigToken, smallToken]) ok(await server.gql('{ viewer { subject } }', {}, token));
  });
  afterAll(() => server.stop());

  it('customers(first: 50) with subscriptions, offers, partners and relationships: ≤ 8 statements, same for 5 and 50 customers', async () => {
    const fifty = await statementsOf(CUSTOMERS, { first: 50 }, bigToken);
    const five = await statementsOf(CUSTOMERS, { first: 50 }, smallToken);
    const firstFive = await statementsOf(CUSTOMERS, { first: 5 }, bigToken);
    expect(fifty.data.customers.edges).toHaveLength(50);
    expect(five.data.customers.edges).toHaveLength(5);
    expect(firstFive.data.customers.edges).toHaveLength(5);
    const subscriptionsSeen = fifty.data.customers.edges.reduce((n, e) => n + e.node.subscriptions.edges.length, 0);
    expect(subscriptionsSeen).toBeGreaterThan(300);
    expect(fifty.statements.length).toBeLessThanOrEqual(8);
    expect(five.statements.length).toBe(fifty.statements.length);
    expect(firstFive.statements.length).toBe(fifty.statements.length);
    // Warm, the catalog and partner names come from the process cache: fewer statements, still fixed.
    const warm50 = await statementsOf(CUSTOMERS, { first: 50 }, bigToken, true);
    const warm5 = await statementsOf(CUSTOMERS, { first: 50 }, smallToken, true);
    expect(warm50.statements.length).toBeLessThan(fifty.statements.length);
    expect(warm5.statements.length).toBe(warm50.statements.length);
  });

  it('computes no totalCount unless asked for, and one COUNT per connection level when asked', async () => {
    const without = await statementsOf(CUSTOMERS, { first: 50 }, bigToken);
    expect(without.statements.filter((s) => /COUNT\(/i.test(s))).toHaveLength(0);
    const wide50 = await statementsOf(CUSTOMERS_WIDE, { first: 50 }, bigToken);
    const wide5 = await statementsOf(CUSTOMERS_WIDE, { first: 5 }, bigToken);
    expect(wide50.statements.filter((s) => /COUNT\(/i.test(s))).toHaveLength(2);
    expect(wide5.statements.length).toBe(wide50.statements.length);
    expect(wide50.statements.length).toBeLessThanOrEqual(14);
    // The small reseller is also partner of record: its relationship entries reach subscriptions one level deeper.
    const small = await statementsOf(CUSTOMERS_WIDE, { first: 50 }, smallToken);
    expect(small.data.customers.edges).toHaveLength(5);
    expect(small.statements.length).toBeLessThanOrEqual(14);
  });

  it('subscriptions(tenantId) runs the same statements for 1 subscription as for many', async () => {
    const few = await statementsOf(SUBSCRIPTIONS, { tenantId: tenantWithFew }, bigToken);
    const many = await statementsOf(SUBSCRIPTIONS, { tenantId: tenantWithMany }, bigToken);
    expect(few.data.subscriptions.edges).toHaveLength(1);
    expect(many.data.subscriptions.edges.length).toBeGreaterThanOrEqual(10);
    expect(many.statements.length).toBeLessThanOrEqual(8);
    expect(few.statements.length).toBe(many.statements.length);
  });

  it('paginates by keyset: a later page runs the same statements as the first', async () => {
    const first = await statementsOf(CUSTOMERS_PAGE, {}, bigToken);
    const later = await statementsOf(CUSTOMERS_PAGE, { after: first.data.customers.pageInfo.endCursor }, bigToken);
    expect(later.statements.length).toBe(first.statements.length);
    expect(later.statements.some((s) => /OFFSET/i.test(s))).toBe(false);
  });
});
