/**
 * Issue 11, defect 11, the smaller edges: the field of every BAD_USER_INPUT, a subscription operation over
 * HTTP, Partner IDs with a leading 0, and reads that do the same work for an unknown and an out-of-scope id.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { codeOf, expectNothingChanged, ok, startTestServer, type AnyOperation, type TestServer } from './support/harness';
import { buildWorld, type World } from './support/world';
import { StatementRecorder } from './support/statement-recorder';
import {
  AUTHORIZE_OFFER,
  CREATE_PARTNER,
  CREATE_TENANT,
  REVOKE_OFFER_AUTHORIZATION,
  VERIFY_PARTNER_ID,
} from './graphql/shared-definitions';

describe('smaller edges', () => {
  let server: TestServer;
  let w: World;
  const recorder = new StatementRecorder();
  const logLines: { level: number; msg: string }[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    server = await startTestServer({ database: { logger: recorder }, logger: pino({ level: 'info' }, sink) });
    w = await buildWorld(server);
  });
  afterAll(() => server.stop());

  /** A shared document sent with wrong variables, or a document written wrong on purpose. */
  const send = (query: AnyOperation | string, variables: Record<string, unknown>) =>
    typeof query === 'string' ? server.gql(query, variables, w.tokens.platform) : server.gql(query, variables, w.tokens.platform);

  async function expectBadInput(query: AnyOperation | string, variables: Record<string, unknown>, field: string) {
    await expectNothingChanged(server, async () => {
      const response = await send(query, variables);
      expect([codeOf(response), response.errors?.[0]?.extensions.field, response.data ?? null]).toEqual(['BAD_USER_INPUT', field, null]);
    });
  }

  it('authorizeOffer and revokeOfferAuthorization name partnerId for a malformed Partner ID', async () => {
    await expectBadInput(AUTHORIZE_OFFER, { input: { partnerId: 'abc', offerId: w.offers.basic.id } }, 'partnerId');
    await expectBadInput(REVOKE_OFFER_AUTHORIZATION, { input: { partnerId: 'abc', offerId: w.offers.basic.id } }, 'partnerId');
  });

  it.each([
    ['an unknown field in a variable', { name: 'A', domain: 'a.example', countryCode: 'VN', colour: 'red' }, 'colour'],
    ['a null field in a variable', { name: null, domain: 'a.example', countryCode: 'VN' }, 'name'],
    ['a missing field in a variable', { domain: 'a.example', countryCode: 'VN' }, 'name'],
    ['a null input', null, 'input'],
  ])('names the field of %s', (_what, input, field) => expectBadInput(CREATE_TENANT, { input }, field));

  it.each([
    [
      'an unknown field in a literal',
      `mutation { createTenant(input: { name: "A", domain: "a.example", countryCode: "VN", colour: "red" }) { tenant { id } } }`,
      'colour',
    ],
    [
      'a null field in a literal',
      `mutation { createTenant(input: { name: null, domain: "a.example", countryCode: "VN" }) { tenant { id } } }`,
      'name',
    ],
    [
      'a missing field in a literal',
      `mutation { createTenant(input: { domain: "a.example", countryCode: "VN" }) { tenant { id } } }`,
      'name',
    ],
    ['a missing argument', `mutation { createTenant { tenant { id } } }`, 'input'],
  ])('names the field of %s', (_what, query, field) => expectBadInput(query, {}, field));

  it('answers a subscription operation over HTTP with BAD_USER_INPUT pointing to the WebSocket endpoint, and logs no error', async () => {
    logLines.length = 0;
    const response = await server.gql('subscription { events { id } }', {}, w.tokens.platform);
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toMatch(/WebSocket/);
    expect(logLines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('answers a subscription sent by GET with 405 and the same BAD_USER_INPUT pointing to the WebSocket', async () => {
    logLines.length = 0;
    const response = await fetch(`${server.url}?query=${encodeURIComponent('subscription { events { id } }')}`, {
      headers: { authorization: `Bearer ${w.tokens.platform}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors[0].message).toMatch(/served over WebSocket.*graphql-transport-ws/);
    expect(logLines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('refuses a Partner ID that starts with 0, and Check ID calls it malformed', async () => {
    await expectBadInput(
      CREATE_PARTNER,
      { input: { id: '01000001', name: 'Leading Zero', countryCode: 'VN', capabilities: ['ADVISOR'] } },
      'id',
    );
    expect(ok(await server.gql(VERIFY_PARTNER_ID, { partnerId: '01000001' }, w.tokens.directGlobal)).verifyPartnerId).toEqual({
      partnerId: '01000001',
      valid: false,
      partnerName: null,
      reason: 'INVALID_FORMAT',
    });
  });

  it.each([
    ['tenant', `query($id: ID!) { tenant(id: $id) { id } }`, (id: string) => ({ id })],
    ['auditEvents', `query($id: ID) { auditEvents(tenantId: $id) { totalCount } }`, (id: string) => ({ id })],
  ])(
    '%s: an unknown tenant and an existing out-of-scope one cost the same statements (no timing difference)',
    async (_name, query, variables) => {
      const unknown = '01890000-0000-7000-8000-00000000dead';
      const statementsFor = async (id: string) => {
        await server.gql(query, variables(id), w.tokens.resellerAdmin); // warm: the token is verified once
        recorder.statements = [];
        const response = await server.gql(query, variables(id), w.tokens.resellerAdmin);
        expect(codeOf(response)).toBe('NOT_FOUND');
        return [...recorder.statements];
      };
      const forUnknown = await statementsFor(unknown);
      const forOutOfScope = await statementsFor(w.tenants.direct);
      expect(forUnknown.length).toBeGreaterThan(1);
      expect(forOutOfScope).toEqual(forUnknown);
    },
  );
});
