/**
 * Seed 004 (reseller side), over HTTP: becoming a tenant's reseller through an invitation, and
 * ending the relationship (refused while the reseller's sales are active).
 *
 * The clock only moves forward in this file; tests that advance it create their own invitations.
 */
import { codeOf, expectNothingChanged, ok, Role, startTestServer, type AnyOperation, type TestServer } from './support/harness';
import { buildWorld, kitFor, type Kit, type World } from './support/world';
import {
  ACCEPT_RESELLER_INVITATION,
  CHANGE_LICENSE_QUANTITY,
  CREATE_RESELLER_INVITATION,
  GET_CUSTOMERS,
  GET_PARTNER_RELATIONSHIPS,
  GET_SUBSCRIPTION,
  GET_SUBSCRIPTIONS,
  GET_TENANT,
  PURCHASE_SUBSCRIPTION,
  QUOTE_SUBSCRIPTION,
  REACTIVATE_SUBSCRIPTION,
  REMOVE_RESELLER_RELATIONSHIP,
} from './graphql/shared-definitions';
import { graphql } from './graphql/generated';

/** The mutation with no input argument at all: every field of the input is optional. */
const INVITATION_WITHOUT_INPUT = graphql(`
  mutation InvitationWithoutInput {
    createResellerInvitation { invitation { code expiresAt createdAt } }
  }
`);

const DAY_MS = 86_400_000;

describe('reseller: relationships with customers', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
  });
  afterAll(() => server.stop());

  const invite = async (token: string, expiresInDays?: number) =>
    ok(await server.gql(CREATE_RESELLER_INVITATION, { input: expiresInDays === undefined ? {} : { expiresInDays } }, token))
      .createResellerInvitation.invitation;
  const accept = (code: string, token: string) => server.gql(ACCEPT_RESELLER_INVITATION, { input: { code } }, token);
  const customers = async (token: string) =>
    ok(await server.gql(GET_CUSTOMERS, { first: 100 }, token)).customers.edges.map((e) => e.node.id);

  describe('invitations (createResellerInvitation → acceptResellerInvitation)', () => {
    it('creates a code that lasts 7 days by default, or 1 to 30 days when asked', async () => {
      const byDefault = await invite(world.tokens.resellerAdmin);
      expect(byDefault).toMatchObject({ partner: { id: world.partners.reseller }, acceptedAt: null });
      expect(byDefault.code).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
      expect(Date.parse(byDefault.expiresAt) - Date.parse(byDefault.createdAt)).toBe(7 * DAY_MS);
      // Also without any input argument at all.
      const bare = ok(await server.gql(INVITATION_WITHOUT_INPUT, {}, world.tokens.resellerSales)).createResellerInvitation.invitation;
      expect(Date.parse(bare.expiresAt) - Date.parse(bare.createdAt)).toBe(7 * DAY_MS);
      expect(bare.code).not.toBe(byDefault.code);
      for (const days of [1, 30]) {
        const invitation = await invite(world.tokens.resellerSales, days);
        expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(days * DAY_MS);
      }
    });

    it.each([0, 31, -1])('refuses expiresInDays %p with BAD_USER_INPUT, creating nothing', async (days) => {
      await expectNothingChanged(server, async () => {
        const response = await server.gql(CREATE_RESELLER_INVITATION, { input: { expiresInDays: days } }, world.tokens.resellerAdmin);
        expect(codeOf(response)).toBe('BAD_USER_INPUT');
        expect(response.errors![0].extensions.field).toBe('expiresInDays');
      });
    });

    it('makes the partner the reseller of the tenant whose global admin accepts', async () => {
      const tenant = await kit.createTenant('Graphic Design Institute');
      const { code } = await invite(world.tokens.resellerAdmin);
      expect(await customers(world.tokens.resellerAdmin)).not.toContain(tenant.id);
      expect(codeOf(await server.gql(GET_TENANT, { id: tenant.id }, world.tokens.resellerAdmin))).toBe('NOT_FOUND');

      const relationship = ok(await accept(code, tenant.tokens.global)).acceptResellerInvitation.relationship;
      // Accepting makes it a reseller relationship; billing stays with the tenant (it was not created by the reseller).
      expect(relationship).toEqual({ partner: { id: world.partners.reseller }, tenant: { id: tenant.id, billingManagedBy: null } });
      expect(await customers(world.tokens.resellerAdmin)).toContain(tenant.id);
      expect(ok(await server.gql(GET_TENANT, { id: tenant.id }, world.tokens.resellerHelpdesk)).tenant.id).toBe(tenant.id);
      const related = ok(await server.gql(GET_PARTNER_RELATIONSHIPS, { id: tenant.id }, tenant.tokens.global)).tenant.partnerRelationships;
      expect(related).toEqual([{ partner: { id: world.partners.reseller }, kinds: ['RESELLER'], viewerCanRemove: false }]);
      const actions = (await kit.auditEvents(tenant.id)).map((e) => e.action);
      expect(actions[0]).toBe('resellerRelationship.created');

      // The reseller can now sell to it.
      expect(
        await kit.purchase(world.tokens.resellerSales, { tenantId: tenant.id, offerId: world.offers.basic.id, quantity: 3 }),
      ).toMatchObject({ channel: 'RESELLER' });
    });

    it('lets only the tenant’s global admin accept: billing admin, reader and partners get FORBIDDEN', async () => {
      const tenant = await kit.createTenant();
      const { code } = await invite(world.tokens.resellerAdmin);
      for (const token of [tenant.tokens.billing, tenant.tokens.reader, world.tokens.resellerAdmin, world.tokens.platform]) {
        await expectNothingChanged(server, async () => {
          expect(codeOf(await accept(code, token))).toBe('FORBIDDEN');
        });
      }
      // The code is still good for the global admin.
      ok(await accept(code, tenant.tokens.global));
    });

    it('uses a code once: a second acceptance, by anyone, is FAILED_PRECONDITION', async () => {
      const first = await kit.createTenant();
      const second = await kit.createTenant();
      const { code } = await invite(world.tokens.resellerAdmin);
      ok(await accept(code, first.tokens.global));
      for (const token of [second.tokens.global, first.tokens.global]) {
        await expectNothingChanged(server, async () => {
          const response = await accept(code, token);
          expect(codeOf(response)).toBe('FAILED_PRECONDITION');
          expect(response.errors![0].message).toMatch(/already been used/);
        });
      }
      expect(await customers(world.tokens.resellerAdmin)).not.toContain(second.id);
    });

    it('answers NOT_FOUND for a code nobody issued, and BAD_USER_INPUT for something that is not a code', async () => {
      const tenant = await kit.createTenant();
      await expectNothingChanged(server, async () => {
        expect(codeOf(await accept('NoSuchInvitationCode0000', tenant.tokens.global))).toBe('NOT_FOUND');
        const malformed = await accept('not a code!', tenant.tokens.global);
        expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
        expect(malformed.errors![0].extensions.field).toBe('code');
      });
    });

    it('expires codes: usable until expiresAt, FAILED_PRECONDITION afterwards', async () => {
      const early = await kit.createTenant();
      const late = await kit.createTenant();
      const lateOneDay = await kit.createTenant();
      const week = await invite(world.tokens.resellerAdmin);
      const weekToo = await invite(world.tokens.resellerAdmin);
      const oneDay = await invite(world.tokens.resellerSales, 1);

      server.clock.advanceDays(6);
      ok(await accept(week.code, early.tokens.global)); // day 6 of 7: still valid
      await expectNothingChanged(server, async () => {
        const response = await accept(oneDay.code, lateOneDay.tokens.global); // day 6 of 1
        expect(codeOf(response)).toBe('FAILED_PRECONDITION');
        expect(response.errors![0].message).toMatch(/expired/);
      });

      server.clock.advanceDays(1.01); // just past day 7
      await expectNothingChanged(server, async () => {
        expect(codeOf(await accept(weekToo.code, late.tokens.global))).toBe('FAILED_PRECONDITION');
      });
      const mine = await customers(world.tokens.resellerAdmin);
      expect(mine).toContain(early.id);
      expect(mine).not.toContain(late.id);
      expect(mine).not.toContain(lateOneDay.id);
    });

    it('refuses an invitation from a reseller the tenant already has (FAILED_PRECONDITION), keeping the code', async () => {
      const tenant = await kit.createTenant();
      await kit.invite(world.tokens.resellerAdmin, tenant.tokens.global);
      const { code } = await invite(world.tokens.resellerAdmin);
      await expectNothingChanged(server, async () => {
        expect(codeOf(await accept(code, tenant.tokens.global))).toBe('FAILED_PRECONDITION');
      });
      const other = await kit.createTenant();
      ok(await accept(code, other.tokens.global));
    });
  });

  describe('removeResellerRelationship', () => {
    const remove = (tenantId: string, partnerId: string, token: string) =>
      server.gql(REMOVE_RESELLER_RELATIONSHIP, { input: { tenantId, partnerId } }, token);

    it('is refused while any subscription the reseller sold is ACTIVE; afterwards the reseller loses all access', async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin, 'Margie’s Travel');
      const basic = await kit.purchase(world.tokens.resellerAdmin, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 5 });
      const premium = await kit.purchase(world.tokens.resellerAdmin, {
        tenantId: customer.id,
        offerId: world.offers.premium.id,
        quantity: 5,
      });

      // Both active, then one: refused, and nothing changes.
      for (const step of ['both active', 'one active']) {
        await expectNothingChanged(server, async () => {
          const response = await remove(customer.id, world.partners.reseller, world.tokens.resellerAdmin);
          expect({ step, code: codeOf(response) }).toEqual({ step, code: 'FAILED_PRECONDITION' });
          expect(response.errors![0].message).toMatch(/suspend/);
        });
        if (step === 'both active') await kit.suspend(world.tokens.resellerAdmin, basic.id);
      }
      await kit.suspend(world.tokens.resellerAdmin, premium.id);

      const removed = ok(await remove(customer.id, world.partners.reseller, world.tokens.resellerSales)).removeResellerRelationship.tenant;
      expect(removed).toEqual({ id: customer.id, billingManagedBy: null });

      // It leaves `customers`, and every read or change of it and its subscriptions is NOT_FOUND.
      for (const token of [world.tokens.resellerAdmin, world.tokens.resellerHelpdesk]) {
        expect(await customers(token)).not.toContain(customer.id);
        expect(codeOf(await server.gql(GET_TENANT, { id: customer.id }, token))).toBe('NOT_FOUND');
        expect(codeOf(await server.gql(GET_SUBSCRIPTIONS, { tenantId: customer.id }, token))).toBe('NOT_FOUND');
        expect(codeOf(await server.gql(GET_SUBSCRIPTION, { id: basic.id }, token))).toBe('NOT_FOUND');
      }
      await expectNothingChanged(server, async () => {
        for (const [document, input] of [
          [REACTIVATE_SUBSCRIPTION, { subscriptionId: basic.id }],
          [CHANGE_LICENSE_QUANTITY, { subscriptionId: premium.id, quantity: 6 }],
          [PURCHASE_SUBSCRIPTION, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 1 }],
          [QUOTE_SUBSCRIPTION, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 1 }],
          [REMOVE_RESELLER_RELATIONSHIP, { tenantId: customer.id, partnerId: world.partners.reseller }],
        ] as [AnyOperation, object][]) {
          expect(codeOf(await server.gql(document, { input }, world.tokens.resellerAdmin))).toBe('NOT_FOUND');
        }
      });

      // The customer now manages its own billing, and still sees its (suspended) subscriptions.
      const seen = ok(await server.gql(GET_TENANT, { id: customer.id }, customer.tokens.global)).tenant;
      expect(seen.billingManagedBy).toBeNull();
      expect(seen.subscriptions.edges.map((e) => e.node.status)).toEqual(['SUSPENDED', 'SUSPENDED']);
      const related = ok(await server.gql(GET_PARTNER_RELATIONSHIPS, { id: customer.id }, customer.tokens.global)).tenant
        .partnerRelationships;
      expect(related).toEqual([]);
      expect(
        await kit.purchase(customer.tokens.billing, { tenantId: customer.id, offerId: world.offers.basic.id, quantity: 2 }),
      ).toMatchObject({ channel: 'DIRECT', viewerCanManage: true });

      const actions = (await kit.auditEvents(customer.id)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['resellerRelationship.removed', 'tenant.billingManagerCleared']));
    });

    it('is not blocked by direct or other resellers’ active subscriptions, and leaves those relationships alone', async () => {
      const tenant = await kit.createTenant('School of Fine Art');
      await kit.invite(world.tokens.resellerAdmin, tenant.tokens.global);
      await kit.invite(world.tokens.otherResellerAdmin, tenant.tokens.global);
      const direct = await kit.purchase(tenant.tokens.billing, { tenantId: tenant.id, offerId: world.offers.e5.id, quantity: 50 });
      const theirs = await kit.purchase(world.tokens.otherResellerAdmin, {
        tenantId: tenant.id,
        offerId: world.offers.basic.id,
        quantity: 5,
      });
      const ours = await kit.purchase(world.tokens.resellerAdmin, { tenantId: tenant.id, offerId: world.offers.premium.id, quantity: 5 });
      await kit.suspend(world.tokens.resellerAdmin, ours.id);

      const removed = ok(await remove(tenant.id, world.partners.reseller, world.tokens.resellerAdmin)).removeResellerRelationship.tenant;
      expect(removed).toEqual({ id: tenant.id, billingManagedBy: null });
      expect(await customers(world.tokens.otherResellerAdmin)).toContain(tenant.id);
      expect((await kit.read(world.tokens.otherResellerAdmin, theirs.id)).viewerCanManage).toBe(true);
      expect((await kit.read(tenant.tokens.billing, direct.id)).viewerCanManage).toBe(true);
      expect(codeOf(await server.gql(GET_SUBSCRIPTION, { id: direct.id }, world.tokens.resellerAdmin))).toBe('NOT_FOUND');

      // The reseller can be invited again later.
      await kit.invite(world.tokens.resellerAdmin, tenant.tokens.global);
      expect(await customers(world.tokens.resellerAdmin)).toContain(tenant.id);
    });

    it('refuses the customer removing its reseller (FORBIDDEN), and a reseller removing another’s (FORBIDDEN)', async () => {
      const tenant = await kit.createTenant();
      await kit.invite(world.tokens.resellerAdmin, tenant.tokens.global);
      await kit.invite(world.tokens.otherResellerAdmin, tenant.tokens.global);
      await expectNothingChanged(server, async () => {
        for (const token of [tenant.tokens.global, tenant.tokens.billing]) {
          const response = await remove(tenant.id, world.partners.reseller, token);
          expect(codeOf(response)).toBe('FORBIDDEN');
          expect(response.errors![0].message).toMatch(/ask your reseller/);
        }
        expect(codeOf(await remove(tenant.id, world.partners.otherReseller, world.tokens.resellerAdmin))).toBe('FORBIDDEN');
        expect(codeOf(await remove(tenant.id, world.partners.reseller, world.tokens.resellerHelpdesk))).toBe('FORBIDDEN');
      });
    });

    it('answers NOT_FOUND to a reseller that is not the tenant’s reseller', async () => {
      const tenant = await kit.createTenant();
      await kit.invite(world.tokens.resellerAdmin, tenant.tokens.global);
      await expectNothingChanged(server, async () => {
        expect(codeOf(await remove(tenant.id, world.partners.otherReseller, world.tokens.otherResellerAdmin))).toBe('NOT_FOUND');
        expect(
          codeOf(
            await remove(
              tenant.id,
              world.partners.advisor,
              await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: world.partners.advisor }),
            ),
          ),
        ).toBe('NOT_FOUND');
      });
    });
  });
});
