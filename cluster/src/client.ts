import { SignJWT } from 'jose';
import type { Instance } from './tenantry';

/** What one request came back with: its data, and the first error code ('OK' when none, 'NETWORK' when no HTTP answer). */
export interface Answer<T> {
  data: T | null;
  code: string;
  message: string;
  instance: string;
}

export async function gql<T>(
  instance: Instance,
  token: string,
  query: string,
  variables: object = {},
  timeoutMs = 60_000,
): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(instance.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { data: null, code: 'NETWORK', message: String((error as Error).cause ?? error), instance: instance.name };
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch (error) {
    return {
      data: null,
      code: 'NETWORK',
      message: `HTTP ${response.status}, no JSON: ${(error as Error).message}`,
      instance: instance.name,
    };
  }
  const first = body.errors?.[0];
  if (first) return { data: body.data ?? null, code: first.extensions?.code ?? 'NO_CODE', message: first.message, instance: instance.name };
  return { data: body.data ?? null, code: 'OK', message: '', instance: instance.name };
}

/** The data of an answer that must have succeeded (set-up steps). */
export function ok<T>(answer: Answer<T>, what: string): T {
  if (answer.code !== 'OK' || !answer.data) throw new Error(`${what} via ${answer.instance}: ${answer.code} ${answer.message}`);
  return answer.data;
}

/** A token the instances accept: HS256 with the shared AUTH_JWT_SECRET (SPEC §2 claims). */
export function signToken(
  secret: string,
  claims: { sub: string; roles: string[]; tenantId?: string; partnerId?: string },
): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
}

/** Counts answers by operation and code, for the summary and for the "never INTERNAL_SERVER_ERROR" check. */
export class Tally {
  readonly counts = new Map<string, Map<string, number>>();
  readonly samples = new Map<string, string>();

  add(operation: string, answer: Answer<unknown>): void {
    const byCode = this.counts.get(operation) ?? new Map<string, number>();
    byCode.set(answer.code, (byCode.get(answer.code) ?? 0) + 1);
    this.counts.set(operation, byCode);
    const sample = `${operation}/${answer.code}`;
    if (answer.code !== 'OK' && !this.samples.has(sample)) this.samples.set(sample, `${answer.instance}: ${answer.message}`);
  }

  count(code: string, operation?: string): number {
    let total = 0;
    for (const [name, byCode] of this.counts) if (!operation || name === operation) total += byCode.get(code) ?? 0;
    return total;
  }

  total(): number {
    let total = 0;
    for (const byCode of this.counts.values()) for (const n of byCode.values()) total += n;
    return total;
  }

  describe(): string {
    return [...this.counts]
      .map(([operation, byCode]) => `${operation}: ${[...byCode].map(([code, n]) => `${code} ${n}`).join(', ')}`)
      .join('\n');
  }
}
