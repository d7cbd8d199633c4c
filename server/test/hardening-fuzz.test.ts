import fc from 'fast-check';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { dumpDatabase, ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, kitFor, type World } from './support/world';
import { CREATE_RESELLER_INVITATION } from './graphql/shared-definitions';
import { CREATE_WEBHOOK_ENDPOINT, SEND_TEST_WEBHOOK } from './graphql/webhook-definitions';
import { buildTenantrySchema } from '../src/graphql/schema';
import { ErrorCode } from '../src/domain/error-codes';
import { ifSetUp } from './support/set-up';

/**
 * Issue 7, bad input: a property-based run throws random and hostile values at every mutation input
 * (huge strings, unicode, SQL and script fragments, numbers at the 32-bit bounds, null where not allowed,
 * unknown ids, wrong types, unknown fields), as variables and as literals in the document. Only contract
 * codes may come back (never INTERNAL_SERVER_ERROR, never an HTTP 5xx, never a stack or a detail), and a
 * refused call leaves every table as it was.
 *
 * The generators are derived from the schema, so a new mutation or input field is fuzzed without
 * changes here; field names pick plausible values (ids of the world, Partner IDs, domains) so that
 * a fair share of the cases get past validation into the services. FUZZ_RUNS and FUZZ_SEED override the
 * number of cases per mutation (200) and the seed (printed when a property fails).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/**
 * A mutation's 200 cases take about 2 s on a quiet machine, but CI runs both database halves side by side on
 * two cores and one mutation once needed over 60 s there. A test that jest abandons keeps running and writes
 * into the next test's baseline, so the bound is generous: it is there to end a hung run, not to time one.
 */
const MUTATION_TIMEOUT_MS = 300_000;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const CLOSED_SET = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));
const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
  RATE_LIMIT_PER_MINUTE: '0',
  RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '0',
};

const INT_BOUNDS = [0, 1, -1, 2, 2_147_483_647, -2_147_483_648, 2_147_483_646, 2_147_483_648, -2_147_483_649, 4_294_967_296];

const HOSTILE = [
  "'; DROP TABLE tenants; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  "1' AND SLEEP(5)-- ",
  "admin'/*",
  'UNION SELECT * FROM audit_events',
  "%' ESCAPE '!",
  '%',
  '_',
  '\\',
  '\\\\x00',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${process.exit()}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\r\n\r\nHTTP/1.1 200 OK',
  '\u202Egnp.exe',
  '\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '💥🚀👩‍👩‍👧‍👦',
  'Ω≈ç√∫˜µ≤≥÷',
  'ﷺ',
  '𝕿𝖊𝖓𝖆𝖓𝖙𝖗𝖞',
  'null',
  'undefined',
  'NaN',
  'true',
  '-1',
  '0',
  '1e309',
  '',
  ' ',
  '\t',
  '%s%s%s%n',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 3_000 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(256), 'é'.repeat(300), '🚀'.repeat(5_000), 'a'.repeat(60_000)) },
  // Past the body size limit: refused with 413 before GraphQL runs.
  { weight: 1, arbitrary: fc.constant('b'.repeat(150_000)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 10 })).map(([a, b]) => `${a}${b}`) },
);

const hostileInt: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INT_BOUNDS) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0.5, 1.5, -0.5, 1e308, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53 + 2) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 5 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'id', '__proto__'), fc.integer(), { maxKeys: 2 }),
);

interface Pools {
  tenantIds: string[];
  offerIds: string[];
  partnerIds: string[];
  subscriptionIds: string[];
  invitationCodes: string[];
  webhookEndpointIds: string[];
  webhookDeliveryIds: string[];
}

/** Plausible values for a field, by its name: real ids of the world, well-formed Partner IDs, domains … */
function plausibleString(field: string, pools: Pools): fc.Arbitrary<string> {
  const name = field.toLowerCase();
  const unknownUuid = fc.uuid();
  if (name === 'tenantid') return fc.oneof(fc.constantFrom(...pools.tenantIds), unknownUuid);
  if (name === 'offerid') return fc.oneof(fc.constantFrom(...pools.offerIds), unknownUuid);
  if (name === 'subscriptionid') return fc.oneof(fc.constantFrom(...pools.subscriptionIds), unknownUuid);
  if (name === 'partnerid' || name === 'id') {
    return fc.oneof(
      fc.constantFrom(...pools.partnerIds),
      fc.stringMatching(/^\d{6,10}$/),
      fc.stringMatching(/^\d{1,12}$/),
      // `id` of the webhook inputs: an endpoint.
      ...(name === 'id' ? [fc.constantFrom(...pools.webhookEndpointIds), unknownUuid] : []),
    );
  }
  if (name === 'deliveryid') return fc.oneof(fc.constantFrom(...pools.webhookDeliveryIds), unknownUuid);
  // IP literals only: a host name would make the address check wait on DNS.
  if (name === 'url') {
    return fc.constantFrom(
      'https://93.184.215.14/hook',
      'https://[2606:4700::1111]/h',
      'https://127.0.0.1/h',
      'http://93.184.215.14/h',
      'https://10.0.0.1/h',
      'https://u:p@93.184.215.14/h',
    );
  }
  if (name === 'eventtypes') return fc.constantFrom('subscription.purchased', 'tenant.created', 'webhook.test', 'subscription.exploded');
  if (name === 'code') return fc.oneof(fc.constantFrom(...pools.invitationCodes), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/));
  if (name === 'domain') return fc.oneof(fc.domain(), fc.stringMatching(/^[a-z]{1,12}\.example$/));
  if (name === 'countrycode') return fc.oneof(fc.constantFrom('VN', 'TH', 'US', 'vn', 'XX', 'ZZ'), fc.stringMatching(/^[A-Z]{2}$/));
  if (name === 'currency') return fc.oneof(fc.constantFrom('USD', 'EUR', 'VND', 'usd'), fc.stringMatching(/^[A-Z]{3}$/));
  if (name === 'sku') return fc.stringMatching(/^[A-Z0-9-]{1,20}$/);
  if (name === 'idempotencykey') return fc.string({ minLength: 1, maxLength: 40 });
  return fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 });
}

function plausibleInt(field: string): fc.Arbitrary<number> {
  const name = field.toLowerCase();
  if (name === 'expectedversion') return fc.integer({ min: 0, max: 5 });
  if (name === 'expiresindays') return fc.integer({ min: 0, max: 31 });
  if (name.endsWith('quantity')) return fc.integer({ min: 0, max: 400 });
  return fc.integer({ min: 0, max: 100_000 });
}

/** A value a careful client could send for this field (absent or null when the field is optional). */
function plausible(type: GraphQLInputType, field: string, pools: Pools): fc.Arbitrary<unknown> {
  const nonNull = type instanceof GraphQLNonNull;
  const inner = nonNull ? (type as GraphQLNonNull<GraphQLInputType>).ofType : type;
  let base: fc.Arbitrary<unknown>;
  if (inner instanceof GraphQLList) {
    const item = inner.ofType instanceof GraphQLNonNull ? inner.ofType : new GraphQLNonNull(inner.ofType);
    base = fc.array(plausible(item, field, pools), { minLength: 1, maxLength: 3 });
  } else if (inner instanceof GraphQLEnumType) base = fc.constantFrom(...inner.getValues().map((v) => v.name));
  else if (inner instanceof GraphQLInputObjectType) base = objectFor(inner, pools);
  else if ((inner as GraphQLScalarType).name === 'Int') base = plausibleInt(field);
  else if ((inner as GraphQLScalarType).name === 'Boolean') base = fc.boolean();
  else base = plausibleString(field, pools);
  if (nonNull) return base;
  return fc.oneof(
    { weight: 4, arbitrary: base },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A hostile value for this field: null or absent where required, a wrong type, hostile text, a number at the bounds. */
function hostile(type: GraphQLInputType, field: string, pools: Pools): fc.Arbitrary<unknown> {
  const inner = type instanceof GraphQLNonNull ? (type as GraphQLNonNull<GraphQLInputType>).ofType : type;
  const specific: fc.Arbitrary<unknown> =
    inner instanceof GraphQLList
      ? fc.array(fc.oneof(hostile(inner.ofType, field, pools), plausible(inner.ofType, field, pools)), { maxLength: 5 })
      : inner instanceof GraphQLInputObjectType
        ? objectFor(inner, pools)
        : (inner as GraphQLScalarType).name === 'Int'
          ? hostileInt
          : hostileString;
  return fc.oneof(
    { weight: 8, arbitrary: specific },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(undefined) }, // left out
    { weight: 1, arbitrary: wrongType },
  );
}

/** A plausible input with none, one, two or all of its fields replaced by hostile values, maybe plus an unknown field. */
function objectFor(type: GraphQLInputObjectType, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.values(type.getFields());
  const good = fc.record(Object.fromEntries(fields.map((f) => [f.name, plausible(f.type, f.name, pools)])));
  const bad = fc.record(Object.fromEntries(fields.map((f) => [f.name, hostile(f.type, f.name, pools)])));
  const names = fields.map((f) => f.name);
  const spoiled = fc.oneof(
    { weight: 2, arbitrary: fc.constant([] as string[]) },
    { weight: 5, arbitrary: fc.subarray(names, { minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.subarray(names, { minLength: Math.min(2, names.length), maxLength: Math.min(2, names.length) }) },
    { weight: 1, arbitrary: fc.constant(names) },
  );
  const extra = fc.oneof(
    { weight: 12, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('unknownField', '__proto__', 'constructor', 'tenant'), fc.oneof(fc.string(), fc.integer())),
    },
  );
  return fc.tuple(good, bad, spoiled, extra).map(([g, b, hostileNames, more]) => {
    const result: Record<string, unknown> = {};
    for (const f of fields) {
      const v = hostileNames.includes(f.name) ? b[f.name] : g[f.name];
      if (v !== undefined) result[f.name] = v;
    }
    if (more) Object.defineProperty(result, more[0], { value: more[1], enumerable: true, configurable: true, writable: true });
    return result;
  });
}

/** A GraphQL literal for a JSON value; strings that look like enum names stay bare inside `enumFields`. */
function literal(value: unknown, enumish = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return enumish && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, enumish)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k));
  return `{${entries.map(([k, v]) => `${k}: ${literal(v, k === 'capabilities')}`).join(', ')}}`;
}

const MUTATIONS = [
  'purchaseSubscription',
  'setPartnerOfRecord',
  'changeLicenseQuantity',
  'suspendSubscription',
  'reactivateSubscription',
  'createCustomer',
  'createResellerInvitation',
  'acceptResellerInvitation',
  'removeResellerRelationship',
  'removeAdvisorRelationship',
  'createTenant',
  'createPartner',
  'createOffer',
  'authorizeOffer',
  'revokeOfferAuthorization',
  'setAutoRenew',
  'scheduleRenewalChange',
  'clearRenewalChange',
  'advanceTestClock',
  'cancelSubscription', // late: a cancelled subscription is read-only to the rest
  'createWebhookEndpoint',
  'updateWebhookEndpoint',
  'rotateWebhookSecret',
  'sendTestWebhook',
  'redeliverWebhook',
  'deleteWebhookEndpoint', // last: it removes endpoints the others use
];

interface Outcome {
  status: number;
  text: string;
  body?: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe('fuzzing every mutation input', () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  let w: World;
  let pools: Pools;
  const stats: Record<string, { runs: number; ok: number; codes: Record<string, number> }> = {};

  beforeAll(async () => {
    server = await startTestServer({ env: PRODUCTION });
    schema = await buildTenantrySchema();
    w = await buildWorld(server);
    const t = w.tokens;
    const kit = kitFor(server);
    const purchase = async (token: string, tenantId: string, offerId: string, quantity: number) =>
      (await kit.purchase(token, { tenantId, offerId, quantity })).id;
    const direct = await purchase(t.directBilling, w.tenants.direct, w.offers.basic.id, 10);
    const sold = await purchase(t.resellerAdmin, w.tenants.customer, w.offers.premium.id, 10);
    const suspended = await purchase(t.directBilling, w.tenants.direct, w.offers.e5.id, 10);
    await kit.suspend(t.directBilling, suspended);
    const invitation = ok(await server.gql(CREATE_RESELLER_INVITATION, { input: { expiresInDays: 30 } }, t.resellerAdmin))
      .createResellerInvitation.invitation.code;
    const endpoint = async (token: string) =>
      ok(await server.gql(CREATE_WEBHOOK_ENDPOINT, { input: { url: 'https://93.184.215.14/hook' } }, token)).createWebhookEndpoint
        .webhookEndpoint.id;
    const webhookEndpointIds = [await endpoint(t.platform), await endpoint(t.platform), await endpoint(t.directGlobal)];
    const webhookDeliveryIds = [
      ok(await server.gql(SEND_TEST_WEBHOOK, { input: { id: webhookEndpointIds[0] } }, t.platform)).sendTestWebhook.delivery.id,
      ok(await server.gql(SEND_TEST_WEBHOOK, { input: { id: webhookEndpointIds[2] } }, t.directGlobal)).sendTestWebhook.delivery.id,
    ];
    pools = {
      webhookEndpointIds,
      webhookDeliveryIds,
      tenantIds: Object.values(w.tenants),
      offerIds: Object.values(w.offers).map((o) => o.id),
      partnerIds: [...new Set(Object.values(w.partners))],
      subscriptionIds: [direct, sold, suspended],
      invitationCodes: [invitation],
    };
  });

  afterAll(async () => {
    // A summary helps to see that the cases reach the services and not only the validation.
    process.stdout.write(`fuzz summary: ${JSON.stringify(stats)}\n`);
    await ifSetUp(server)?.stop();
  });

  /** Who normally calls each mutation: most cases use it, so refusals come from the input, not the role. */
  function callers(mutation: string): string[] {
    const t = w.tokens;
    const byMutation: Record<string, string> = {
      purchaseSubscription: t.directBilling,
      setPartnerOfRecord: t.directBilling,
      changeLicenseQuantity: t.directBilling,
      suspendSubscription: t.directBilling,
      reactivateSubscription: t.directBilling,
      cancelSubscription: t.directBilling,
      setAutoRenew: t.directBilling,
      scheduleRenewalChange: t.directBilling,
      clearRenewalChange: t.directBilling,
      createCustomer: t.resellerAdmin,
      createResellerInvitation: t.resellerAdmin,
      acceptResellerInvitation: t.directGlobal,
      removeResellerRelationship: t.resellerAdmin,
      removeAdvisorRelationship: t.directGlobal,
    };
    const primary = byMutation[mutation] ?? t.platform;
    return [primary, primary, primary, primary, primary, primary, t.resellerSales, t.customerGlobal, t.directReader, t.platform];
  }

  async function send(query: string, variables: Record<string, unknown> | undefined, token: string): Promise<Outcome> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: Outcome['body'];
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, text, body };
  }

  const mutationNames = (): string[] => Object.keys(schema.getMutationType()!.getFields());

  it('covers every mutation of the schema', () => {
    expect([...MUTATIONS].sort()).toEqual(mutationNames().sort());
  });

  // One test per mutation, so a failure names it (the inputs themselves are generated from the schema).
  it.each(MUTATIONS)(
    `%s: ${RUNS} hostile inputs get contract codes only, and refusals change nothing`,
    async (mutation) => {
      expect(mutationNames()).toContain(mutation);
      const field = schema.getMutationType()!.getFields()[mutation];
      const arg = field.args.find((a) => a.name === 'input')!;
      const inputType = arg.type.toString();
      const namedInput = (arg.type instanceof GraphQLNonNull ? arg.type.ofType : arg.type) as GraphQLInputObjectType;
      const byVariables = `mutation Fuzz($input: ${inputType}) { ${mutation}(input: $input) { __typename } }`;
      const stat = (stats[mutation] = { runs: 0, ok: 0, codes: {} as Record<string, number> });

      let baseline = await dumpDatabase(server.dataSource);
      let baselineText = JSON.stringify(baseline);
      const input = fc.oneof(
        { weight: 30, arbitrary: objectFor(namedInput, pools) as fc.Arbitrary<unknown> },
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: wrongType },
      );
      const property = fc.asyncProperty(
        input,
        fc.constantFrom(...callers(mutation)),
        fc.constantFrom('variables', 'variables', 'variables', 'literal'),
        async (value, token, mode) => {
          const literalQuery =
            value !== null && typeof value === 'object' && !Array.isArray(value)
              ? `mutation Fuzz { ${mutation}(input: ${literal(value)}) { __typename } }`
              : undefined;
          const outcome =
            mode === 'literal' && literalQuery
              ? await send(literalQuery, undefined, token)
              : await send(byVariables, value === undefined ? {} : { input: value }, token);
          // JSON.stringify answers undefined for undefined, which the arbitraries can make.
          const context = () =>
            `${mode} ${(JSON.stringify(value) as string | undefined)?.slice(0, 500)} → HTTP ${outcome.status} ${outcome.text.slice(0, 500)}`;

          stat.runs++;
          if (outcome.status >= 500 || !outcome.body) throw new Error(`server error or non-JSON answer: ${context()}`);
          const errors = outcome.body.errors ?? [];
          for (const error of errors) {
            const code = String(error.extensions?.code);
            if (!CLOSED_SET.has(code)) throw new Error(`code ${code} is not a contract code: ${context()}`);
            const internal = Object.keys(error.extensions ?? {}).filter((k) =>
              ['stacktrace', 'exception', 'http', 'originalError'].includes(k),
            );
            if (internal.length) throw new Error(`internal error extensions ${internal.join(', ')}: ${context()}`);
            if (/\bstack\b|SQLITE_|\bER_[A-Z]|QueryFailedError|TypeError|\n\s+at /.test(error.message)) {
              throw new Error(`internal detail in the message: ${context()}`);
            }
            stat.codes[code] = (stat.codes[code] ?? 0) + 1;
            if (process.env.FUZZ_DEBUG && code === 'BAD_USER_INPUT') process.stdout.write(`${mutation} ${error.message.slice(0, 160)}\n`);
          }
          const after = await dumpDatabase(server.dataSource);
          const afterText = JSON.stringify(after);
          if (errors.length === 0) {
            if (!outcome.body.data?.[mutation]) throw new Error(`neither data nor errors: ${context()}`);
            stat.ok++;
            baseline = after;
            baselineText = afterText;
            return;
          }
          // Comparing the serialised dumps is fast; the deep comparison only runs to show a difference.
          if (afterText !== baselineText) expect({ refused: context(), tables: after }).toEqual({ refused: context(), tables: baseline });
        },
      );
      await fc.assert(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });
      expect(stat.runs).toBe(RUNS);
    },
    MUTATION_TIMEOUT_MS,
  );
});
