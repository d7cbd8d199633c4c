/**
 * Seed 000, section by section: a customer adds, changes, views and removes the partner of record
 * (advisor) on its subscriptions, and cannot remove its reseller. Everything goes over HTTP.
 */
import { codeOf, expectNothingChanged, ok, Role, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type FreshTenant, type Kit, type World } from './support/world';
import {
  ACCEPT_RESELLER_INVITATION,
  CHANGE_LICENSE_QUANTITY,
  CREATE_RESELLER_INVITATION,
  GET_AUDIT_EVENTS,
  GET_SUBSCRIPTION,
  PURCHASE_SUBSCRIPTION,
  REMOVE_ADVISOR_RELATIONSHIP,
  REMOVE_RESELLER_RELATIONSHIP,
  SET_PARTNER_OF_RECORD,
  SUSPEND_SUBSCRIPTION,
  VERIFY_PARTNER_ID,
} from './graphql/shared-definitions';
import { graphql } from './graphql/generated';

/** The relationships page: each partner with the subscriptions it is partner of record on. */
const RELATIONSHIPS_PAGE = graphql(`
  query RelationshipsPage($id: ID!) {
    tenant(id: $id) {
      id
      partnerRelationships { kinds viewerCanRemove partner { id name } subscriptions { id partnerOfRecord { id } } }
    }
  }
`);

describe('customer: partner of record (seed 000) over HTTP', () => {
  let server: TestServer;
  let world: World;
  let kit: Kit;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    kit = kitFor(server);
  });
  afterAll(() => server.stop());

  const relationshipsOf = async (tenantId: string, token: string) =>
    ok(await server.gql(RELATIONSHIPS_PAGE, { id: tenantId }, token)).tenant.partnerRelationships;

  const auditOf = async (tenantId: string, token: string, first = 10) =>
    ok(await server.gql(GET_AUDIT_EVENTS, { tenantId, first }, token)).auditEvents.edges.map((e) => e.node);

  const subscriptionAs = async (id: string, token: string) => ok(await server.gql(GET_SUBSCRIPTION, { id }, token)).subscription;

  /** An offer nobody else buys, so every test starts from a clean slate. */
  const freshOffer = () => kit.createOffer();

  /** Fresh offers, then one purchase of each by the tenant's global admin with these partners of record, in order. */
  const buyAdvised = async (tenant: FreshTenant, partnerIds: string[]) => {
    const offers = [];
    for (let i = 0; i < partnerIds.length; i++) offers.push(await freshOffer());
    const subscriptions = [];
    for (const [i, partnerId] of partnerIds.entries()) {
      subscriptions.push(await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: offers[i].id, quantity: 1, partnerId }));
    }
    return { offers, subscriptions };
  };

  describe('add a partner at purchase', () => {
    it('Check ID, then buy with the Partner ID: the subscription shows the partner of record', async () => {
      const tenant = await kit.createTenant('at-purchase');
      const offer = await freshOffer();

      // Check ID before buying (step 7: ask the partner for its ID and type it in).
      expect(ok(await server.gql(VERIFY_PARTNER_ID, { partnerId: world.partners.advisor }, tenant.tokens.global)).verifyPartnerId).toEqual({
        partnerId: world.partners.advisor,
        valid: true,
        partnerName: 'Northwind Advisory',
        reason: null,
      });

      const response = await server.gql(
        PURCHASE_SUBSCRIPTION,
        { input: { tenantId: tenant.id, offerId: offer.id, quantity: 10, partnerId: world.partners.advisor } },
        tenant.tokens.global,
      );
      const bought = ok(response).purchaseSubscription.subscription;
      expect(bought).toMatchObject({
        quantity: 10,
        status: 'ACTIVE',
        channel: 'DIRECT',
        version: 1,
        viewerCanManage: true,
        offer: { id: offer.id },
        reseller: null,
        partnerOfRecord: { id: world.partners.advisor, name: 'Northwind Advisory' },
        tenant: { id: tenant.id },
      });

      // The Partner ID shows on the subscription page, to every user of the tenant.
      expect((await subscriptionAs(bought.id, tenant.tokens.reader)).partnerOfRecord).toEqual({
        id: world.partners.advisor,
        name: 'Northwind Advisory',
      });

      // And the purchase is in the audit trail, with the partner of record in `after`.
      const [event] = await auditOf(tenant.id, tenant.tokens.global, 1);
      expect(event).toMatchObject({
        action: 'subscription.purchased',
        targetType: 'Subscription',
        targetId: bought.id,
        tenantId: tenant.id,
        before: null,
        after: { id: bought.id, partnerOfRecordId: world.partners.advisor, quantity: 10, status: 'ACTIVE', channel: 'DIRECT' },
        actor: { subject: `global@${tenant.domain}`, roles: ['TENANT_GLOBAL_ADMIN'], tenantId: tenant.id, partnerId: null },
      });
      expect(response.headers.get('x-request-id')).toBe(event.requestId);
    });

    it('a billing admin may add the partner at purchase too, and the advisor then sees that subscription', async () => {
      const tenant = await kit.createTenant('at-purchase-billing');
      const offer = await freshOffer();
      const bought = await kit.purchase(tenant.tokens.billing, {
        tenantId: tenant.id,
        offerId: offer.id,
        quantity: 3,
        partnerId: world.partners.both,
      });
      const seen = await subscriptionAs(bought.id, world.tokens.platform);
      expect(seen.partnerOfRecord).toEqual({ id: world.partners.both, name: 'Tailspin Partners' });
      // The advisor (partner of record) can read the subscription, but does not manage it.
      const advisorToken = await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: world.partners.both });
      expect(await subscriptionAs(bought.id, advisorToken)).toMatchObject({ id: bought.id, viewerCanManage: false });
    });
  });

  describe('add a partner to an existing subscription', () => {
    it('after Check ID, setPartnerOfRecord adds it; the version moves and an audit event records it', async () => {
      const tenant = await kit.createTenant('existing');
      const offer = await freshOffer();
      const bought = await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: offer.id, quantity: 2 });
      expect((await subscriptionAs(bought.id, tenant.tokens.global)).partnerOfRecord).toBeNull();

      const check = ok(await server.gql(VERIFY_PARTNER_ID, { partnerId: world.partners.advisor }, tenant.tokens.global)).verifyPartnerId;
      expect(check).toMatchObject({ valid: true, partnerName: 'Northwind Advisory' });

      const set = await server.gql(
        SET_PARTNER_OF_RECORD,
        { input: { subscriptionId: bought.id, partnerId: check.partnerId, expectedVersion: bought.version } },
        tenant.tokens.global,
      );
      expect(ok(set).setPartnerOfRecord.subscription).toMatchObject({
        id: bought.id,
        version: bought.version + 1,
        quantity: 2,
        status: 'ACTIVE',
        partnerOfRecord: { id: world.partners.advisor, name: 'Northwind Advisory' },
      });
      expect((await subscriptionAs(bought.id, tenant.tokens.reader)).partnerOfRecord).toEqual({
        id: world.partners.advisor,
        name: 'Northwind Advisory',
      });

      const [event] = await auditOf(tenant.id, tenant.tokens.global, 1);
      expect(event).toMatchObject({
        action: 'subscription.partnerOfRecordSet',
        targetType: 'Subscription',
        targetId: bought.id,
        tenantId: tenant.id,
        before: { partnerOfRecordId: null, version: 1 },
        after: { partnerOfRecordId: world.partners.advisor, version: 2 },
        actor: { subject: `global@${tenant.domain}`, roles: ['TENANT_GLOBAL_ADMIN'], tenantId: tenant.id },
      });
    });

    it('a billing admin may add it, without expectedVersion', async () => {
      const tenant = await kit.createTenant('existing-billing');
      const offer = await freshOffer();
      const bought = await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: offer.id, quantity: 2 });
      const set = ok(
        await server.gql(
          SET_PARTNER_OF_RECORD,
          { input: { subscriptionId: bought.id, partnerId: world.partners.advisor } },
          tenant.tokens.billing,
        ),
      ).setPartnerOfRecord.subscription;
      expect(set.partnerOfRecord).toEqual({ id: world.partners.advisor, name: 'Northwind Advisory' });
      const [event] = await auditOf(tenant.id, tenant.tokens.global, 1);
      expect(event).toMatchObject({
        action: 'subscription.partnerOfRecordSet',
        actor: { subject: `billing@${tenant.domain}`, roles: ['TENANT_BILLING_ADMIN'] },
      });
    });
  });

  describe('change the partner of a subscription', () => {
    it('setting another advisor replaces the old one, on the subscription and on the relationships page', async () => {
      const tenant = await kit.createTenant('change');
      const offer = await freshOffer();
      const bought = await kit.purchase(tenant.tokens.global, {
        tenantId: tenant.id,
        offerId: offer.id,
        quantity: 4,
        partnerId: world.partners.advisor,
      });
      expect((await relationshipsOf(tenant.id, tenant.tokens.global)).map((r) => r.partner.id)).toEqual([world.partners.advisor]);

      const check = ok(await server.gql(VERIFY_PARTNER_ID, { partnerId: world.partners.both }, tenant.tokens.global)).verifyPartnerId;
      expect(check).toEqual({ partnerId: world.partners.both, valid: true, partnerName: 'Tailspin Partners', reason: null });

      const changed = ok(
        await server.gql(
          SET_PARTNER_OF_RECORD,
          { input: { subscriptionId: bought.id, partnerId: world.partners.both, expectedVersion: 1 } },
          tenant.tokens.global,
        ),
      ).setPartnerOfRecord.subscription;
      expect(changed).toMatchObject({ version: 2, partnerOfRecord: { id: world.partners.both, name: 'Tailspin Partners' } });
      expect((await subscriptionAs(bought.id, tenant.tokens.reader)).partnerOfRecord!.id).toBe(world.partners.both);

      // The old advisor is no longer related, the new one is.
      const related = await relationshipsOf(tenant.id, tenant.tokens.global);
      expect(related).toEqual([
        {
          kinds: ['ADVISOR'],
          viewerCanRemove: true,
          partner: { id: world.partners.both, name: 'Tailspin Partners' },
          subscriptions: [{ id: bought.id, partnerOfRecord: { id: world.partners.both } }],
        },
      ]);
      // The old advisor lost its view of the subscription.
      expect(codeOf(await server.gql(GET_SUBSCRIPTION, { id: bought.id }, world.tokens.advisorAdmin))).toBe('NOT_FOUND');

      const [event] = await auditOf(tenant.id, tenant.tokens.global, 1);
      expect(event).toMatchObject({
        action: 'subscription.partnerOfRecordSet',
        before: { partnerOfRecordId: world.partners.advisor },
        after: { partnerOfRecordId: world.partners.both },
      });
    });
  });

  describe('view your partner relationships', () => {
    it('shows the empty state (an empty list, not an error) when the tenant has no partner', async () => {
      const tenant = await kit.createTenant('empty');
      for (const token of [tenant.tokens.global, tenant.tokens.billing, tenant.tokens.reader]) {
        const response = await server.gql(RELATIONSHIPS_PAGE, { id: tenant.id }, token);
        expect(response.errors).toBeUndefined();
        expect(response.data!.tenant.partnerRelationships).toEqual([]);
      }
      // Subscriptions without a partner of record do not relate any partner either.
      const offer = await freshOffer();
      await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: offer.id, quantity: 1 });
      expect(await relationshipsOf(tenant.id, tenant.tokens.global)).toEqual([]);
    });

    it('lists every advisor with the subscriptions it is partner of record on; only admins may remove', async () => {
      const tenant = await kit.createTenant('view');
      const {
        subscriptions: [s1, s2, s3],
      } = await buyAdvised(tenant, [world.partners.advisor, world.partners.advisor, world.partners.both]);

      const expected = (canRemove: boolean) => [
        {
          kinds: ['ADVISOR'],
          viewerCanRemove: canRemove,
          partner: { id: world.partners.advisor, name: 'Northwind Advisory' },
          subscriptions: [
            { id: s1.id, partnerOfRecord: { id: world.partners.advisor } },
            { id: s2.id, partnerOfRecord: { id: world.partners.advisor } },
          ],
        },
        {
          kinds: ['ADVISOR'],
          viewerCanRemove: canRemove,
          partner: { id: world.partners.both, name: 'Tailspin Partners' },
          subscriptions: [{ id: s3.id, partnerOfRecord: { id: world.partners.both } }],
        },
      ];
      expect(await relationshipsOf(tenant.id, tenant.tokens.global)).toEqual(expected(true));
      expect(await relationshipsOf(tenant.id, tenant.tokens.billing)).toEqual(expected(true));
      expect(await relationshipsOf(tenant.id, tenant.tokens.reader)).toEqual(expected(false));

      // Another tenant's admin cannot see the page at all.
      expect(codeOf(await server.gql(RELATIONSHIPS_PAGE, { id: tenant.id }, world.tokens.otherDirectGlobal))).toBe('NOT_FOUND');
    });

    it("a reseller's customer sees its reseller, greyed out (viewerCanRemove false)", async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin, 'view-reseller');
      for (const token of [customer.tokens.global, customer.tokens.reader]) {
        expect(await relationshipsOf(customer.id, token)).toEqual([
          {
            kinds: ['RESELLER'],
            viewerCanRemove: false,
            partner: { id: world.partners.reseller, name: 'Fabrikam Reseller' },
            subscriptions: [],
          },
        ]);
      }
    });
  });

  describe('remove a partner from a subscription', () => {
    it('setPartnerOfRecord with partnerId null removes it (the seed: clear the field, then Submit)', async () => {
      const tenant = await kit.createTenant('remove');
      const offer = await freshOffer();
      const bought = await kit.purchase(tenant.tokens.global, {
        tenantId: tenant.id,
        offerId: offer.id,
        quantity: 1,
        partnerId: world.partners.advisor,
      });
      const removed = ok(
        await server.gql(
          SET_PARTNER_OF_RECORD,
          { input: { subscriptionId: bought.id, partnerId: null, expectedVersion: 1 } },
          tenant.tokens.billing,
        ),
      ).setPartnerOfRecord.subscription;
      expect(removed).toMatchObject({ id: bought.id, version: 2, partnerOfRecord: null, status: 'ACTIVE' });
      expect((await subscriptionAs(bought.id, tenant.tokens.reader)).partnerOfRecord).toBeNull();
      expect(await relationshipsOf(tenant.id, tenant.tokens.global)).toEqual([]);

      const [event] = await auditOf(tenant.id, tenant.tokens.global, 1);
      expect(event).toMatchObject({
        action: 'subscription.partnerOfRecordRemoved',
        targetId: bought.id,
        before: { partnerOfRecordId: world.partners.advisor, version: 1 },
        after: { partnerOfRecordId: null, version: 2 },
        actor: { subject: `billing@${tenant.domain}`, roles: ['TENANT_BILLING_ADMIN'] },
      });
    });

    it('removeAdvisorRelationship clears that advisor from every subscription of the tenant, and only that one', async () => {
      const tenant = await kit.createTenant('remove-advisor');
      const {
        offers: [o1],
        subscriptions: [s1, s2, s3],
      } = await buyAdvised(tenant, [world.partners.advisor, world.partners.advisor, world.partners.both]);
      // A suspended subscription keeps its partner of record; removing the relationship clears it too.
      ok(await server.gql(SUSPEND_SUBSCRIPTION, { input: { subscriptionId: s2.id } }, tenant.tokens.global));

      // The same advisor on another tenant's subscription is left alone.
      const other = await kit.createTenant('remove-advisor-other');
      const elsewhere = await kit.purchase(other.tokens.global, {
        tenantId: other.id,
        offerId: o1.id,
        quantity: 1,
        partnerId: world.partners.advisor,
      });

      const payload = ok(
        await server.gql(
          REMOVE_ADVISOR_RELATIONSHIP,
          { input: { tenantId: tenant.id, partnerId: world.partners.advisor } },
          tenant.tokens.global,
        ),
      ).removeAdvisorRelationship;
      expect(payload.tenant).toEqual({
        id: tenant.id,
        partnerRelationships: [
          { kinds: ['ADVISOR'], viewerCanRemove: true, partner: { id: world.partners.both }, subscriptions: [{ id: s3.id }] },
        ],
      });
      expect((await subscriptionAs(s1.id, tenant.tokens.reader)).partnerOfRecord).toBeNull();
      expect(await subscriptionAs(s2.id, tenant.tokens.reader)).toMatchObject({ partnerOfRecord: null, status: 'SUSPENDED' });
      expect((await subscriptionAs(s3.id, tenant.tokens.reader)).partnerOfRecord).toEqual({
        id: world.partners.both,
        name: 'Tailspin Partners',
      });
      expect((await subscriptionAs(elsewhere.id, other.tokens.reader)).partnerOfRecord).toEqual({
        id: world.partners.advisor,
        name: 'Northwind Advisory',
      });
      // The advisor no longer sees the tenant's subscriptions; it still sees the other tenant's.
      expect(codeOf(await server.gql(GET_SUBSCRIPTION, { id: s1.id }, world.tokens.advisorAdmin))).toBe('NOT_FOUND');
      expect(ok(await server.gql(GET_SUBSCRIPTION, { id: elsewhere.id }, world.tokens.advisorAdmin)).subscription.id).toBe(elsewhere.id);

      // One audit event per subscription changed, by the admin who removed it.
      const events = (await auditOf(tenant.id, tenant.tokens.global, 2)).filter((e) => e.action === 'subscription.partnerOfRecordRemoved');
      expect(events.map((e) => e.targetId).sort()).toEqual([s1.id, s2.id].sort());
      for (const event of events) {
        expect(event).toMatchObject({
          before: { partnerOfRecordId: world.partners.advisor },
          after: { partnerOfRecordId: null },
          actor: { subject: `global@${tenant.domain}`, roles: ['TENANT_GLOBAL_ADMIN'], tenantId: tenant.id },
        });
      }

      // Removing it again: there is no such relationship any more, and nothing changes.
      await expectNothingChanged(server, async () => {
        const again = await server.gql(
          REMOVE_ADVISOR_RELATIONSHIP,
          { input: { tenantId: tenant.id, partnerId: world.partners.advisor } },
          tenant.tokens.global,
        );
        expect(codeOf(again)).toBe('NOT_FOUND');
      });
    });
  });

  describe('remove while others change the same subscriptions', () => {
    it('removeAdvisorRelationship is not refused by concurrent quantity changes, and loses none of them', async () => {
      const tenant = await kit.createTenant('remove-race');
      const offers = [await freshOffer(), await freshOffer()];
      const subs = [];
      for (const offer of offers) {
        subs.push(
          await kit.purchase(tenant.tokens.global, {
            tenantId: tenant.id,
            offerId: offer.id,
            quantity: 1,
            partnerId: world.partners.advisor,
          }),
        );
      }
      const changes = subs.flatMap((s) =>
        [2, 3, 4].map((quantity) =>
          server.gql(CHANGE_LICENSE_QUANTITY, { input: { subscriptionId: s.id, quantity } }, tenant.tokens.billing),
        ),
      );
      const [removal, ...rest] = await Promise.all([
        server.gql(
          REMOVE_ADVISOR_RELATIONSHIP,
          { input: { tenantId: tenant.id, partnerId: world.partners.advisor } },
          tenant.tokens.global,
        ),
        ...changes,
      ]);
      expect(removal.errors).toBeUndefined();
      for (const response of rest) expect(response.errors).toBeUndefined();
      for (const s of subs) {
        const after = await subscriptionAs(s.id, tenant.tokens.reader);
        // 1 purchase + 3 quantity changes + 1 removal.
        expect(after).toMatchObject({ version: 5, partnerOfRecord: null });
      }
      expect(await relationshipsOf(tenant.id, tenant.tokens.global)).toEqual([]);
    });
  });

  describe('remove a reseller relationship: the customer cannot', () => {
    it("refuses a reseller's customer with FORBIDDEN, telling it to ask the reseller; nothing changes", async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin, 'cannot-remove');
      for (const token of [customer.tokens.global, customer.tokens.billing]) {
        await expectNothingChanged(server, async () => {
          const response = await server.gql(
            REMOVE_RESELLER_RELATIONSHIP,
            { input: { tenantId: customer.id, partnerId: world.partners.reseller } },
            token,
          );
          expect(codeOf(response)).toBe('FORBIDDEN');
          expect(response.errors![0].message).toMatch(/ask your reseller/i);
          expect(response.data).toBeNull();
        });
      }
      // Trying through the advisor mutation does not work either, with the same advice.
      await expectNothingChanged(server, async () => {
        const response = await server.gql(
          REMOVE_ADVISOR_RELATIONSHIP,
          { input: { tenantId: customer.id, partnerId: world.partners.reseller } },
          customer.tokens.global,
        );
        expect(codeOf(response)).toBe('FORBIDDEN');
        expect(response.errors![0].message).toMatch(/ask your reseller/i);
      });
      // The relationship is still there, and still greyed out.
      expect(await relationshipsOf(customer.id, customer.tokens.global)).toEqual([
        {
          kinds: ['RESELLER'],
          viewerCanRemove: false,
          partner: { id: world.partners.reseller, name: 'Fabrikam Reseller' },
          subscriptions: [],
        },
      ]);
    });

    it('a partner that is both reseller and advisor: the customer removes only the advisor part', async () => {
      const tenant = await kit.createTenant('both-kinds');
      const bothAdmin = await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: world.partners.both });
      const code = ok(await server.gql(CREATE_RESELLER_INVITATION, { input: { expiresInDays: 7 } }, bothAdmin)).createResellerInvitation
        .invitation.code;
      ok(await server.gql(ACCEPT_RESELLER_INVITATION, { input: { code } }, tenant.tokens.global));
      const offer = await freshOffer();
      const bought = await kit.purchase(tenant.tokens.global, {
        tenantId: tenant.id,
        offerId: offer.id,
        quantity: 1,
        partnerId: world.partners.both,
      });

      expect(await relationshipsOf(tenant.id, tenant.tokens.global)).toEqual([
        {
          kinds: ['RESELLER', 'ADVISOR'],
          viewerCanRemove: true,
          partner: { id: world.partners.both, name: 'Tailspin Partners' },
          subscriptions: [{ id: bought.id, partnerOfRecord: { id: world.partners.both } }],
        },
      ]);

      ok(
        await server.gql(
          REMOVE_ADVISOR_RELATIONSHIP,
          { input: { tenantId: tenant.id, partnerId: world.partners.both } },
          tenant.tokens.global,
        ),
      );
      expect(await relationshipsOf(tenant.id, tenant.tokens.global)).toEqual([
        { kinds: ['RESELLER'], viewerCanRemove: false, partner: { id: world.partners.both, name: 'Tailspin Partners' }, subscriptions: [] },
      ]);

      // What remains is the reseller relationship, which only the reseller can end.
      await expectNothingChanged(server, async () => {
        const response = await server.gql(
          REMOVE_RESELLER_RELATIONSHIP,
          { input: { tenantId: tenant.id, partnerId: world.partners.both } },
          tenant.tokens.global,
        );
        expect(codeOf(response)).toBe('FORBIDDEN');
        expect(response.errors![0].message).toMatch(/ask your reseller/i);
      });
    });
  });

  describe('who may set the partner of record', () => {
    it('DIRECT subscriptions: the tenant’s global and billing admins; not its reader, nor any partner', async () => {
      const tenant = await kit.createTenant('who-direct');
      const offer = await freshOffer();
      const bought = await kit.purchase(tenant.tokens.global, { tenantId: tenant.id, offerId: offer.id, quantity: 1 });

      expect((await subscriptionAs(bought.id, tenant.tokens.global)).viewerCanManage).toBe(true);
      expect((await subscriptionAs(bought.id, tenant.tokens.billing)).viewerCanManage).toBe(true);
      expect((await subscriptionAs(bought.id, tenant.tokens.reader)).viewerCanManage).toBe(false);
      expect((await subscriptionAs(bought.id, world.tokens.platform)).viewerCanManage).toBe(false);

      let version = bought.version;
      for (const [token, partnerId] of [
        [tenant.tokens.global, world.partners.advisor],
        [tenant.tokens.billing, world.partners.both],
      ] as const) {
        const set = ok(
          await server.gql(SET_PARTNER_OF_RECORD, { input: { subscriptionId: bought.id, partnerId, expectedVersion: version } }, token),
        ).setPartnerOfRecord.subscription;
        expect(set.partnerOfRecord!.id).toBe(partnerId);
        version = set.version;
      }

      const refusals: [string, string][] = [
        [tenant.tokens.reader, 'FORBIDDEN'],
        [world.tokens.platform, 'FORBIDDEN'],
        [world.tokens.otherDirectGlobal, 'NOT_FOUND'],
        [world.tokens.resellerAdmin, 'NOT_FOUND'],
        // The partner of record itself reads the subscription but does not manage it.
        [await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: world.partners.both }), 'FORBIDDEN'],
      ];
      for (const [token, code] of refusals) {
        await expectNothingChanged(server, async () => {
          const response = await server.gql(SET_PARTNER_OF_RECORD, { input: { subscriptionId: bought.id, partnerId: null } }, token);
          expect(codeOf(response)).toBe(code);
        });
      }
      expect((await subscriptionAs(bought.id, tenant.tokens.reader)).partnerOfRecord!.id).toBe(world.partners.both);
    });

    it('RESELLER subscriptions: the selling reseller’s admin and sales agents; the customer’s admin gets FORBIDDEN', async () => {
      const customer = await kit.createCustomer(world.tokens.resellerAdmin, 'who-reseller');
      const bought = await kit.purchase(world.tokens.resellerSales, {
        tenantId: customer.id,
        offerId: world.offers.basic.id,
        quantity: 5,
      });
      expect(await subscriptionAs(bought.id, world.tokens.resellerAdmin)).toMatchObject({
        channel: 'RESELLER',
        reseller: { id: world.partners.reseller },
        viewerCanManage: true,
      });
      expect((await subscriptionAs(bought.id, world.tokens.resellerSales)).viewerCanManage).toBe(true);
      expect((await subscriptionAs(bought.id, world.tokens.resellerHelpdesk)).viewerCanManage).toBe(false);
      expect((await subscriptionAs(bought.id, customer.tokens.global)).viewerCanManage).toBe(false);
      expect((await subscriptionAs(bought.id, customer.tokens.billing)).viewerCanManage).toBe(false);

      const bySales = ok(
        await server.gql(
          SET_PARTNER_OF_RECORD,
          { input: { subscriptionId: bought.id, partnerId: world.partners.advisor } },
          world.tokens.resellerSales,
        ),
      ).setPartnerOfRecord.subscription;
      expect(bySales.partnerOfRecord).toEqual({ id: world.partners.advisor, name: 'Northwind Advisory' });
      const byAdmin = ok(
        await server.gql(
          SET_PARTNER_OF_RECORD,
          { input: { subscriptionId: bought.id, partnerId: world.partners.both } },
          world.tokens.resellerAdmin,
        ),
      ).setPartnerOfRecord.subscription;
      expect(byAdmin.partnerOfRecord).toEqual({ id: world.partners.both, name: 'Tailspin Partners' });
      const [event] = await auditOf(customer.id, customer.tokens.global, 1);
      expect(event).toMatchObject({
        action: 'subscription.partnerOfRecordSet',
        targetId: bought.id,
        actor: { roles: ['PARTNER_ADMIN_AGENT'], partnerId: world.partners.reseller, tenantId: null },
        before: { partnerOfRecordId: world.partners.advisor },
        after: { partnerOfRecordId: world.partners.both },
      });

      const refusals: [string, string][] = [
        [customer.tokens.global, 'FORBIDDEN'],
        [customer.tokens.billing, 'FORBIDDEN'],
        [customer.tokens.reader, 'FORBIDDEN'],
        [world.tokens.resellerHelpdesk, 'FORBIDDEN'],
        [world.tokens.otherResellerAdmin, 'NOT_FOUND'],
        [world.tokens.directGlobal, 'NOT_FOUND'],
      ];
      for (const [token, code] of refusals) {
        await expectNothingChanged(server, async () => {
          const response = await server.gql(
            SET_PARTNER_OF_RECORD,
            { input: { subscriptionId: bought.id, partnerId: world.partners.advisor } },
            token,
          );
          expect(codeOf(response)).toBe(code);
        });
      }
      // The customer's admin is told who manages it.
      const refused = await server.gql(
        SET_PARTNER_OF_RECORD,
        { input: { subscriptionId: bought.id, partnerId: null } },
        customer.tokens.global,
      );
      expect(refused.errors![0].message).toMatch(new RegExp(world.partners.reseller));
      expect((await subscriptionAs(bought.id, customer.tokens.reader)).partnerOfRecord!.id).toBe(world.partners.both);
    });
  });
});
