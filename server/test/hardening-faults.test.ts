import {
  codeOf,
  dumpDatabase,
  expectNothingChanged,
  ok,
  startTestServer,
  type AnyOperation,
  type GraphQLResponse,
  type TestServer,
} from './support/harness';
import { buildWorld, type World } from './support/world';
import {
  ACCEPT_RESELLER_INVITATION,
  AUTHORIZE_OFFER,
  CHANGE_LICENSE_QUANTITY,
  CREATE_CUSTOMER,
  CREATE_OFFER,
  CREATE_PARTNER,
  CREATE_RESELLER_INVITATION,
  CREATE_TENANT,
  PURCHASE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
  REMOVE_ADVISOR_RELATIONSHIP,
  REMOVE_RESELLER_RELATIONSHIP,
  REVOKE_OFFER_AUTHORIZATION,
  SET_PARTNER_OF_RECORD,
  SUSPEND_SUBSCRIPTION,
} from './graphql/shared-definitions';
import type {
  CreateResellerInvitationMutation,
  CreateWebhookEndpointMutation,
  PurchaseSubscriptionMutation,
  SendTestWebhookMutation,
} from './graphql/generated/graphql';
import { CANCEL_SUBSCRIPTION, CLEAR_RENEWAL_CHANGE, SCHEDULE_RENEWAL_CHANGE, SET_AUTO_RENEW } from './graphql/term-definitions';
import {
  CREATE_WEBHOOK_ENDPOINT,
  DELETE_WEBHOOK_ENDPOINT,
  REDELIVER_WEBHOOK,
  ROTATE_WEBHOOK_SECRET,
  SEND_TEST_WEBHOOK,
  UPDATE_WEBHOOK_ENDPOINT,
} from './graphql/webhook-definitions';
import { testDatabaseKind, testMysqlUrl } from './support/database';
import { TcpProxy } from './support/tcp-proxy';
import { AuditEvent, IdempotencyKey } from '../src/entities';
import { ifSetUp } from './support/set-up';

/**
 * Issue 7, faults. With the database down, /readyz answers 503 and GraphQL INTERNAL_SERVER_ERROR with no
 * detail; the server recovers by itself when the database returns. A failure between a mutation's write
 * and its audit event leaves nothing behind: both are one transaction.
 *
 * MariaDB goes away for real: the server reaches it through a TCP proxy inside this test, which drops every
 * connection and refuses new ones while "down" (the shared MariaDB server itself is never touched).
 * SQLite is a file inside the process: while "down", every statement fails as a disk I/O error would
 * (ROLLBACK excepted, so that a transaction cut short can still be undone, as after a real I/O error).
 */

interface Outage {
  cut(): void;
  restore(): void;
}

/** SQLite: every statement but ROLLBACK fails with SQLITE_IOERR while cut. */
function sqliteOutage(server: TestServer): Outage {
  let down = false;
  server.dataSource.subscribers.push({
    beforeQuery: ({ query }: { query: string }) => {
      if (down && !/^\s*ROLLBACK/i.test(query)) {
        throw Object.assign(new Error('SQLITE_IOERR: disk I/O error'), { code: 'SQLITE_IOERR' });
      }
    },
  } as never);
  return {
    cut: () => {
      down = true;
    },
    restore: () => {
      down = false;
    },
  };
}

const PRODUCTION = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-characters' };
const GENERIC = 'An unexpected error occurred on the server. It has been logged; please retry later.';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`faults (${testDatabaseKind()})`, () => {
  let server: TestServer;
  let outage: Outage;
  let proxy: TcpProxy | undefined;
  let w: World;
  let base: string;
  const originalMysqlUrl = process.env.TEST_MYSQL_URL;

  beforeAll(async () => {
    if (testDatabaseKind() === 'mysql') {
      const target = new URL(testMysqlUrl());
      proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 3306) });
      await proxy.listen();
      const through = new URL(testMysqlUrl());
      through.hostname = '127.0.0.1';
      through.port = String(proxy.port);
      process.env.TEST_MYSQL_URL = through.toString().replace(/\/$/, '');
    }
    server = await startTestServer({ env: PRODUCTION });
    outage = proxy ?? sqliteOutage(server);
    w = await buildWorld(server);
    base = server.url.replace(/\/graphql$/, '');
  });

  afterAll(async () => {
    ifSetUp(outage)?.restore();
    await ifSetUp(server)?.stop();
    await proxy?.close();
    if (originalMysqlUrl === undefined) delete process.env.TEST_MYSQL_URL;
    else process.env.TEST_MYSQL_URL = originalMysqlUrl;
  });

  async function readyz() {
    const response = await fetch(`${base}/readyz`);
    return { status: response.status, body: await response.json() };
  }

  /** Polls /readyz: the server must notice by itself that the database is back. */
  async function waitUntilReady(timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { status } = await readyz();
      if (status === 200) return;
      if (Date.now() > deadline) throw new Error('the server did not become ready again');
      await sleep(200);
    }
  }

  const TENANTS = '{ tenants { totalCount } }';
  type Tenants = { tenants: { totalCount: number } };

  function expectInternalWithoutDetail(response: GraphQLResponse) {
    expect([200, 500, 503]).toContain(response.status);
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error.message).toBe(GENERIC);
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  }

  describe('with the database down and back', () => {
    let before: Awaited<ReturnType<typeof dumpDatabase>>;

    it('is ready while the database answers', async () => {
      expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', database: 'ok' } });
      before = await dumpDatabase(server.dataSource);
    });

    it('answers /readyz 503 while the database is down, and /healthz still 200', async () => {
      outage.cut();
      expect(await readyz()).toEqual({ status: 503, body: { status: 'unavailable', database: 'unreachable' } });
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    });

    it('answers queries and mutations with INTERNAL_SERVER_ERROR and no detail', async () => {
      expectInternalWithoutDetail(await server.gql(TENANTS, {}, w.tokens.platform));
      expectInternalWithoutDetail(
        await server.gql(CREATE_TENANT, { input: { name: 'Outage', domain: 'outage.example', countryCode: 'VN' } }, w.tokens.platform),
      );
      const purchase = await server.gql(
        PURCHASE_SUBSCRIPTION,
        { input: { tenantId: w.tenants.direct, offerId: w.offers.basic.id, quantity: 2, idempotencyKey: 'during-outage' } },
        w.tokens.directBilling,
      );
      expectInternalWithoutDetail(purchase);
      // What needs no database still works: authentication refusals, validation, limits.
      expect(codeOf(await server.gql(TENANTS, {}))).toBe('UNAUTHENTICATED');
      expect(codeOf(await server.gql('{ viewer { nope } }', {}, w.tokens.platform))).toBe('BAD_USER_INPUT');
    });

    it('recovers by itself when the database returns, without a restart, and nothing was written meanwhile', async () => {
      outage.restore();
      await waitUntilReady();
      expect(ok(await server.gql<Tenants>(TENANTS, {}, w.tokens.platform)).tenants.totalCount).toBe(3);
      expect(await dumpDatabase(server.dataSource)).toEqual(before);
      const created = await server.gql(
        CREATE_TENANT,
        { input: { name: 'After Outage', domain: 'after-outage.example', countryCode: 'VN' } },
        w.tokens.platform,
      );
      expect(ok(created).createTenant.tenant.id).toBeTruthy();
      // The idempotency key tried during the outage was never stored: it works now.
      const purchase = await server.gql(
        PURCHASE_SUBSCRIPTION,
        { input: { tenantId: w.tenants.direct, offerId: w.offers.basic.id, quantity: 2, idempotencyKey: 'during-outage' } },
        w.tokens.directBilling,
      );
      expect(ok(purchase).purchaseSubscription.subscription.id).toBeTruthy();
    });

    it('survives a second outage the same way', async () => {
      outage.cut();
      expect((await readyz()).status).toBe(503);
      expectInternalWithoutDetail(await server.gql(TENANTS, {}, w.tokens.platform));
      outage.restore();
      await waitUntilReady();
      expect(ok(await server.gql<Tenants>(TENANTS, {}, w.tokens.platform)).tenants.totalCount).toBe(4);
    });

    it('rolls back a mutation whose database goes away between its write and its audit event', async () => {
      const audit = server.app.services.audit;
      const original = audit.record;
      audit.record = async (...args: Parameters<typeof original>) => {
        outage.cut();
        return original.apply(audit, args);
      };
      const snapshot = await dumpDatabase(server.dataSource);
      try {
        const response = await server.gql(
          CREATE_TENANT,
          { input: { name: 'Cut Short', domain: 'cut-short.example', countryCode: 'VN' } },
          w.tokens.platform,
        );
        expectInternalWithoutDetail(response);
      } finally {
        audit.record = original;
        outage.restore();
      }
      await waitUntilReady();
      expect(await dumpDatabase(server.dataSource)).toEqual(snapshot);
      expect(
        ok(
          await server.gql(
            CREATE_TENANT,
            { input: { name: 'Cut Short', domain: 'cut-short.example', countryCode: 'VN' } },
            w.tokens.platform,
          ),
        ),
      ).toBeTruthy();
    });
  });

  describe('a failure injected between a mutation’s write and its audit event', () => {
    const state: { subscriptionId?: string; invitationCode?: string; endpointId?: string; deliveryId?: string } = {};

    /** Every mutation of SPEC §3 and §6, in an order where each finds the state it needs. */
    const mutations: {
      name: string;
      action: string;
      token: () => string;
      query: AnyOperation;
      input: () => Record<string, unknown>;
      /** Reads what the next mutations need from this one's answer (the generated result type of `query`). */
      after?: (data: unknown) => void;
    }[] = [
      {
        name: 'createTenant',
        action: 'tenant.created',
        token: () => w.tokens.platform,
        query: CREATE_TENANT,
        input: () => ({ name: 'Rollback Tenant', domain: 'rollback-tenant.example', countryCode: 'VN' }),
      },
      {
        name: 'createPartner',
        action: 'partner.created',
        token: () => w.tokens.platform,
        query: CREATE_PARTNER,
        input: () => ({ id: '7000001', name: 'Rollback Partner', countryCode: 'VN', capabilities: ['ADVISOR'] }),
      },
      {
        name: 'createOffer',
        action: 'offer.created',
        token: () => w.tokens.platform,
        query: CREATE_OFFER,
        input: () => ({ sku: 'ROLLBACK', name: 'Rollback Offer', minQuantity: 1, maxQuantity: 10, unitPriceCents: 100, currency: 'USD' }),
      },
      {
        name: 'authorizeOffer',
        action: 'offer.authorized',
        token: () => w.tokens.platform,
        query: AUTHORIZE_OFFER,
        input: () => ({ partnerId: w.partners.reseller, offerId: w.offers.e5.id }),
      },
      {
        name: 'revokeOfferAuthorization',
        action: 'offer.authorizationRevoked',
        token: () => w.tokens.platform,
        query: REVOKE_OFFER_AUTHORIZATION,
        input: () => ({ partnerId: w.partners.otherReseller, offerId: w.offers.basic.id }),
      },
      {
        name: 'createCustomer',
        action: 'tenant.created',
        token: () => w.tokens.resellerAdmin,
        query: CREATE_CUSTOMER,
        input: () => ({
          name: 'Rollback Customer',
          domain: 'rollback-customer.example',
          countryCode: 'TH',
          idempotencyKey: 'rollback-customer',
        }),
      },
      {
        name: 'createResellerInvitation',
        action: 'resellerInvitation.created',
        token: () => w.tokens.resellerAdmin,
        query: CREATE_RESELLER_INVITATION,
        input: () => ({ expiresInDays: 3 }),
        after: (data) => {
          state.invitationCode = (data as CreateResellerInvitationMutation).createResellerInvitation.invitation.code;
        },
      },
      {
        name: 'acceptResellerInvitation',
        action: 'resellerRelationship.created',
        token: () => w.tokens.directGlobal,
        query: ACCEPT_RESELLER_INVITATION,
        input: () => ({ code: state.invitationCode }),
      },
      {
        name: 'removeResellerRelationship',
        action: 'resellerRelationship.removed',
        token: () => w.tokens.resellerAdmin,
        query: REMOVE_RESELLER_RELATIONSHIP,
        input: () => ({ tenantId: w.tenants.direct, partnerId: w.partners.reseller }),
      },
      {
        name: 'purchaseSubscription',
        action: 'subscription.purchased',
        token: () => w.tokens.directBilling,
        query: PURCHASE_SUBSCRIPTION,
        input: () => ({ tenantId: w.tenants.direct, offerId: w.offers.premium.id, quantity: 5, idempotencyKey: 'rollback-purchase' }),
        after: (data) => {
          state.subscriptionId = (data as PurchaseSubscriptionMutation).purchaseSubscription.subscription.id;
        },
      },
      {
        name: 'setPartnerOfRecord',
        action: 'subscription.partnerOfRecordSet',
        token: () => w.tokens.directBilling,
        query: SET_PARTNER_OF_RECORD,
        input: () => ({ subscriptionId: state.subscriptionId, partnerId: w.partners.advisor }),
      },
      {
        name: 'removeAdvisorRelationship',
        action: 'subscription.partnerOfRecordRemoved',
        token: () => w.tokens.directGlobal,
        query: REMOVE_ADVISOR_RELATIONSHIP,
        input: () => ({ tenantId: w.tenants.direct, partnerId: w.partners.advisor }),
      },
      {
        name: 'changeLicenseQuantity',
        action: 'subscription.quantityChanged',
        token: () => w.tokens.directBilling,
        query: CHANGE_LICENSE_QUANTITY,
        input: () => ({ subscriptionId: state.subscriptionId, quantity: 9, expectedVersion: undefined }),
      },
      {
        name: 'suspendSubscription',
        action: 'subscription.suspended',
        token: () => w.tokens.directBilling,
        query: SUSPEND_SUBSCRIPTION,
        input: () => ({ subscriptionId: state.subscriptionId }),
      },
      {
        name: 'reactivateSubscription',
        action: 'subscription.reactivated',
        token: () => w.tokens.directBilling,
        query: REACTIVATE_SUBSCRIPTION,
        input: () => ({ subscriptionId: state.subscriptionId }),
      },
      // The term operations of SPEC §8, in an order each can succeed in (cancel last: it expires the subscription).
      {
        name: 'scheduleRenewalChange',
        action: 'subscription.renewalChangeScheduled',
        token: () => w.tokens.directBilling,
        query: SCHEDULE_RENEWAL_CHANGE,
        input: () => ({ subscriptionId: state.subscriptionId, quantity: 7 }),
      },
      {
        name: 'clearRenewalChange',
        action: 'subscription.renewalChangeCleared',
        token: () => w.tokens.directBilling,
        query: CLEAR_RENEWAL_CHANGE,
        input: () => ({ subscriptionId: state.subscriptionId }),
      },
      {
        name: 'setAutoRenew',
        action: 'subscription.autoRenewChanged',
        token: () => w.tokens.directBilling,
        query: SET_AUTO_RENEW,
        input: () => ({ subscriptionId: state.subscriptionId, autoRenew: false }),
      },
      {
        name: 'cancelSubscription',
        action: 'subscription.cancelled',
        token: () => w.tokens.directBilling,
        query: CANCEL_SUBSCRIPTION,
        input: () => ({ subscriptionId: state.subscriptionId }),
      },
      // The webhook operations of SPEC §6.
      {
        name: 'createWebhookEndpoint',
        action: 'webhookEndpoint.created',
        token: () => w.tokens.platform,
        query: CREATE_WEBHOOK_ENDPOINT,
        input: () => ({ url: 'https://93.184.215.14/rollback' }),
        after: (data) => {
          state.endpointId = (data as CreateWebhookEndpointMutation).createWebhookEndpoint.webhookEndpoint.id;
        },
      },
      {
        name: 'updateWebhookEndpoint',
        action: 'webhookEndpoint.updated',
        token: () => w.tokens.platform,
        query: UPDATE_WEBHOOK_ENDPOINT,
        input: () => ({ id: state.endpointId, description: 'rolled back' }),
      },
      {
        name: 'rotateWebhookSecret',
        action: 'webhookEndpoint.secretRotated',
        token: () => w.tokens.platform,
        query: ROTATE_WEBHOOK_SECRET,
        input: () => ({ id: state.endpointId }),
      },
      {
        name: 'sendTestWebhook',
        action: 'webhook.test',
        token: () => w.tokens.platform,
        query: SEND_TEST_WEBHOOK,
        input: () => ({ id: state.endpointId }),
        after: (data) => {
          state.deliveryId = (data as SendTestWebhookMutation).sendTestWebhook.delivery.id;
        },
      },
      {
        name: 'redeliverWebhook',
        action: 'webhookDelivery.redelivered',
        token: () => w.tokens.platform,
        query: REDELIVER_WEBHOOK,
        input: () => ({ deliveryId: state.deliveryId }),
      },
      {
        name: 'deleteWebhookEndpoint',
        action: 'webhookEndpoint.deleted',
        token: () => w.tokens.platform,
        query: DELETE_WEBHOOK_ENDPOINT,
        input: () => ({ id: state.endpointId }),
      },
    ];

    /** Makes the next audit.record throw, before or after its own insert; later calls pass. */
    function failNextAudit(when: 'before' | 'after') {
      const audit = server.app.services.audit;
      const original = audit.record;
      audit.record = async (...args: Parameters<typeof original>) => {
        audit.record = original;
        if (when === 'after') await original.apply(audit, args);
        throw new Error(`injected failure ${when} the audit event`);
      };
      return () => {
        audit.record = original;
      };
    }

    it.each(mutations.map((m) => [m.name, m] as const))(
      '%s: the write and its audit event commit together or not at all',
      async (_name, m) => {
        for (const when of ['before', 'after'] as const) {
          const undo = failNextAudit(when);
          try {
            await expectNothingChanged(server, async () => {
              expectInternalWithoutDetail(await server.gql(m.query, { input: m.input() }, m.token()));
            });
          } finally {
            undo();
          }
        }
        const events = await server.dataSource.getRepository(AuditEvent).countBy({ action: m.action });
        const keys = await server.dataSource.getRepository(IdempotencyKey).count();
        const data = ok(await server.gql(m.query, { input: m.input() }, m.token()));
        m.after?.(data);
        expect(await server.dataSource.getRepository(AuditEvent).countBy({ action: m.action })).toBeGreaterThan(events);
        if ('idempotencyKey' in m.input()) {
          expect(await server.dataSource.getRepository(IdempotencyKey).count()).toBe(keys + 1);
        }
      },
    );

    it('covered every mutation of the schema', async () => {
      const schema = await import('../src/graphql/schema').then((m) => m.buildTenantrySchema());
      const names = Object.keys(schema.getMutationType()!.getFields()).sort();
      // advanceTestClock is refused in production (this server's mode) before it writes anything.
      expect(mutations.map((m) => m.name).sort()).toEqual(names.filter((name) => name !== 'advanceTestClock'));
    });
  });
});
