import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { DataSource } from 'typeorm';
import type { AuthConfig } from '../config';
import { Partner, Role, Tenant } from '../entities';
import { AppError } from '../domain/errors';
import { ErrorCode } from '../domain/error-codes';
import { type Actor, PARTNER_ROLES, TENANT_ROLES } from '../domain/actor';
import { codePoints, isPartnerId, textProblem } from '../domain/rules';

const ROLE_NAMES = new Set<string>(Object.values(Role));
const SUBJECT_MAX = 255;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const unauthenticated = (message: string) => new AppError(ErrorCode.UNAUTHENTICATED, message);

/** Turns verified claims into an Actor, refusing tokens whose claims do not fit SPEC §5. */
export function actorFromClaims(claims: JWTPayload): Actor {
  const { sub, roles, tenantId, partnerId } = claims as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '') throw unauthenticated('The token has no subject (sub) claim.');
  // The subject is recorded with every change (audit_events.actorSubject, 255 characters).
  if (codePoints(sub) > SUBJECT_MAX) throw unauthenticated(`The token's subject (sub) is longer than ${SUBJECT_MAX} characters.`);
  const subjectProblem = textProblem(sub);
  if (subjectProblem) throw unauthenticated(`The token's subject (sub) ${subjectProblem}.`);
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => typeof r === 'string' && ROLE_NAMES.has(r))) {
    throw unauthenticated('The token’s roles claim must be a non-empty list of known role names.');
  }
  const typedRoles = roles as Role[];
  const wantsTenant = typedRoles.some((r) => TENANT_ROLES.has(r));
  const wantsPartner = typedRoles.some((r) => PARTNER_ROLES.has(r));
  const wantsPlatform = typedRoles.includes(Role.PLATFORM_ADMIN);
  if ([wantsTenant, wantsPartner, wantsPlatform].filter(Boolean).length > 1) {
    throw unauthenticated('A token’s roles must come from one family: tenant roles, partner roles, or PLATFORM_ADMIN alone.');
  }
  const hasTenantId = tenantId !== undefined && tenantId !== null;
  const hasPartnerId = partnerId !== undefined && partnerId !== null;
  if (wantsTenant && (typeof tenantId !== 'string' || !UUID.test(tenantId))) {
    throw unauthenticated('A token with tenant roles must carry the tenantId claim.');
  }
  if (wantsPartner && (typeof partnerId !== 'string' || !isPartnerId(partnerId))) {
    throw unauthenticated('A token with partner roles must carry the partnerId claim (6–10 digits, not starting with 0).');
  }
  if (hasPartnerId && !wantsPartner) throw unauthenticated('Only a token with partner roles may carry the partnerId claim.');
  if (hasTenantId && !wantsTenant) throw unauthenticated('Only a token with tenant roles may carry the tenantId claim.');
  return {
    subject: sub,
    roles: typedRoles,
    tenantId: wantsTenant ? (tenantId as string) : null,
    partnerId: wantsPartner ? (partnerId as string) : null,
  };
}

/** How far in the future a token's iat or nbf may be (the issuer's clock may run ahead of ours). */
const CLOCK_SKEW_SECONDS = 60;

/** How many verified tokens are remembered, and for how long at most (a JWKS key removal applies within it). */
const VERIFIED_CACHE_SIZE = 10_000;
const VERIFIED_CACHE_MS = 60_000;

export class TokenVerifier {
  private readonly verifyKey: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  /**
   * Tokens that verified, with their actor: a client sends the same token with every request, and the
   * signature check (WebCrypto, off the main thread) was the largest fixed cost of a small request. An
   * entry is used only before the token's `exp` (as jose checks it, to the second) and for at most a minute.
   */
  private readonly verified = new Map<string, { actor: Actor; validUntilMs: number; expSeconds: number }>();

  /**
   * `organisationExists` answers whether the token's tenant or partner exists (SPEC §2). Neither is ever
   * deleted, so the answer is remembered with the verified token.
   */
  constructor(
    private readonly config: AuthConfig,
    private readonly organisationExists: (actor: Actor) => Promise<boolean>,
  ) {
    if (config.jwksUrl) {
      this.verifyKey = createRemoteJWKSet(new URL(config.jwksUrl));
      this.algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
    } else {
      this.verifyKey = new TextEncoder().encode(config.jwtSecret);
      this.algorithms = ['HS256'];
    }
  }

  /** Verifies `Authorization: Bearer <JWT>`; every failure is UNAUTHENTICATED with a reason. */
  async verify(authorization: string | undefined): Promise<Actor> {
    if (!authorization) throw unauthenticated('Sign in: send an Authorization: Bearer <token> header.');
    const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const now = Date.now();
    const known = this.verified.get(match[1]);
    if (known) {
      if (now < known.validUntilMs && Math.floor(now / 1000) < known.expSeconds) return known.actor;
      this.verified.delete(match[1]);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], this.verifyKey as Uint8Array, {
        algorithms: this.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_SKEW_SECONDS,
      }));
    } catch (error) {
      const code = (error as { code?: string; claim?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw unauthenticated('The token has expired; get a new one.');
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { claim?: string }).claim === 'exp') {
        throw unauthenticated('The token has no expiry (exp claim); tokens that never expire are refused.');
      }
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && ['nbf', 'iat'].includes((error as { claim?: string }).claim ?? '')) {
        throw unauthenticated('The token is not valid yet (iat or nbf is in the future); check the issuer’s clock.');
      }
      throw unauthenticated('The token is not valid: it is malformed, forged, or signed with another key.');
    }
    const nowSeconds = Math.floor(now / 1000);
    // The tolerance above is for clock skew on nbf/iat only: an expired token is refused to the second.
    if (payload.exp! <= nowSeconds) throw unauthenticated('The token has expired; get a new one.');
    if ((payload.iat ?? 0) > nowSeconds + CLOCK_SKEW_SECONDS) {
      throw unauthenticated('The token is not valid yet (iat or nbf is in the future); check the issuer’s clock.');
    }
    const actor = actorFromClaims(payload);
    if (!(await this.organisationExists(actor))) {
      throw unauthenticated(
        `The token names ${actor.tenantId ? `tenant ${actor.tenantId}` : `partner ${actor.partnerId}`}, which does not exist.`,
      );
    }
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(match[1], { actor, validUntilMs: now + VERIFIED_CACHE_MS, expSeconds: payload.exp! });
    return actor;
  }
}

/** Whether the tenant or partner a token names exists; platform admins name neither. */
export const organisationExists =
  (dataSource: DataSource) =>
  async (actor: Actor): Promise<boolean> => {
    if (actor.tenantId) return dataSource.getRepository(Tenant).existsBy({ id: actor.tenantId });
    if (actor.partnerId) return dataSource.getRepository(Partner).existsBy({ id: actor.partnerId });
    return true;
  };

export interface TokenRequest {
  subject?: string;
  roles: Role[];
  tenantId?: string;
  partnerId?: string;
  expiresIn?: string;
}

/** Issues a development token signed with the HS256 secret. */
export async function signDevelopmentToken(secret: string, request: TokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { roles: request.roles };
  if (request.tenantId) claims.tenantId = request.tenantId;
  if (request.partnerId) claims.partnerId = request.partnerId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject ?? `dev-${request.roles[0].toLowerCase()}`)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(secret));
}
