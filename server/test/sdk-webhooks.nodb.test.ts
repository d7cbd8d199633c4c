import { createHmac } from 'node:crypto';
import { loadSdk } from './fixtures/sdk/ensure-built';
import { EVENT_TYPES } from '../src/domain/event-types';

/**
 * SPEC §6: the built @tenantry/sdk verifies a delivery the way the spec signs it — `t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<raw body>" keyed with the secret>`, one v1= per valid secret — and refuses anything
 * else with a reason a receiver can log.
 */
const { verifyWebhook, WebhookVerificationError, TENANTRY_EVENT_TYPES } = loadSdk();

const SECRET = 'whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
const OTHER_SECRET = 'whsec_ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkjih';
const NOW = Date.UTC(2026, 10, 30, 10, 0, 0);
const T = NOW / 1000;
const EVENT = {
  id: '0193a3c4-0000-7000-8000-000000000001',
  type: 'subscription.purchased',
  createdAt: '2026-11-30T10:00:00.000Z',
  tenantId: '0193a3c4-0000-7000-8000-0000000000aa',
  actor: { tenantId: null, partnerId: '1000001' },
  target: { type: 'Subscription', id: '0193a3c4-0000-7000-8000-0000000000bb' },
  data: { before: null, after: { quantity: 5 } },
};
const BODY = JSON.stringify(EVENT);
const sign = (secret: string, t: number, body: string) => createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

/** The reason verifyWebhook refuses with, or 'accepted'. */
function outcome(...args: Parameters<typeof verifyWebhook>): string {
  try {
    verifyWebhook(...args);
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as Error).message).toMatch(/^[A-Z].+\.$/);
    return (error as InstanceType<typeof WebhookVerificationError>).reason;
  }
}

describe('verifyWebhook (@tenantry/sdk)', () => {
  it('returns the event of a body signed by hand with the secret', () => {
    const header = `t=${T},v1=${sign(SECRET, T, BODY)}`;
    expect(verifyWebhook(BODY, header, SECRET, { now: NOW })).toEqual(EVENT);
    expect(verifyWebhook(new TextEncoder().encode(BODY), header, [SECRET], { now: new Date(NOW + 299_000) })).toEqual(EVENT);
  });

  it('refuses a tampered body, a wrong secret, an old or future timestamp', () => {
    const header = `t=${T},v1=${sign(SECRET, T, BODY)}`;
    expect(outcome(BODY.replace('"quantity":5', '"quantity":6'), header, SECRET, { now: NOW })).toBe('no_matching_signature');
    expect(outcome(BODY, header, OTHER_SECRET, { now: NOW })).toBe('no_matching_signature');
    expect(outcome(BODY, `t=${T + 1},v1=${sign(SECRET, T, BODY)}`, SECRET, { now: NOW })).toBe('no_matching_signature');
    expect(outcome(BODY, header, SECRET, { now: NOW + 301_000 })).toBe('timestamp_outside_tolerance');
    expect(outcome(BODY, header, SECRET, { now: NOW - 301_000 })).toBe('timestamp_outside_tolerance');
    expect(outcome(BODY, header, SECRET, { now: NOW + 3_000_000, toleranceSeconds: 3600 })).toBe('accepted');
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['no timestamp', `v1=${'a'.repeat(64)}`],
    ['no signature', `t=${T}`],
    ['a non-numeric timestamp', `t=soon,v1=${'a'.repeat(64)}`],
    ['two timestamps', `t=${T},t=${T},v1=${'a'.repeat(64)}`],
    ['a short signature', `t=${T},v1=abc`],
    ['a part without a key', `t=${T},v1=${'a'.repeat(64)},garbage`],
  ])('refuses a header with %s as malformed_header', (_case, header) => {
    expect(outcome(BODY, header, SECRET, { now: NOW })).toBe('malformed_header');
  });

  it('refuses a correctly signed body that is not an event', () => {
    for (const body of ['not json', '[1,2]', '{"id":1}']) {
      expect(outcome(body, `t=${T},v1=${sign(SECRET, T, body)}`, SECRET, { now: NOW })).toBe('malformed_body');
    }
  });

  it('verifies during a rotation: two v1= entries, either secret', () => {
    const header = `t=${T},v1=${sign(OTHER_SECRET, T, BODY)},v1=${sign(SECRET, T, BODY)}`;
    expect(outcome(BODY, header, SECRET, { now: NOW })).toBe('accepted');
    expect(outcome(BODY, header, OTHER_SECRET, { now: NOW })).toBe('accepted');
    expect(outcome(BODY, header, ['whsec_unrelated', OTHER_SECRET], { now: NOW })).toBe('accepted');
    expect(outcome(BODY, `t=${T},v1=${sign(SECRET, T, BODY)}`, [OTHER_SECRET, SECRET], { now: NOW })).toBe('accepted');
    expect(outcome(BODY, header, ['whsec_unrelated'], { now: NOW })).toBe('no_matching_signature');
    // Unknown schemes are ignored, not refused.
    expect(outcome(BODY, `t=${T},v0=abc,v1=${sign(SECRET, T, BODY)}`, SECRET, { now: NOW })).toBe('accepted');
  });

  it('knows every event type the server writes', () => {
    expect([...TENANTRY_EVENT_TYPES]).toEqual([...EVENT_TYPES]);
  });
});
