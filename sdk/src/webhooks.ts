/**
 * Receiving Tenantry webhooks: check the `Tenantry-Signature` header of a delivery and read its event.
 *
 * The header is `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, one `v1=` per secret that signs (two for 24 hours after
 * a rotation); each is the HMAC-SHA256, keyed with the secret string, of `"<t>.<raw body>"`.
 */

/** Every event type (SPEC §6): an event's type is the audit action of the change it records. */
export const TENANTRY_EVENT_TYPES = [
  'subscription.purchased',
  'subscription.quantityChanged',
  'subscription.suspended',
  'subscription.reactivated',
  'subscription.deleted',
  'subscription.partnerOfRecordSet',
  'subscription.partnerOfRecordRemoved',
  'subscription.cancelled',
  'subscription.expired',
  'subscription.renewed',
  'subscription.termEnding',
  'subscription.autoRenewChanged',
  'subscription.renewalChangeScheduled',
  'subscription.renewalChangeCleared',
  'tenant.created',
  'resellerRelationship.created',
  'resellerRelationship.removed',
  'tenant.billingManagerCleared',
  'resellerInvitation.created',
  'partner.created',
  'offer.created',
  'offer.authorized',
  'offer.authorizationRevoked',
  'webhookEndpoint.created',
  'webhookEndpoint.updated',
  'webhookEndpoint.deleted',
  'webhookEndpoint.secretRotated',
  'webhookEndpoint.disabled',
  'webhookDelivery.redelivered',
  'webhook.test',
  'testClock.advanced',
] as const;

export type TenantryEventType = (typeof TENANTRY_EVENT_TYPES)[number];

/** The JSON body of a delivery. Deduplicate by `id`: a delivery may arrive more than once, and out of order. */
export interface TenantryEvent<T extends TenantryEventType = TenantryEventType> {
  id: string;
  type: T;
  /** ISO 8601, when the change was committed. */
  createdAt: string;
  /** The tenant the change concerns, if any. */
  tenantId: string | null;
  /** Who made the change: their organisation (never another organisation's user). */
  actor: { tenantId: string | null; partnerId: string | null };
  target: { type: string; id: string };
  data: { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

export type WebhookVerificationFailure = 'malformed_header' | 'timestamp_outside_tolerance' | 'no_matching_signature' | 'malformed_body';

/** The delivery is not to be trusted: answer it with 400 and do not act on it. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';

  constructor(
    readonly reason: WebhookVerificationFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifyWebhookOptions {
  /** How far the signature's timestamp may be from now, in seconds (both ways); 300 by default. */
  toleranceSeconds?: number;
  /** Now, for tests: a Date or milliseconds since the epoch. */
  now?: Date | number;
}

/** The part of node:crypto used here, loaded at call time so that browser bundles of the SDK never import it. */
interface NodeCrypto {
  createHmac(algorithm: 'sha256', key: string): { update(data: string | Uint8Array): { digest(): Uint8Array } };
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

function nodeCrypto(): NodeCrypto {
  const processObject = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const crypto = processObject?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  if (!crypto) throw new Error('verifyWebhook needs node:crypto: call it on Node.js 20.16 or later, where the webhook is received.');
  return crypto;
}

const SIGNATURE_HEX = /^[0-9a-f]{64}$/;

function parseHeader(header: string | null | undefined): { timestamp: number; signatures: Uint8Array[] } {
  const malformed = (detail: string) =>
    new WebhookVerificationError('malformed_header', `The Tenantry-Signature header ${detail}; expected t=<unix seconds>,v1=<hex>.`);
  if (typeof header !== 'string' || header.trim() === '') throw malformed('is missing');
  let timestamp: number | undefined;
  const signatures: Uint8Array[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 1) throw malformed(`has a part without a key (${JSON.stringify(part.trim().slice(0, 20))})`);
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(value)) throw malformed('has a missing, repeated or non-numeric t=');
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!SIGNATURE_HEX.test(value)) throw malformed('has a v1= that is not 64 lower-case hex digits');
      signatures.push(hexBytes(value));
    }
    // Other keys (a later signature scheme) are ignored.
  }
  if (timestamp === undefined) throw malformed('has no t=');
  if (signatures.length === 0) throw malformed('has no v1=');
  return { timestamp, signatures };
}

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/**
 * Checks a delivery and returns its event, or throws WebhookVerificationError with a `reason`. Pass the body
 * exactly as received (before any JSON parsing), the `Tenantry-Signature` header, and the endpoint's secret —
 * or both secrets while you rotate. Every comparison is constant-time.
 */
export function verifyWebhook(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secrets: string | readonly string[],
  options: VerifyWebhookOptions = {},
): TenantryEvent {
  const { timestamp, signatures } = parseHeader(signatureHeader);
  const toleranceSeconds = options.toleranceSeconds ?? 300;
  const nowMs = options.now === undefined ? Date.now() : typeof options.now === 'number' ? options.now : options.now.getTime();
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_outside_tolerance',
      `The signature was made at ${timestamp} (unix seconds), more than ${toleranceSeconds} seconds from now: refuse it as a possible replay.`,
    );
  }
  const crypto = nodeCrypto();
  const signed = typeof rawBody === 'string' ? `${timestamp}.${rawBody}` : concat(new TextEncoder().encode(`${timestamp}.`), rawBody);
  let matched = false;
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    const expected = crypto.createHmac('sha256', secret).update(signed).digest();
    // Every pair is compared, so the time taken does not tell which secret or signature matched.
    for (const signature of signatures) matched = crypto.timingSafeEqual(expected, signature) || matched;
  }
  if (!matched) {
    throw new WebhookVerificationError(
      'no_matching_signature',
      'No v1= signature matches the body with the given secrets: check the secret, and pass the raw body, unparsed.',
    );
  }
  return parseEvent(typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody));
}

function parseEvent(body: string): TenantryEvent {
  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    throw new WebhookVerificationError('malformed_body', 'The signed body is not JSON.');
  }
  const candidate = event as Partial<TenantryEvent> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.id !== 'string' || typeof candidate.type !== 'string') {
    throw new WebhookVerificationError('malformed_body', 'The signed body is not a Tenantry event (an object with an id and a type).');
  }
  return candidate as TenantryEvent;
}
