import { createHmac } from 'node:crypto';

/**
 * The `Tenantry-Signature` header (SPEC §6): `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`,
 * one `v1=` per secret that still signs (the current one, and the previous one for 24 hours after a
 * rotation), so a receiver holding either secret verifies during the switch. The key is the secret string
 * as given to the owner (`whsec_…`), used as is.
 */
export function signatureHeader(rawBody: string | Buffer, secrets: readonly string[], at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const signed = Buffer.concat([Buffer.from(`${t}.`), typeof rawBody === 'string' ? Buffer.from(rawBody) : rawBody]);
  const signatures = secrets.map((secret) => `v1=${createHmac('sha256', secret).update(signed).digest('hex')}`);
  return [`t=${t}`, ...signatures].join(',');
}

/** The secrets that sign at `now`: the current one, then the previous one until it expires. */
export function signingSecrets(
  endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
  now: Date,
): string[] {
  const previousValid = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return previousValid ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
}
