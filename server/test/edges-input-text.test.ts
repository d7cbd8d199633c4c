/**
 * Issue 11, defects 3, 4 and 9 (SPEC §3 "Input text and identifiers"), over HTTP. Both databases get the
 * same inputs and must give the same answers: exact strings (idempotency keys, invitation codes) compare
 * byte for byte, domains ignore case and one trailing dot, names are counted in code points after NFC and
 * may not be invisible, and search ignores case for every Unicode letter.
 */
import { codeOf, expectNothingChanged, ok, Role, startTestServer, type GraphQLResponse, type TestServer } from './support/harness';
import { buildWorld, unique, type World } from './support/world';
import {
  ACCEPT_RESELLER_INVITATION,
  CREATE_CUSTOMER,
  CREATE_OFFER,
  CREATE_PARTNER,
  CREATE_RESELLER_INVITATION,
  CREATE_TENANT,
  GET_AUDIT_EVENTS,
  AUTHORIZE_OFFER,
  GET_CUSTOMERS,
  GET_PARTNER,
  GET_TENANTS,
  GET_VIEWER,
  PURCHASE_SUBSCRIPTION,
  REMOVE_ADVISOR_RELATIONSHIP,
  REMOVE_RESELLER_RELATIONSHIP,
  REVOKE_OFFER_AUTHORIZATION,
  VERIFY_PARTNER_ID,
} from './graphql/shared-definitions';

describe('input text and identifiers (issue 11)', () => {
  let server: TestServer;
  let w: World;
  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
  });
  afterAll(() => server.stop());

  const createTenant = (name: string, domain = `${unique('t')}.example`) =>
    server.gql(CREATE_TENANT, { input: { name, domain, countryCode: 'VN' } }, w.tokens.platform);
  const createCustomer = (name: string, extra: { domain?: string; idempotencyKey?: string } = {}) =>
    server.gql(CREATE_CUSTOMER, { input: { name, domain: `${unique('c')}.example`, countryCode: 'TH', ...extra } }, w.tokens.resellerAdmin);
  const createPartner = (name: string) =>
    server.gql(CREATE_PARTNER, { input: { name, countryCode: 'VN', capabilities: ['ADVISOR'] } }, w.tokens.platform);
  const createOffer = (name: string) =>
    server.gql(
      CREATE_OFFER,
      { input: { sku: unique('SKU'), name, minQuantity: 1, maxQuantity: 10, unitPriceCents: 100, currency: 'USD' } },
      w.tokens.platform,
    );

  /** Every mutation that takes a name, and (run to success) the created object its answer keeps. */
  const namedCreations: [string, (name: string) => Promise<GraphQLResponse>, (name: string) => Promise<{ name: string }>][] = [
    ['createTenant', createTenant, async (name) => ok(await createTenant(name)).createTenant.tenant],
    ['createCustomer', createCustomer, async (name) => ok(await createCustomer(name)).createCustomer.customer],
    ['createPartner', createPartner, async (name) => ok(await createPartner(name)).createPartner.partner],
    ['createOffer', createOffer, async (name) => ok(await createOffer(name)).createOffer.offer],
  ];

  async function expectRefused(act: () => Promise<GraphQLResponse>, field: string) {
    await expectNothingChanged(server, async () => {
      const response = await act();
      expect({ code: codeOf(response), field: response.errors?.[0].extensions.field }).toEqual({ code: 'BAD_USER_INPUT', field });
    });
  }

  describe('defect 3: exact strings compare byte for byte; domains ignore case and the trailing dot', () => {
    // Pairs a case-, accent- or pad-insensitive collation takes for one value (utf8mb4_general_ci/unicode_ci do).
    const lookalikeKeys: [string, string][] = [
      ['Key-x', 'KEY-x'],
      ['pad-x', 'pad-x '],
      ['cafe', 'café'],
      ['café', 'cafe\u0301'],
      ['🍎', '🍌'],
    ];

    it.each(lookalikeKeys)('treats idempotency keys %j and %j as two keys', async (first, second) => {
      // A prefix keeps each pair's keys apart from the other pairs' (a trailing one would spoil "pad-x ").
      const prefix = `${unique('pair')}:`;
      const one = ok(await createCustomer('Key Owner One', { idempotencyKey: prefix + first })).createCustomer.customer;
      const input = { domain: `${unique('k')}.example`, idempotencyKey: prefix + second };
      const two = ok(await createCustomer('Key Owner Two', input)).createCustomer.customer;
      expect(two.id).not.toBe(one.id);
      // Each key keeps its own first result.
      await expectNothingChanged(server, async () => {
        expect(ok(await createCustomer('Key Owner Two', input)).createCustomer.customer.id).toBe(two.id);
      });
    });

    it('refuses an invitation code with its case swapped as unknown, or padded as malformed, and accepts the exact code', async () => {
      const { code } = ok(await server.gql(CREATE_RESELLER_INVITATION, { input: {} }, w.tokens.resellerAdmin)).createResellerInvitation
        .invitation;
      const swapped = [...code].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
      expect(swapped).not.toBe(code);
      const tenant = ok(await createTenant('Invited Tenant')).createTenant.tenant;
      const admin = await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: tenant.id });
      const accept = (attempt: string) => server.gql(ACCEPT_RESELLER_INVITATION, { input: { code: attempt } }, admin);
      await expectNothingChanged(server, async () => {
        expect(codeOf(await accept(swapped))).toBe('NOT_FOUND');
      });
      // No trailing-space equivalence either: a padded code is not a code this API issues.
      for (const padded of [`${code} `, ` ${code}`]) await expectRefused(() => accept(padded), 'code');
      ok(await accept(code));
    });

    it('stores a domain lower-case without its trailing dot, and takes Contoso.Example. for contoso.example', async () => {
      const label = unique('contoso');
      const created = ok(await createTenant('Contoso Dot', `${label.toUpperCase()}.Example.`)).createTenant.tenant;
      expect(created.domain).toBe(`${label}.example`);
      for (const taken of [`${label}.example`, `${label}.EXAMPLE.`, ` ${label}.example `]) {
        await expectNothingChanged(server, async () => {
          const response = await createTenant('Contoso Again', taken);
          expect({ code: codeOf(response), field: response.errors?.[0].extensions.field }).toEqual({ code: 'CONFLICT', field: 'domain' });
        });
      }
      for (const malformed of [`${label}.example..`, `.${label}.example`, `${label}.exämple`]) {
        await expectRefused(() => createTenant('Contoso Bad', malformed), 'domain');
      }
    });
  });

  describe('defect 4: lengths are counted as the database counts them', () => {
    // Each is over 200 code points once NFC-normalised, though validator.js counts 200 or fewer.
    const tooLong: [string, string][] = [
      ['200 letters and a variation selector', `${'a'.repeat(200)}\uFE0F`],
      ['199 letters and a red heart with its selector', `${'a'.repeat(199)}❤️`],
      ['101 letters NFC writes as two code points each', '\u0958'.repeat(101)],
    ];
    // Each is 200 code points once NFC-normalised, however many UTF-16 units or raw code points it has.
    const longest: [string, string, string][] = [
      ['200 ASCII letters', 'a'.repeat(200), 'a'.repeat(200)],
      ['100 letters and 100 emoji (300 UTF-16 units)', 'a👍'.repeat(100), 'a👍'.repeat(100)],
      ['200 decomposed letters (400 code points before NFC)', 'e\u0301'.repeat(200), 'é'.repeat(200)],
    ];

    it.each(namedCreations)('%s refuses a name over 200 code points with BAD_USER_INPUT on name', async (_mutation, create) => {
      for (const [, name] of tooLong) await expectRefused(() => create(name), 'name');
    });

    it.each(namedCreations)('%s accepts a name of 200 code points and answers it NFC-normalised', async (_mutation, _create, created) => {
      for (const [, name, stored] of longest) expect((await created(name)).name).toBe(stored);
    });

    it('counts idempotency keys in code points too: 255 emoji fit, 255 letters and a selector do not', async () => {
      ok(await createCustomer('Emoji Key', { idempotencyKey: '🍎'.repeat(255) }));
      await expectRefused(() => createCustomer('Long Key', { idempotencyKey: `${'k'.repeat(255)}\uFE0F` }), 'idempotencyKey');
      await expectRefused(() => createCustomer('Broken Key', { idempotencyKey: 'half a pair \ud83c' }), 'idempotencyKey');
    });
  });

  describe('defect 9: names must be visible text; search ignores case for every letter', () => {
    const invisible: [string, string][] = [
      ['two zero-width spaces', '\u200B\u200B'],
      ['a right-to-left override', '\u202E'],
      ['a lone combining accent', '\u0301'],
      ['a zero-width space inside letters', 'Acme\u200BCorp'],
      ['a bidirectional override inside letters', 'Acme \u202Ecorp'],
      ['a line break', 'Acme\nCorp'],
      ['punctuation only', '-- . --'],
      ['blank', '   '],
      ['half a surrogate pair', 'Acme \ud83c'],
    ];

    it.each(namedCreations)('%s refuses invisible or controlling names with BAD_USER_INPUT on name', async (_mutation, create) => {
      for (const [, name] of invisible) await expectRefused(() => create(name), 'name');
    });

    it('trims names and stores them NFC-normalised; the search key stays out of the audit trail', async () => {
      const tenant = ok(await createTenant('  Cafe\u0301 Ltd\t')).createTenant.tenant;
      expect(tenant.name).toBe('Café Ltd');
      expect(ok(await createPartner(' Ölwerk 1 ')).createPartner.partner.name).toBe('Ölwerk 1');
      const audit = ok(await server.gql(GET_AUDIT_EVENTS, { tenantId: tenant.id }, w.tokens.platform)).auditEvents.edges;
      const created = audit.find((e) => e.node.action === 'tenant.created')!.node.after!;
      expect(created).toMatchObject({ id: tenant.id, name: 'Café Ltd' });
      expect(Object.keys(created)).not.toContain('nameFolded');
    });

    it('finds a tenant by its name in any case, composed or decomposed, on both databases', async () => {
      const label = unique('ecole');
      const ecole = ok(await createTenant('École Öst', `${label}.example`)).createTenant.tenant;
      const greek = ok(await createTenant('Οδός Σ Ltd')).createTenant.tenant;
      const german = ok(await createTenant('Straße Äpfel')).createTenant.tenant;
      const found = async (search: string) =>
        ok(await server.gql(GET_TENANTS, { search }, w.tokens.platform)).tenants.edges.map((e) => e.node.id);
      for (const search of ['École Öst', 'école öst', 'ÉCOLE', 'E\u0301COLE ÖST', label.toUpperCase()]) {
        expect({ search, found: await found(search) }).toEqual({ search, found: [ecole.id] });
      }
      expect(await found('ecole ost')).toEqual([]); // accents are letters of their own
      for (const search of ['ΟΔΌΣ Σ', 'οδόσ σ', 'οδός'])
        expect({ search, found: await found(search) }).toEqual({ search, found: [greek.id] });
      for (const search of ['STRASSE ÄPFEL', 'straße äpfel', 'strasse']) {
        expect({ search, found: await found(search) }).toEqual({ search, found: [german.id] });
      }
      // 150 emoji are 300 UTF-16 units but 150 characters: within the 200 a search may have.
      expect(await found('👍'.repeat(150))).toEqual([]);
      await expectRefused(() => server.gql(GET_TENANTS, { search: 'a'.repeat(201) }, w.tokens.platform), 'search');
    });

    it('searches a reseller’s customers the same way', async () => {
      const customer = ok(await createCustomer('Ärzte Ørsted Ltd')).createCustomer.customer;
      const found = async (search: string) =>
        ok(await server.gql(GET_CUSTOMERS, { search, first: 100 }, w.tokens.resellerAdmin)).customers.edges.map((e) => e.node.id);
      for (const search of ['ärzte ørsted', 'ÄRZTE ØRSTED', 'A\u0308RZTE']) {
        expect({ search, found: await found(search) }).toEqual({ search, found: [customer.id] });
      }
    });
  });

  describe('SPEC §9: one text rule for search, names and sub; one Partner ID rule', () => {
    // NUL, another C0 control, DEL, a C1 control, and a lone surrogate of each kind.
    const unstorable: [string, string][] = [
      ['NUL', 'a\u0000b'],
      ['a C0 control (BEL)', 'a\u0007b'],
      ['DEL', 'a\u007fb'],
      ['a C1 control (NEL)', 'a\u0085b'],
      ['a lone high surrogate', 'a\ud800b'],
      ['a lone low surrogate', 'a\udc00b'],
    ];

    it.each(unstorable)('tenants(search:) refuses %s with BAD_USER_INPUT on search, alike on both databases', (_what, text) =>
      expectRefused(() => server.gql(GET_TENANTS, { search: text }, w.tokens.platform), 'search'),
    );

    it.each(unstorable)('customers(search:) refuses %s with BAD_USER_INPUT on search', (_what, text) =>
      expectRefused(() => server.gql(GET_CUSTOMERS, { search: text, first: 10 }, w.tokens.resellerAdmin), 'search'),
    );

    it.each(unstorable)('every mutation that takes a name refuses %s in it', async (_what, text) => {
      for (const [, create] of namedCreations) await expectRefused(() => create(`Name ${text}`), 'name');
    });

    it.each(unstorable)('a token whose sub holds %s is UNAUTHENTICATED, and nothing is recorded for it', async (_what, text) => {
      const token = await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId: w.tenants.direct, subject: `user${text}@contoso.example` });
      await expectNothingChanged(server, async () => {
        const response = await server.gql(GET_VIEWER, {}, token);
        expect([codeOf(response), response.errors?.[0].message]).toEqual(['UNAUTHENTICATED', expect.stringMatching(/subject \(sub\)/)]);
        const purchase = await server.gql(
          PURCHASE_SUBSCRIPTION,
          { input: { tenantId: w.tenants.direct, offerId: w.offers.basic.id, quantity: 1 } },
          token,
        );
        expect(codeOf(purchase)).toBe('UNAUTHENTICATED');
      });
    });

    const padded = (id: string) => ` ${id}\t`;

    it('partner(id:) and verifyPartnerId read a Partner ID with white space around it as the ID', async () => {
      expect(ok(await server.gql(GET_PARTNER, { id: padded(w.partners.advisor) }, w.tokens.advisorAdmin)).partner.id).toBe(
        w.partners.advisor,
      );
      expect(
        ok(await server.gql(VERIFY_PARTNER_ID, { partnerId: padded(w.partners.advisor) }, w.tokens.directGlobal)).verifyPartnerId,
      ).toMatchObject({
        partnerId: w.partners.advisor,
        valid: true,
      });
    });

    it('createPartner stores a padded Partner ID trimmed, and a second padding of it is the same ID', async () => {
      const id = String(4_000_000 + Math.floor(Math.random() * 900_000));
      expect(
        ok(
          await server.gql(
            CREATE_PARTNER,
            { input: { id: padded(id), name: 'Padded Partner', countryCode: 'VN', capabilities: ['ADVISOR'] } },
            w.tokens.platform,
          ),
        ).createPartner.partner.id,
      ).toBe(id);
      await expectNothingChanged(server, async () => {
        const again = await server.gql(
          CREATE_PARTNER,
          { input: { id: ` ${id} `, name: 'Padded Again', countryCode: 'VN', capabilities: ['ADVISOR'] } },
          w.tokens.platform,
        );
        expect([codeOf(again), again.errors?.[0].extensions.field]).toEqual(['CONFLICT', 'id']);
      });
    });

    it('authorizeOffer and revokeOfferAuthorization take a padded Partner ID', async () => {
      const sku = (data: { partner: { authorizedOffers: { sku: string }[] | null } }) => data.partner.authorizedOffers!.map((o) => o.sku);
      const granted = ok(
        await server.gql(
          AUTHORIZE_OFFER,
          { input: { partnerId: padded(w.partners.both), offerId: w.offers.premium.id } },
          w.tokens.platform,
        ),
      );
      expect(granted.authorizeOffer.partner.id).toBe(w.partners.both);
      expect(sku(granted.authorizeOffer)).toContain('PREMIUM');
      const revoked = ok(
        await server.gql(
          REVOKE_OFFER_AUTHORIZATION,
          { input: { partnerId: padded(w.partners.both), offerId: w.offers.premium.id } },
          w.tokens.platform,
        ),
      );
      expect(sku(revoked.revokeOfferAuthorization)).not.toContain('PREMIUM');
    });

    it('a purchase names a padded advisor, and removeAdvisorRelationship removes it by a padded ID', async () => {
      const tenantId = ok(await createTenant(`Advised ${unique('t')}`)).createTenant.tenant.id;
      const admin = await server.token(Role.TENANT_GLOBAL_ADMIN, { tenantId });
      const bought = ok(
        await server.gql(
          PURCHASE_SUBSCRIPTION,
          { input: { tenantId, offerId: w.offers.basic.id, quantity: 1, partnerId: padded(w.partners.advisor) } },
          admin,
        ),
      ).purchaseSubscription.subscription;
      expect(bought.partnerOfRecord?.id).toBe(w.partners.advisor);
      const removed = ok(
        await server.gql(REMOVE_ADVISOR_RELATIONSHIP, { input: { tenantId, partnerId: padded(w.partners.advisor) } }, admin),
      );
      expect(removed.removeAdvisorRelationship.tenant.partnerRelationships).toEqual([]);
    });

    it('removeResellerRelationship takes a padded Partner ID', async () => {
      const customer = ok(await createCustomer(`Leaving ${unique('c')}`)).createCustomer.customer;
      const removed = ok(
        await server.gql(
          REMOVE_RESELLER_RELATIONSHIP,
          { input: { tenantId: customer.id, partnerId: padded(w.partners.reseller) } },
          w.tokens.resellerAdmin,
        ),
      );
      expect(removed.removeResellerRelationship.tenant).toEqual({ id: customer.id, billingManagedBy: null });
    });

    it('a padded malformed Partner ID is still BAD_USER_INPUT on its argument', async () => {
      await expectRefused(
        () =>
          server.gql(
            CREATE_PARTNER,
            { input: { id: ' 0123456 ', name: 'Zero', countryCode: 'VN', capabilities: ['ADVISOR'] } },
            w.tokens.platform,
          ),
        'id',
      );
      await expectRefused(
        () => server.gql(AUTHORIZE_OFFER, { input: { partnerId: ' 12 ', offerId: w.offers.basic.id } }, w.tokens.platform),
        'partnerId',
      );
    });
  });
});
