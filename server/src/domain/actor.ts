import { Role } from '../entities/enums';

/** Who is calling, from the verified bearer token (SPEC §5 claims). */
export interface Actor {
  subject: string;
  roles: Role[];
  tenantId: string | null;
  partnerId: string | null;
}

export const TENANT_ROLES: ReadonlySet<Role> = new Set([Role.TENANT_GLOBAL_ADMIN, Role.TENANT_BILLING_ADMIN, Role.TENANT_READER]);
export const PARTNER_ROLES: ReadonlySet<Role> = new Set([Role.PARTNER_ADMIN_AGENT, Role.PARTNER_SALES_AGENT, Role.PARTNER_HELPDESK_AGENT]);

export const isPlatformAdmin = (actor: Actor) => actor.roles.includes(Role.PLATFORM_ADMIN);
export const isTenantUser = (actor: Actor): actor is Actor & { tenantId: string } =>
  actor.tenantId !== null && actor.roles.some((r) => TENANT_ROLES.has(r));
export const isPartnerUser = (actor: Actor): actor is Actor & { partnerId: string } =>
  actor.partnerId !== null && actor.roles.some((r) => PARTNER_ROLES.has(r));
