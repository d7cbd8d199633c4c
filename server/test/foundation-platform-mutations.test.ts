import { codeOf, expectNothingChanged, ok, startTestServer, type AnyOperation, type TestServer } from './support/harness';
import { buildWorld, type World } from './support/world';
import {
  AUTHORIZE_OFFER,
  CREATE_OFFER,
  CREATE_PARTNER,
  CREATE_TENANT,
  GET_AUDIT_EVENTS,
  REVOKE_OFFER_AUTHORIZATION,
} from './graphql/shared-definitions';

describe('platform-admin mutations', () => {
  let server: TestServer;
  let w: World;
  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
  });
  afterAll(() => server.stop());

  const operations = (): { name: string; query: AnyOperation; variables: Record<string, unknown> }[] => [
    { name: 'createTenant', query: CREATE_TENANT, variables: { input: { name: 'X', domain: 'x-corp.example', countryCode: 'US' } } },
    { name: 'createPartner', query: CREATE_PARTNER, variables: { input: { name: 'X', countryCode: 'US', capabilities: ['ADVISOR'] } } },
    {
      name: 'createOffer',
      query: CREATE_OFFER,
      variables: { input: { sku: 'X-1', name: 'X', minQuantity: 1, maxQuantity: 10, unitPriceCents: 100, currency: 'USD' } },
    },
    {
      name: 'authorizeOffer',
      query: AUTHORIZE_OFFER,
      variables: { input: { partnerId: w.partners.otherReseller, offerId: w.offers.e5.id } },
    },
    {
      name: 'revokeOfferAuthorization',
      query: REVOKE_OFFER_AUTHORIZATION,
      variables: { input: { partnerId: w.partners.reseller, offerId: w.offers.basic.id } },
    },
  ];

  it('every other role is refused with FORBIDDEN and nothing is written', async () => {
    const others = Object.entries(w.tokens).filter(([name]) => name !== 'platform');
    for (const op of operations()) {
      for (const [role, token] of others) {
        await expectNothingChanged(server, async () => {
          const response = await server.gql(op.query, op.variables, token);
          expect({ op: op.name, role, code: codeOf(response), data: response.data }).toEqual({
            op: op.name,
            role,
            code: 'FORBIDDEN',
            data: null,
          });
        });
      }
    }
  });

  it('a platform admin creates a tenant, a partner (with a generated Partner ID) and an offer, each audited', async () => {
    const tenant = ok(
      await server.gql(
        CREATE_TENANT,
        { input: { name: ' Fourth Coffee ', domain: 'FourthCoffee.Example', countryCode: 'vn' } },
        w.tokens.platform,
      ),
    ).createTenant.tenant;
    expect(tenant).toMatchObject({ name: 'Fourth Coffee', domain: 'fourthcoffee.example', countryCode: 'VN', billingManagedBy: null });
    const partner = ok(
      await server.gql(
        CREATE_PARTNER,
        { input: { name: 'Lucerne', countryCode: 'TH', capabilities: ['ADVISOR', 'RESELLER'] } },
        w.tokens.platform,
      ),
    ).createPartner.partner;
    expect(partner.id).toMatch(/^\d{6,10}$/);
    expect(partner.capabilities).toEqual(['RESELLER', 'ADVISOR']);
    const offer = ok(
      await server.gql(
        CREATE_OFFER,
        { input: { sku: 'visio-p2', name: 'Visio Plan 2', minQuantity: 1, maxQuantity: 500, unitPriceCents: 1500, currency: 'eur' } },
        w.tokens.platform,
      ),
    ).createOffer.offer;
    expect(offer).toMatchObject({ sku: 'VISIO-P2', currency: 'EUR', minQuantity: 1, maxQuantity: 500 });
    const trail = ok(await server.gql(GET_AUDIT_EVENTS, { first: 3 }, w.tokens.platform)).auditEvents.edges.map((e) => e.node);
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'offer.created',
        targetId: offer.id,
        before: null,
        after: expect.objectContaining({ sku: 'VISIO-P2' }),
      }),
      expect.objectContaining({ action: 'partner.created', targetId: partner.id }),
      expect.objectContaining({ action: 'tenant.created', targetId: tenant.id }),
    ]);
  });

  it('authorises and revokes an offer; doing either twice changes nothing more', async () => {
    const input = { partnerId: w.partners.otherReseller, offerId: w.offers.premium.id };
    const after = ok(await server.gql(AUTHORIZE_OFFER, { input }, w.tokens.platform)).authorizeOffer.partner.authorizedOffers;
    expect(after!.map((o) => o.sku).sort()).toEqual(['BASIC', 'PREMIUM']);
    await expectNothingChanged(server, async () => ok(await server.gql(AUTHORIZE_OFFER, { input }, w.tokens.platform)));
    const revoked = ok(await server.gql(REVOKE_OFFER_AUTHORIZATION, { input }, w.tokens.platform)).revokeOfferAuthorization.partner
      .authorizedOffers;
    expect(revoked!.map((o) => o.sku)).toEqual(['BASIC']);
    await expectNothingChanged(server, async () => ok(await server.gql(REVOKE_OFFER_AUTHORIZATION, { input }, w.tokens.platform)));
  });

  it('refuses to authorise an advisor-only partner (FAILED_PRECONDITION) or unknown ids (NOT_FOUND)', async () => {
    await expectNothingChanged(server, async () => {
      expect(
        codeOf(
          await server.gql(AUTHORIZE_OFFER, { input: { partnerId: w.partners.advisor, offerId: w.offers.basic.id } }, w.tokens.platform),
        ),
      ).toBe('FAILED_PRECONDITION');
      expect(
        codeOf(await server.gql(AUTHORIZE_OFFER, { input: { partnerId: '7777777', offerId: w.offers.basic.id } }, w.tokens.platform)),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(
          await server.gql(
            AUTHORIZE_OFFER,
            { input: { partnerId: w.partners.reseller, offerId: '01890000-0000-7000-8000-000000000000' } },
            w.tokens.platform,
          ),
        ),
      ).toBe('NOT_FOUND');
    });
  });

  const invalid: [string, AnyOperation, Record<string, unknown>, string][] = [
    ['tenant: empty name', CREATE_TENANT, { name: '   ', domain: 'ok.example', countryCode: 'US' }, 'name'],
    ['tenant: name too long', CREATE_TENANT, { name: 'x'.repeat(201), domain: 'ok.example', countryCode: 'US' }, 'name'],
    ['tenant: bad country', CREATE_TENANT, { name: 'X', domain: 'ok.example', countryCode: 'XX' }, 'countryCode'],
    ['tenant: bad domain', CREATE_TENANT, { name: 'X', domain: 'not a domain', countryCode: 'US' }, 'domain'],
    ['partner: id of letters', CREATE_PARTNER, { id: 'abc123', name: 'X', countryCode: 'US', capabilities: ['ADVISOR'] }, 'id'],
    ['partner: id too short', CREATE_PARTNER, { id: '12345', name: 'X', countryCode: 'US', capabilities: ['ADVISOR'] }, 'id'],
    ['partner: id too long', CREATE_PARTNER, { id: '12345678901', name: 'X', countryCode: 'US', capabilities: ['ADVISOR'] }, 'id'],
    ['partner: no capability', CREATE_PARTNER, { name: 'X', countryCode: 'US', capabilities: [] }, 'capabilities'],
    ['partner: empty name', CREATE_PARTNER, { name: '', countryCode: 'US', capabilities: ['ADVISOR'] }, 'name'],
    [
      'offer: min above max',
      CREATE_OFFER,
      { sku: 'A', name: 'A', minQuantity: 10, maxQuantity: 5, unitPriceCents: 1, currency: 'USD' },
      'maxQuantity',
    ],
    [
      'offer: zero min',
      CREATE_OFFER,
      { sku: 'A', name: 'A', minQuantity: 0, maxQuantity: 5, unitPriceCents: 1, currency: 'USD' },
      'minQuantity',
    ],
    [
      'offer: negative price',
      CREATE_OFFER,
      { sku: 'A', name: 'A', minQuantity: 1, maxQuantity: 5, unitPriceCents: -1, currency: 'USD' },
      'unitPriceCents',
    ],
    [
      'offer: bad currency',
      CREATE_OFFER,
      { sku: 'A', name: 'A', minQuantity: 1, maxQuantity: 5, unitPriceCents: 1, currency: 'DOLLARS' },
      'currency',
    ],
    [
      'offer: bad sku',
      CREATE_OFFER,
      { sku: 'has spaces', name: 'A', minQuantity: 1, maxQuantity: 5, unitPriceCents: 1, currency: 'USD' },
      'sku',
    ],
  ];
  it.each(invalid)('malformed input is BAD_USER_INPUT naming the field (%s)', async (_label, query, input, field) => {
    await expectNothingChanged(server, async () => {
      const response = await server.gql(query, { input }, w.tokens.platform);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(response.errors?.[0].message).toContain(field);
    });
  });

  it('a wrongly typed variable is BAD_USER_INPUT', async () => {
    await expectNothingChanged(server, async () => {
      const createOffer: AnyOperation = CREATE_OFFER; // minQuantity is an Int: sent as a string on purpose
      const response = await server.gql(
        createOffer,
        { input: { sku: 'A', name: 'A', minQuantity: 'one', maxQuantity: 5, unitPriceCents: 1, currency: 'USD' } },
        w.tokens.platform,
      );
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
    });
  });

  it('duplicate Partner ID, SKU and domain answer CONFLICT and write nothing', async () => {
    await expectNothingChanged(server, async () => {
      const partner = await server.gql(
        CREATE_PARTNER,
        { input: { id: w.partners.advisor, name: 'Dup', countryCode: 'US', capabilities: ['ADVISOR'] } },
        w.tokens.platform,
      );
      expect(partner.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
      const offer = await server.gql(
        CREATE_OFFER,
        { input: { sku: 'basic', name: 'Dup', minQuantity: 1, maxQuantity: 5, unitPriceCents: 1, currency: 'USD' } },
        w.tokens.platform,
      );
      expect(offer.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'sku' });
      const tenant = await server.gql(
        CREATE_TENANT,
        { input: { name: 'Dup', domain: 'CONTOSO.example', countryCode: 'US' } },
        w.tokens.platform,
      );
      expect(tenant.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'domain' });
    });
  });
});
