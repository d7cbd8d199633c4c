import { codeOf, expectNothingChanged, ok, Role, startTestServer, type TestServer } from './support/harness';
import { buildWorld, type World } from './support/world';
import { CREATE_CUSTOMER, PURCHASE_SUBSCRIPTION } from './graphql/shared-definitions';
import type { CreateCustomerInput, PurchaseSubscriptionInput } from './graphql/generated/graphql';
import { AuditEvent, IdempotencyKey, Subscription, Tenant } from '../src/entities';

/**
 * Issue 7, idempotency: keys live in the database with a hash of the input and the first result, scoped to
 * the caller. A replay returns the first result and creates nothing; another input answers CONFLICT;
 * concurrent requests with one key create exactly one record; keys are pruned after at least 24 hours.
 */

describe('idempotency keys', () => {
  let server: TestServer;
  let w: World;
  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
  });
  afterAll(() => server.stop());

  const keys = () => server.dataSource.getRepository(IdempotencyKey);
  const count = (entity: typeof Subscription | typeof Tenant | typeof AuditEvent | typeof IdempotencyKey, where: object = {}) =>
    server.dataSource.getRepository(entity as typeof Tenant).countBy(where);

  const purchase = (input: PurchaseSubscriptionInput, token = w.tokens.directBilling) =>
    server.gql(PURCHASE_SUBSCRIPTION, { input }, token);
  const createCustomer = (input: CreateCustomerInput, token = w.tokens.resellerAdmin) => server.gql(CREATE_CUSTOMER, { input }, token);

  it('stores the key with the first result; a replay returns that result and creates nothing', async () => {
    const input = { tenantId: w.tenants.direct, offerId: w.offers.basic.id, quantity: 3, idempotencyKey: 'purchase-basic-1' };
    const first = ok(await purchase(input)).purchaseSubscription.subscription;
    const row = await keys().findOneByOrFail({ key: 'purchase-basic-1' });
    expect(row).toMatchObject({ operation: 'purchaseSubscription', resultId: first.id });

    let replay: Awaited<ReturnType<typeof purchase>> | undefined;
    await expectNothingChanged(server, async () => {
      replay = await purchase(input);
    });
    expect(ok(replay!).purchaseSubscription.subscription).toEqual(first);
    expect(await count(Subscription, { tenantId: w.tenants.direct, offerId: w.offers.basic.id })).toBe(1);
    expect(await count(AuditEvent, { action: 'subscription.purchased', targetId: first.id })).toBe(1);
  });

  it('answers CONFLICT, changing nothing, when the key comes back with another input', async () => {
    const input = { tenantId: w.tenants.direct, offerId: w.offers.basic.id, quantity: 3, idempotencyKey: 'purchase-basic-1' };
    await expectNothingChanged(server, async () => {
      const response = await purchase({ ...input, quantity: 4 });
      expect(codeOf(response)).toBe('CONFLICT');
      expect(response.errors![0].extensions.field).toBe('idempotencyKey');
      expect(response.errors![0].message).toMatch(/idempotencyKey/);
    });
  });

  it('scopes keys to the caller: another caller’s identical key is a different request', async () => {
    const key = 'customer-key-shared';
    const mine = ok(await createCustomer({ name: 'Scoped One', domain: 'scoped-one.example', countryCode: 'VN', idempotencyKey: key }))
      .createCustomer.customer;
    // The sales agent of the same reseller is another caller: its key does not meet the admin’s.
    const theirs = ok(
      await createCustomer(
        { name: 'Scoped Two', domain: 'scoped-two.example', countryCode: 'VN', idempotencyKey: key },
        w.tokens.resellerSales,
      ),
    ).createCustomer.customer;
    expect(theirs.id).not.toBe(mine.id);
    expect(await keys().countBy({ key })).toBe(2);
    // Each caller replays its own.
    expect(
      ok(await createCustomer({ name: 'Scoped One', domain: 'scoped-one.example', countryCode: 'VN', idempotencyKey: key })).createCustomer
        .customer.id,
    ).toBe(mine.id);
  });

  it('treats an omitted optional field and an explicit null as the same input', async () => {
    const input = { tenantId: w.tenants.direct, offerId: w.offers.e5.id, quantity: 10, idempotencyKey: 'same-input-null' };
    const first = ok(await purchase(input)).purchaseSubscription.subscription;
    expect(ok(await purchase({ ...input, partnerId: null })).purchaseSubscription.subscription.id).toBe(first.id);
  });

  it('keeps no key when the first attempt is refused, so the key can be used once the input is fixed', async () => {
    await expectNothingChanged(server, async () => {
      const refused = await purchase({
        tenantId: w.tenants.direct,
        offerId: w.offers.premium.id,
        quantity: 1,
        idempotencyKey: 'fixed-later',
      });
      expect(codeOf(refused)).toBe('QUANTITY_OUT_OF_RANGE');
    });
    const fixed = await purchase({ tenantId: w.tenants.direct, offerId: w.offers.premium.id, quantity: 5, idempotencyKey: 'fixed-later' });
    expect(ok(fixed).purchaseSubscription.subscription.quantity).toBe(5);
  });

  it('validates the key: 1 to 255 characters', async () => {
    for (const idempotencyKey of ['', 'k'.repeat(256)]) {
      await expectNothingChanged(server, async () => {
        const response = await createCustomer({ name: 'Bad Key', domain: 'bad-key.example', countryCode: 'VN', idempotencyKey });
        expect(codeOf(response)).toBe('BAD_USER_INPUT');
        expect(response.errors![0].extensions.field).toBe('idempotencyKey');
      });
    }
    const longest = 'k'.repeat(255);
    const created = ok(await createCustomer({ name: 'Long Key', domain: 'long-key.example', countryCode: 'VN', idempotencyKey: longest }));
    expect(await keys().countBy({ key: longest })).toBe(1);
    expect(created.createCustomer.customer.domain).toBe('long-key.example');
  });

  it('creates exactly one record when 20 requests with one key race', async () => {
    const input = { name: 'Racing Customer', domain: 'racing.example', countryCode: 'TH', idempotencyKey: 'race-customer' };
    const responses = await Promise.all(Array.from({ length: 20 }, () => createCustomer(input)));
    const ids = new Set(responses.map((r) => ok(r).createCustomer.customer.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(await count(Tenant, { domain: 'racing.example' })).toBe(1);
    expect(await keys().countBy({ key: 'race-customer' })).toBe(1);
    expect(await count(AuditEvent, { action: 'tenant.created', targetId: id })).toBe(1);
  });

  it('creates exactly one subscription when 20 purchases with one key race', async () => {
    const input = { tenantId: w.tenants.otherDirect, offerId: w.offers.basic.id, quantity: 7, idempotencyKey: 'race-purchase' };
    const token = await server.token(Role.TENANT_BILLING_ADMIN, { tenantId: w.tenants.otherDirect });
    const responses = await Promise.all(Array.from({ length: 20 }, () => purchase(input, token)));
    const ids = new Set(responses.map((r) => ok(r).purchaseSubscription.subscription.id));
    expect(ids.size).toBe(1);
    expect(await count(Subscription, { tenantId: w.tenants.otherDirect })).toBe(1);
    expect(await count(AuditEvent, { action: 'subscription.purchased', tenantId: w.tenants.otherDirect })).toBe(1);
    expect(await keys().countBy({ key: 'race-purchase' })).toBe(1);
  });

  it('lets exactly one of racing requests with one key and different inputs win; the others get CONFLICT', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createCustomer({ name: `Contender ${i}`, domain: `contender-${i}.example`, countryCode: 'VN', idempotencyKey: 'race-different' }),
      ),
    );
    const winners = responses.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(new Set(responses.filter((r) => r.errors).map(codeOf))).toEqual(new Set(['CONFLICT']));
    expect(await server.dataSource.getRepository(Tenant).createQueryBuilder('t').where("t.domain LIKE 'contender-%'").getCount()).toBe(1);
  });

  it('keeps keys for at least 24 hours, then the lifecycle sweep prunes them', async () => {
    const input = { name: 'Pruned Customer', domain: 'pruned.example', countryCode: 'VN', idempotencyKey: 'prune-me' };
    const id = ok(await createCustomer(input)).createCustomer.customer.id;
    server.clock.advanceDays(23.9 / 24);
    await server.app.services.lifecycle.sweep();
    expect(await keys().countBy({ key: 'prune-me' })).toBe(1);
    expect(ok(await createCustomer(input)).createCustomer.customer.id).toBe(id);
    server.clock.advanceDays(0.2 / 24); // 24.1 hours after the key was stored
    const { prunedKeys } = await server.app.services.lifecycle.sweep();
    expect(prunedKeys).toBeGreaterThanOrEqual(1);
    expect(await keys().countBy({ key: 'prune-me' })).toBe(0);
    // Every key older than 24 hours is gone; the key no longer replays, so the same input is a new request.
    expect(await keys().count()).toBe(0);
    expect(codeOf(await createCustomer(input))).toBe('CONFLICT'); // the domain is taken by the first customer
  });
});
