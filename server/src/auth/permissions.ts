import { Role } from '../entities/enums';

/** One permission per kind of operation; every resolver names the one it needs (SPEC §2). */
export enum Permission {
  Read = 'Read',
  ListAllTenants = 'ListAllTenants',
  ListCustomers = 'ListCustomers',
  ReadAuditEvents = 'ReadAuditEvents',
  PurchaseSubscription = 'PurchaseSubscription',
  ManageSubscription = 'ManageSubscription',
  SetPartnerOfRecord = 'SetPartnerOfRecord',
  RemoveAdvisorRelationship = 'RemoveAdvisorRelationship',
  AcceptResellerInvitation = 'AcceptResellerInvitation',
  CreateCustomer = 'CreateCustomer',
  CreateResellerInvitation = 'CreateResellerInvitation',
  RemoveResellerRelationship = 'RemoveResellerRelationship',
  CreateTenant = 'CreateTenant',
  CreatePartner = 'CreatePartner',
  CreateOffer = 'CreateOffer',
  AuthorizeOffers = 'AuthorizeOffers',
  ManageWebhooks = 'ManageWebhooks',
  AdvanceTestClock = 'AdvanceTestClock',
}

const R = Role;
const ALL = Object.values(Role);
/** Who manages a subscription on each side (SPEC §2); AccessPolicy decides which subscriptions. */
export const TENANT_MANAGERS: readonly Role[] = [R.TENANT_GLOBAL_ADMIN, R.TENANT_BILLING_ADMIN];
export const PARTNER_MANAGERS: readonly Role[] = [R.PARTNER_ADMIN_AGENT, R.PARTNER_SALES_AGENT];
const PARTNERS = [R.PARTNER_ADMIN_AGENT, R.PARTNER_SALES_AGENT, R.PARTNER_HELPDESK_AGENT];

/** The role matrix of SPEC §2. Scope (which tenant, which partner) is decided by AccessPolicy. */
const ROLE_MATRIX: Record<Permission, readonly Role[]> = {
  [Permission.Read]: ALL,
  [Permission.ListAllTenants]: [R.PLATFORM_ADMIN],
  [Permission.ListCustomers]: PARTNERS,
  [Permission.ReadAuditEvents]: [...TENANT_MANAGERS, R.PARTNER_ADMIN_AGENT, R.PLATFORM_ADMIN],
  [Permission.PurchaseSubscription]: [...TENANT_MANAGERS, ...PARTNER_MANAGERS],
  [Permission.ManageSubscription]: [...TENANT_MANAGERS, ...PARTNER_MANAGERS],
  [Permission.SetPartnerOfRecord]: [...TENANT_MANAGERS, ...PARTNER_MANAGERS],
  [Permission.RemoveAdvisorRelationship]: TENANT_MANAGERS,
  [Permission.AcceptResellerInvitation]: [R.TENANT_GLOBAL_ADMIN],
  [Permission.CreateCustomer]: PARTNER_MANAGERS,
  [Permission.CreateResellerInvitation]: PARTNER_MANAGERS,
  [Permission.RemoveResellerRelationship]: PARTNER_MANAGERS,
  [Permission.CreateTenant]: [R.PLATFORM_ADMIN],
  [Permission.CreatePartner]: [R.PLATFORM_ADMIN],
  [Permission.CreateOffer]: [R.PLATFORM_ADMIN],
  [Permission.AuthorizeOffers]: [R.PLATFORM_ADMIN],
  [Permission.ManageWebhooks]: [R.TENANT_GLOBAL_ADMIN, R.PARTNER_ADMIN_AGENT, R.PLATFORM_ADMIN],
  [Permission.AdvanceTestClock]: [R.PLATFORM_ADMIN],
};

/** What a refused caller is told; a sentence they can act on. */
const DENIALS: Partial<Record<Permission, string>> = {
  [Permission.ListAllTenants]: 'Only platform administrators can list all tenants; partners use `customers`.',
  [Permission.ListCustomers]: 'Only partner users have customers; tenant users read their own tenant with `tenant`.',
  [Permission.ReadAuditEvents]: 'Your role cannot read the audit trail; ask a global or billing admin.',
  [Permission.RemoveAdvisorRelationship]: 'Only a tenant’s global or billing admin can remove an advisor relationship.',
  [Permission.AcceptResellerInvitation]: 'Only the tenant’s global admin can accept a reseller invitation.',
  [Permission.RemoveResellerRelationship]:
    'A customer cannot remove its reseller relationship: ask your reseller to remove it from its partner center.',
  [Permission.ManageWebhooks]: 'Only a tenant’s global admin, a partner’s admin agent or a platform admin can manage webhook endpoints.',
  [Permission.AdvanceTestClock]: 'Only a platform administrator can move the test clock; ask one to advance domain time.',
};

export function deniedMessage(permission: Permission, roles: readonly Role[]): string {
  return DENIALS[permission] ?? `Your role (${roles.join(', ')}) does not allow this operation; ask an administrator with the right role.`;
}

export const rolesAllow = (roles: readonly Role[], permission: Permission): boolean =>
  roles.some((role) => ROLE_MATRIX[permission].includes(role));
