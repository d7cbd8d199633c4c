/**
 * Issue 14, SPEC §6 "Webhooks": endpoints belong to the caller's tenant, partner or the platform and only their
 * owner sees or changes them; the signing secret shows only in the create and rotate answers; every change is
 * an audit event; every refusal answers its code and field and changes nothing.
 */
import { codeOf, expectNothingChanged, type GraphQLResponse, ok, Role, startTestServer, type TestServer } from './support/harness';
import { type FreshTenant, kitFor, type Kit } from './support/world';
import {
  CREATE_WEBHOOK_ENDPOINT,
  DELETE_WEBHOOK_ENDPOINT,
  GET_WEBHOOK_DELIVERIES,
  GET_WEBHOOK_ENDPOINT,
  GET_WEBHOOK_ENDPOINTS,
  REDELIVER_WEBHOOK,
  ROTATE_WEBHOOK_SECRET,
  SEND_TEST_WEBHOOK,
  UPDATE_WEBHOOK_ENDPOINT,
} from './graphql/webhook-definitions';
import { AUTHORIZE_OFFER, CREATE_PARTNER } from './graphql/shared-definitions';
import { WebhookDelivery, WebhookEndpoint } from '../src/entities';
import { unique } from './support/world';
import { fakeDns } from './support/fake-dns';

const SECRET_FORMAT = /^whsec_[A-Za-z0-9_-]{43}$/;
const HOOK = 'http://127.0.0.1:9/hook';

/** The refusal a response carries: code, field and whether the message is a sentence. */
function refusal(response: GraphQLResponse) {
  const error = response.errors?.[0];
  expect(error?.message).toMatch(/^[A-Z"“].+[.)]$/);
  return { code: codeOf(response), field: error?.extensions.field };
}

describe('webhook endpoints (SPEC §6)', () => {
  let server: TestServer;
  let kit: Kit;
  let platform: string;
  let tenant: FreshTenant;
  let otherTenant: FreshTenant;
  let partnerAdmin: string;
  let partnerSales: string;
  let otherPartnerAdmin: string;
  let partnerId: string;

  const create = async (token: string, input: { url?: string; eventTypes?: string[]; description?: string } = {}) =>
    ok(await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: HOOK, ...input } }, token)).createWebhookEndpoint;
  const secretsOf = (id: string) =>
    server.dataSource
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('w')
      .addSelect(['w.secret', 'w.previousSecret'])
      .where('w.id = :id', { id })
      .getOneOrFail();

  beforeAll(async () => {
    server = await startTestServer();
    kit = kitFor(server);
    platform = await server.token(Role.PLATFORM_ADMIN);
    tenant = await kit.createTenant('Hook Tenant');
    otherTenant = await kit.createTenant('Other Hook Tenant');
    const partner = async (id: string) =>
      ok(
        await server.gql(CREATE_PARTNER, { input: { id, name: `Partner ${id}`, countryCode: 'VN', capabilities: ['RESELLER'] } }, platform),
      ).createPartner.partner.id;
    partnerId = await partner('4100001');
    partnerAdmin = await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId });
    partnerSales = await server.token(Role.PARTNER_SALES_AGENT, { partnerId });
    otherPartnerAdmin = await server.token(Role.PARTNER_ADMIN_AGENT, { partnerId: await partner('4100002') });
  });
  afterAll(() => server.stop());

  it('creates an endpoint whose secret shows only in the create answer', async () => {
    const created = await create(tenant.tokens.global, { eventTypes: ['subscription.purchased'], description: '  Billing sync  ' });
    expect(created.secret).toMatch(SECRET_FORMAT);
    expect(created.webhookEndpoint).toEqual({
      id: expect.any(String),
      url: HOOK,
      eventTypes: ['subscription.purchased'],
      description: 'Billing sync',
      enabled: true,
      disabledReason: null,
      createdAt: expect.any(String),
    });
    expect((await secretsOf(created.webhookEndpoint.id)).secret).toBe(created.secret);

    // Not a field of WebhookEndpoint, and nowhere in what the owner or the platform can read.
    const asField = await server.gql(`query { webhookEndpoint(id: "${created.webhookEndpoint.id}") { secret } }`, {}, tenant.tokens.global);
    expect(codeOf(asField)).toBe('BAD_USER_INPUT');
    const readable = JSON.stringify([
      ok(await server.gql(GET_WEBHOOK_ENDPOINTS, {}, tenant.tokens.global)),
      ok(await server.gql(GET_WEBHOOK_ENDPOINT, { id: created.webhookEndpoint.id }, tenant.tokens.global)),
      await kit.auditEvents(tenant.id),
    ]);
    expect(readable).toContain(created.webhookEndpoint.id);
    expect(readable).not.toContain(created.secret);
    expect(readable).not.toContain('whsec_');
  });

  it('writes an audit event for every change, without secrets', async () => {
    const { webhookEndpoint: endpoint } = await create(tenant.tokens.global);
    ok(await server.gql(UPDATE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id, description: 'renamed' } }, tenant.tokens.global));
    const rotated = ok(await server.gql(ROTATE_WEBHOOK_SECRET, { input: { id: endpoint.id } }, tenant.tokens.global)).rotateWebhookSecret;
    ok(await server.gql(DELETE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id } }, tenant.tokens.global));
    const events = (await kit.auditEvents(tenant.id)).filter((e) => e.targetId === endpoint.id);
    expect(events.map((e) => e.action).reverse()).toEqual([
      'webhookEndpoint.created',
      'webhookEndpoint.updated',
      'webhookEndpoint.secretRotated',
      'webhookEndpoint.deleted',
    ]);
    expect(events.every((e) => e.targetType === 'WebhookEndpoint' && e.tenantId === tenant.id)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(rotated.secret);
    expect(JSON.stringify(events)).not.toMatch(/"(secret|previousSecret)"/);
  });

  it('rotates the secret and keeps the old one signing for 24 hours', async () => {
    const created = await create(partnerAdmin);
    const before = Date.now();
    const rotated = ok(
      await server.gql(ROTATE_WEBHOOK_SECRET, { input: { id: created.webhookEndpoint.id } }, partnerAdmin),
    ).rotateWebhookSecret;
    expect(rotated.secret).toMatch(SECRET_FORMAT);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.webhookEndpoint).toEqual(created.webhookEndpoint);
    const stored = await secretsOf(created.webhookEndpoint.id);
    expect(stored.secret).toBe(rotated.secret);
    expect(stored.previousSecret).toBe(created.secret);
    const keptFor = stored.previousSecretExpiresAt!.getTime() - before;
    expect(keptFor).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(keptFor).toBeLessThanOrEqual(24 * 3600_000 + 60_000);
  });

  it('updates what is given, and enabling a disabled endpoint clears why it was disabled', async () => {
    const { webhookEndpoint: endpoint } = await create(platform, { eventTypes: ['tenant.created'] });
    const changed = ok(
      await server.gql(
        UPDATE_WEBHOOK_ENDPOINT,
        { input: { id: endpoint.id, url: 'http://127.0.0.1:9/other', eventTypes: [], enabled: false } },
        platform,
      ),
    ).updateWebhookEndpoint.webhookEndpoint;
    expect(changed).toEqual({ ...endpoint, url: 'http://127.0.0.1:9/other', eventTypes: [], enabled: false });

    // As the dispatcher leaves it after 72 hours of failures.
    await server.dataSource
      .getRepository(WebhookEndpoint)
      .update(
        { id: endpoint.id },
        { disabledReason: 'Every delivery failed for 72 hours.', failingSince: new Date(Date.now() - 73 * 3600_000) },
      );
    const read = ok(await server.gql(GET_WEBHOOK_ENDPOINT, { id: endpoint.id }, platform)).webhookEndpoint;
    expect(read.disabledReason).toBe('Every delivery failed for 72 hours.');
    const enabled = ok(await server.gql(UPDATE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id, enabled: true } }, platform))
      .updateWebhookEndpoint.webhookEndpoint;
    expect(enabled).toEqual({ ...changed, enabled: true, disabledReason: null });
    const row = await server.dataSource.getRepository(WebhookEndpoint).findOneByOrFail({ id: endpoint.id });
    expect(row.failingSince).toBeNull();
    expect(row.version).toBe(3);
  });

  it('deletes an endpoint with its deliveries', async () => {
    const { webhookEndpoint: endpoint } = await create(tenant.tokens.global);
    ok(await server.gql(SEND_TEST_WEBHOOK, { input: { id: endpoint.id } }, tenant.tokens.global));
    expect(await server.dataSource.getRepository(WebhookDelivery).countBy({ endpointId: endpoint.id })).toBeGreaterThan(0);
    const deleted = ok(await server.gql(DELETE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id } }, tenant.tokens.global));
    expect(deleted.deleteWebhookEndpoint.deletedId).toBe(endpoint.id);
    expect(await server.dataSource.getRepository(WebhookDelivery).countBy({ endpointId: endpoint.id })).toBe(0);
    expect(codeOf(await server.gql(GET_WEBHOOK_ENDPOINT, { id: endpoint.id }, tenant.tokens.global))).toBe('NOT_FOUND');
  });

  it('sends a test event to that endpoint only, and lists deliveries newest first', async () => {
    const owner = await kit.createTenant('Test Sender');
    const { webhookEndpoint: target } = await create(owner.tokens.global, { eventTypes: ['subscription.suspended'] });
    const { webhookEndpoint: sibling } = await create(owner.tokens.global);
    const first = ok(await server.gql(SEND_TEST_WEBHOOK, { input: { id: target.id } }, owner.tokens.global)).sendTestWebhook.delivery;
    expect(first).toEqual({
      id: expect.any(String),
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: expect.any(String),
      lastAttemptAt: null,
      lastResponseStatus: null,
      lastError: null,
      event: {
        id: expect.any(String),
        action: 'webhook.test',
        targetType: 'WebhookEndpoint',
        targetId: target.id,
        tenantId: owner.id,
        actor: { subject: `global@${owner.domain}`, tenantId: owner.id, partnerId: null },
      },
    });
    const second = ok(await server.gql(SEND_TEST_WEBHOOK, { input: { id: target.id } }, owner.tokens.global)).sendTestWebhook.delivery;
    const log = ok(await server.gql(GET_WEBHOOK_DELIVERIES, { endpointId: target.id }, owner.tokens.global)).webhookDeliveries;
    expect(log.edges.map((e) => e.node.id)).toEqual([second.id, first.id]);
    expect(log.totalCount).toBe(2);
    const siblingLog = ok(await server.gql(GET_WEBHOOK_DELIVERIES, { endpointId: sibling.id }, owner.tokens.global)).webhookDeliveries;
    expect(siblingLog.edges.map((e) => e.node.event.action)).not.toContain('webhook.test');

    const page = ok(await server.gql(GET_WEBHOOK_DELIVERIES, { endpointId: target.id, first: 1 }, owner.tokens.global)).webhookDeliveries;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = ok(
      await server.gql(GET_WEBHOOK_DELIVERIES, { endpointId: target.id, first: 1, after: page.pageInfo.endCursor }, owner.tokens.global),
    ).webhookDeliveries;
    expect(next.edges.map((e) => e.node.id)).toEqual([first.id]);

    await server.dataSource.getRepository(WebhookDelivery).update({ id: first.id }, { status: 'SUCCEEDED' as never, nextAttemptAt: null });
    const succeeded = ok(await server.gql(GET_WEBHOOK_DELIVERIES, { endpointId: target.id, status: 'SUCCEEDED' }, owner.tokens.global));
    expect(succeeded.webhookDeliveries.edges.map((e) => e.node.id)).toEqual([first.id]);
  });

  it('redelivers a finished delivery now, and refuses while an attempt holds it', async () => {
    const owner = await kit.createTenant('Redeliverer');
    const { webhookEndpoint: endpoint } = await create(owner.tokens.global);
    const delivery = ok(await server.gql(SEND_TEST_WEBHOOK, { input: { id: endpoint.id } }, owner.tokens.global)).sendTestWebhook.delivery;
    const deliveries = server.dataSource.getRepository(WebhookDelivery);
    await deliveries.update(
      { id: delivery.id },
      {
        status: 'FAILED' as never,
        attempts: 15,
        nextAttemptAt: null,
        lastError: 'Connection refused.',
        leaseOwner: 'gone',
        leaseExpiresAt: new Date(Date.now() - 1000),
      },
    );
    const before = Date.now();
    const again = ok(await server.gql(REDELIVER_WEBHOOK, { input: { deliveryId: delivery.id } }, owner.tokens.global)).redeliverWebhook
      .delivery;
    expect(again).toMatchObject({ id: delivery.id, status: 'PENDING', attempts: 15, lastError: 'Connection refused.' });
    expect(Date.parse(again.nextAttemptAt!)).toBeGreaterThanOrEqual(before - 1000);
    const row = await deliveries.findOneByOrFail({ id: delivery.id });
    expect(row).toMatchObject({ status: 'PENDING', leaseOwner: null, leaseExpiresAt: null });
    expect((await kit.auditEvents(owner.id)).map((e) => e.action)).toContain('webhookDelivery.redelivered');

    await deliveries.update({ id: delivery.id }, { leaseOwner: 'instance-a', leaseExpiresAt: new Date(Date.now() + 60_000) });
    await expectNothingChanged(server, async () => {
      const response = await server.gql(REDELIVER_WEBHOOK, { input: { deliveryId: delivery.id } }, owner.tokens.global);
      expect(refusal(response)).toEqual({ code: 'CONFLICT', field: 'deliveryId' });
      expect(response.errors![0].message).toMatch(/in progress/);
    });
  });

  it('shows another organisation’s user in a delivered event as that organisation only', async () => {
    const offer = await kit.createOffer();
    ok(await server.gql(AUTHORIZE_OFFER, { input: { partnerId, offerId: offer.id } }, platform));
    const customer = await kit.createCustomer(partnerAdmin, 'Hooked Customer');
    const { webhookEndpoint: endpoint } = await create(customer.tokens.global, { eventTypes: ['subscription.purchased'] });
    const sale = await kit.purchase(partnerSales, { tenantId: customer.id, offerId: offer.id, quantity: 2 });
    const log = ok(await server.gql(GET_WEBHOOK_DELIVERIES, { endpointId: endpoint.id }, customer.tokens.global)).webhookDeliveries;
    expect(log.edges.map((e) => e.node.event)).toEqual([
      {
        id: expect.any(String),
        action: 'subscription.purchased',
        targetType: 'Subscription',
        targetId: sale.id,
        tenantId: customer.id,
        actor: { subject: null, tenantId: null, partnerId },
      },
    ]);
  });

  it('prunes finished deliveries older than 30 days, and nothing else', async () => {
    const owner = await kit.createTenant('Pruned');
    const { webhookEndpoint: endpoint } = await create(owner.tokens.global);
    const send = async () =>
      ok(await server.gql(SEND_TEST_WEBHOOK, { input: { id: endpoint.id } }, owner.tokens.global)).sendTestWebhook.delivery.id;
    const [oldSucceeded, oldFailed, oldPending, recentSucceeded] = [await send(), await send(), await send(), await send()];
    const deliveries = server.dataSource.getRepository(WebhookDelivery);
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    await deliveries.update({ id: oldSucceeded }, { status: 'SUCCEEDED' as never, nextAttemptAt: null, createdAt: daysAgo(31) });
    await deliveries.update({ id: oldFailed }, { status: 'FAILED' as never, nextAttemptAt: null, createdAt: daysAgo(30.01) });
    await deliveries.update({ id: oldPending }, { createdAt: daysAgo(40) });
    await deliveries.update({ id: recentSucceeded }, { status: 'SUCCEEDED' as never, nextAttemptAt: null, createdAt: daysAgo(29.9) });
    expect(await server.app.services.webhooks.pruneDeliveries(now)).toBe(2);
    const log = ok(await server.gql(GET_WEBHOOK_DELIVERIES, { endpointId: endpoint.id }, owner.tokens.global)).webhookDeliveries;
    expect(log.edges.map((e) => e.node.id).sort()).toEqual(
      [
        oldPending,
        recentSucceeded,
        ...log.edges.filter((e) => e.node.event.action === 'webhookEndpoint.created').map((e) => e.node.id),
      ].sort(),
    );
  });

  it('lists only the caller’s own endpoints, and answers NOT_FOUND for anyone else’s', async () => {
    const owner = await kit.createTenant('Private Owner');
    const { webhookEndpoint: endpoint } = await create(owner.tokens.global);
    const delivery = ok(await server.gql(SEND_TEST_WEBHOOK, { input: { id: endpoint.id } }, owner.tokens.global)).sendTestWebhook.delivery;
    const own = ok(await server.gql(GET_WEBHOOK_ENDPOINTS, {}, owner.tokens.global)).webhookEndpoints;
    expect(own.edges.map((e) => e.node.id)).toEqual([endpoint.id]);
    expect(own.totalCount).toBe(1);

    for (const stranger of [otherTenant.tokens.global, partnerAdmin, platform]) {
      const listed = ok(await server.gql(GET_WEBHOOK_ENDPOINTS, { first: 100 }, stranger)).webhookEndpoints;
      expect(listed.edges.map((e) => e.node.id)).not.toContain(endpoint.id);
      await expectNothingChanged(server, async () => {
        const attempts = [
          await server.gql(GET_WEBHOOK_ENDPOINT, { id: endpoint.id }, stranger),
          await server.gql(GET_WEBHOOK_DELIVERIES, { endpointId: endpoint.id }, stranger),
          await server.gql(UPDATE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id, enabled: false } }, stranger),
          await server.gql(DELETE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id } }, stranger),
          await server.gql(ROTATE_WEBHOOK_SECRET, { input: { id: endpoint.id } }, stranger),
          await server.gql(SEND_TEST_WEBHOOK, { input: { id: endpoint.id } }, stranger),
          await server.gql(REDELIVER_WEBHOOK, { input: { deliveryId: delivery.id } }, stranger),
        ];
        for (const response of attempts) expect(refusal(response)).toEqual({ code: 'NOT_FOUND', field: undefined });
      });
    }
    // Scope comes before the shape of the input.
    await expectNothingChanged(server, async () => {
      const response = await server.gql(
        UPDATE_WEBHOOK_ENDPOINT,
        { input: { id: endpoint.id, url: 'ftp://x', eventTypes: ['nope'] } },
        partnerAdmin,
      );
      expect(refusal(response)).toEqual({ code: 'NOT_FOUND', field: undefined });
    });
    // An unknown id answers exactly like another owner's.
    const unknown = await server.gql(GET_WEBHOOK_ENDPOINT, { id: '01930000-0000-7000-8000-000000000000' }, owner.tokens.global);
    expect(unknown.errors![0]).toMatchObject({ message: 'Webhook endpoint "01930000-0000-7000-8000-000000000000" was not found.' });
  });

  it('refuses roles that hold no endpoints with FORBIDDEN, after the scope check', async () => {
    const { webhookEndpoint: endpoint } = await create(tenant.tokens.global);
    for (const token of [tenant.tokens.billing, tenant.tokens.reader, partnerSales]) {
      await expectNothingChanged(server, async () => {
        expect(refusal(await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: HOOK } }, token)).code).toBe('FORBIDDEN');
        expect(refusal(await server.gql(GET_WEBHOOK_ENDPOINTS, {}, token)).code).toBe('FORBIDDEN');
      });
    }
    // The tenant's own billing admin and reader: the endpoint is in their scope, their role may not manage it.
    for (const token of [tenant.tokens.billing, tenant.tokens.reader]) {
      await expectNothingChanged(server, async () => {
        expect(refusal(await server.gql(UPDATE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id, url: 'nonsense' } }, token)).code).toBe(
          'FORBIDDEN',
        );
        expect(refusal(await server.gql(GET_WEBHOOK_ENDPOINT, { id: endpoint.id }, token)).code).toBe('FORBIDDEN');
      });
    }
    // Another organisation's user without the role: NOT_FOUND comes first.
    await expectNothingChanged(server, async () => {
      expect(refusal(await server.gql(DELETE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id } }, otherTenant.tokens.reader)).code).toBe(
        'NOT_FOUND',
      );
    });
  });

  it.each([
    ['an unparsable URL', { url: 'not a url' }, 'url', /could not be parsed/],
    ['an ftp URL', { url: 'ftp://example.com/x' }, 'url', /not ftp:/],
    ['credentials in the URL', { url: 'http://user:pass@127.0.0.1/hook' }, 'url', /user name or password/],
    ['a URL over 2048 characters', { url: `http://127.0.0.1/${'a'.repeat(2048)}` }, 'url', /longer than 2048/],
    // The stored form is what is limited: each é is six characters once percent-encoded.
    ['a URL over 2048 characters once normalised', { url: `http://127.0.0.1/${'é'.repeat(400)}` }, 'url', /longer than 2048/],
    ['empty credentials', { url: 'http://:@127.0.0.1/hook' }, 'url', /user name or password/],
    ['an empty user info', { url: 'http://@127.0.0.1/hook' }, 'url', /user name or password/],
    ['port 0', { url: 'http://127.0.0.1:0/hook' }, 'url', /port 0 .*1 to 65535/i],
    [
      'an unknown event type',
      { eventTypes: ['subscription.purchased', 'subscription.exploded'] },
      'eventTypes',
      /"subscription.exploded" is not an event type/,
    ],
    ['a description over 255 characters', { description: 'd'.repeat(256) }, 'description', /at most 255/],
    ['a description with a zero-width space', { description: 'sync\u200b' }, 'description', /control or format/],
  ])('refuses %s with BAD_USER_INPUT on its field, on create and update', async (_case, input, field, message) => {
    const { webhookEndpoint: endpoint } = await create(otherTenant.tokens.global);
    await expectNothingChanged(server, async () => {
      for (const response of [
        await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: HOOK, ...input } }, otherTenant.tokens.global),
        await server.gql(UPDATE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id, ...input } }, otherTenant.tokens.global),
      ]) {
        expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field });
        expect(response.errors![0].message).toMatch(message);
      }
    });
    ok(await server.gql(DELETE_WEBHOOK_ENDPOINT, { input: { id: endpoint.id } }, otherTenant.tokens.global));
  });

  it('stores and answers a URL in its WHATWG-normalised form, on create and update (SPEC §9)', async () => {
    const restore = fakeDns({ 'hooks.example.com': ['93.184.215.14'] });
    try {
      const { webhookEndpoint: endpoint } = await create(tenant.tokens.global, { url: '  HTTPS://Hooks.EXAMPLE.com:443/a  ' });
      expect(endpoint.url).toBe('https://hooks.example.com/a');
      expect(ok(await server.gql(GET_WEBHOOK_ENDPOINT, { id: endpoint.id }, tenant.tokens.global)).webhookEndpoint.url).toBe(
        'https://hooks.example.com/a',
      );
      const updated = ok(
        await server.gql(
          UPDATE_WEBHOOK_ENDPOINT,
          { input: { id: endpoint.id, url: '\tHTTP://127.0.0.1:80/b/../c?q ' } },
          tenant.tokens.global,
        ),
      ).updateWebhookEndpoint.webhookEndpoint;
      expect(updated.url).toBe('http://127.0.0.1/c?q');
      expect((await server.dataSource.getRepository(WebhookEndpoint).findOneByOrFail({ id: endpoint.id })).url).toBe(
        'http://127.0.0.1/c?q',
      );
    } finally {
      restore();
    }
  });

  it('holds at most 16 endpoints per owner', async () => {
    const owner = otherPartnerAdmin;
    const existing = ok(await server.gql(GET_WEBHOOK_ENDPOINTS, { first: 100 }, owner)).webhookEndpoints.totalCount;
    for (let i = existing; i < 16; i++) await create(owner, { description: unique('hook') });
    await expectNothingChanged(server, async () => {
      const response = await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: HOOK } }, owner);
      expect(refusal(response)).toEqual({ code: 'FAILED_PRECONDITION', field: undefined });
      expect(response.errors![0].message).toMatch(/16 webhook endpoints.*delete one first/);
      // The shape of the input is reported before the limit (SPEC §3 order).
      expect(refusal(await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: 'ftp://x' } }, owner))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'url',
      });
    });
    // Another owner is not limited by this one's endpoints.
    expect((await create(partnerAdmin)).secret).toMatch(SECRET_FORMAT);
  });
});

describe('webhook endpoint addresses in production (SPEC §6 Safety, §9 Webhooks)', () => {
  let server: TestServer;
  let platform: string;
  let saved: string;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-characters' } });
    platform = await server.token(Role.PLATFORM_ADMIN);
    saved = ok(await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: 'https://93.184.215.14/saved' } }, platform)).createWebhookEndpoint
      .webhookEndpoint.id;
  });
  afterAll(() => server.stop());

  /** Creating an endpoint with `url`, and moving the saved one to it, are both refused on `url` and change nothing. */
  const expectUrlRefused = async (url: string, reason: string | RegExp) => {
    await expectNothingChanged(server, async () => {
      for (const response of [
        await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url } }, platform),
        await server.gql(UPDATE_WEBHOOK_ENDPOINT, { input: { id: saved, url } }, platform),
      ]) {
        expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'url' });
        const message = response.errors![0].message.replace(/^Events cannot be sent to this URL: /, '');
        if (typeof reason === 'string') expect(message).toBe(reason);
        else expect(message).toMatch(reason);
      }
    });
  };

  it.each([
    ['https://127.0.0.1/hook', '127.0.0.1 is a loopback address.'],
    ['https://10.0.0.1/hook', '10.0.0.1 is a private network address.'],
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254 is a cloud platform address.'],
    ['https://168.63.129.16/machine', '168.63.129.16 is a cloud platform address.'],
    ['https://[fd00:ec2::254]/latest/meta-data', 'fd00:ec2::254 is a cloud platform address.'],
    ['https://[::1]/hook', '::1 is a loopback address.'],
    ['https://[::7f00:1]/hook', '::7f00:1 is an IPv4-compatible IPv6 address for 127.0.0.1 (a loopback address).'],
    [
      'https://[::a9fe:a9fe]/latest/meta-data',
      '::a9fe:a9fe is an IPv4-compatible IPv6 address for 169.254.169.254 (a cloud platform address).',
    ],
    ['https://[::168.63.129.16]/machine', '::a83f:8110 is an IPv4-compatible IPv6 address for 168.63.129.16 (a cloud platform address).'],
    ['https://[::5db8:d70e]/hook', '::5db8:d70e is an IPv4-compatible IPv6 address (deprecated: use 93.184.215.14 itself).'],
    ['https://localhost/hook', /^localhost resolves to (127\.0\.0\.1|::1), which is a loopback address\.$/],
    ['http://93.184.215.14/hook', 'Webhook URLs must use https:// in production.'],
    ['https://user:secret@93.184.215.14/hook', /user name or password/],
  ])('refuses %s', async (url, reason) => {
    await expectUrlRefused(url, reason);
  });

  // What a name resolves to is held to the same rule as a literal (and again at every attempt: webhooks-delivery).
  it.each([
    [['168.63.129.16'], '168.63.129.16, which is a cloud platform address.'],
    [['fd00:ec2::254'], 'fd00:ec2::254, which is a cloud platform address.'],
    [['::7f00:1'], '::7f00:1, which is an IPv4-compatible IPv6 address for 127.0.0.1 (a loopback address).'],
    [
      ['93.184.215.14', '::a9fe:a9fe'],
      '::a9fe:a9fe, which is an IPv4-compatible IPv6 address for 169.254.169.254 (a cloud platform address).',
    ],
  ])('refuses a name that resolves to %j', async (addresses, reason) => {
    const restore = fakeDns({ 'hooks.example.com': addresses });
    try {
      await expectUrlRefused('https://hooks.example.com/hook', `hooks.example.com resolves to ${reason}`);
    } finally {
      restore();
    }
  });

  it('accepts an https URL on a public address, and checks a changed URL again', async () => {
    const { webhookEndpoint: endpoint } = ok(
      await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: 'https://93.184.215.14/hook' } }, platform),
    ).createWebhookEndpoint;
    await expectNothingChanged(server, async () => {
      const response = await server.gql(
        UPDATE_WEBHOOK_ENDPOINT,
        { input: { id: endpoint.id, url: 'https://192.168.0.10/hook' } },
        platform,
      );
      expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'url' });
    });
  });
});
