import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import { Partner, Tenant } from '../entities';
import type { Services } from '../services';
import { SubscriptionConnection, TenantConnection } from './types/connections';
import { PartnerRelationship } from './types/partner-relationship';
import { CreateCustomerPayload, CreateTenantPayload } from './types/payloads';
import { SubscriptionPageArgs, TenantSearchArgs } from './types/page-args';
import { CreateCustomerInput, CreateTenantInput } from './types/tenant-inputs';

@Resolver(() => Tenant)
export class TenantResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.Read)
  @Query(() => Tenant, { description: 'A tenant in your scope; NOT_FOUND otherwise.' })
  tenant(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.services.tenants.get(ctx, id);
  }

  @Authorized(Permission.ListAllTenants)
  @Query(() => TenantConnection, { description: 'Every tenant (platform admins).' })
  async tenants(@Args(() => TenantSearchArgs) args: TenantSearchArgs, @Ctx() ctx: RequestContext) {
    return TenantConnection.from(await this.services.tenants.listAll(ctx, args));
  }

  @Authorized(Permission.ListCustomers)
  @Query(() => TenantConnection, { description: 'Your customers: tenants you have a reseller relationship with.' })
  async customers(@Args(() => TenantSearchArgs) args: TenantSearchArgs, @Ctx() ctx: RequestContext) {
    return TenantConnection.from(await this.services.tenants.listCustomers(ctx, args));
  }

  @Authorized(Permission.CreateTenant)
  @Mutation(() => CreateTenantPayload, { description: 'Create a tenant (platform admins; stands for self sign-up).' })
  async createTenant(@Arg('input', () => CreateTenantInput) input: CreateTenantInput, @Ctx() ctx: RequestContext) {
    return Object.assign(new CreateTenantPayload(), { tenant: await this.services.tenants.create(ctx, input) });
  }

  @Authorized(Permission.CreateCustomer)
  @Mutation(() => CreateCustomerPayload, { description: 'Create a customer whose billing you, the reseller, manage.' })
  async createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: RequestContext) {
    return Object.assign(new CreateCustomerPayload(), { tenant: await this.services.tenants.createCustomer(ctx, input) });
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The reseller that created and bills this tenant, if any.' })
  billingManagedBy(@Root() tenant: Tenant, @Ctx() ctx: RequestContext) {
    return tenant.billingManagedById ? ctx.loaders.partnerById.load(tenant.billingManagedById) : null;
  }

  @FieldResolver(() => SubscriptionConnection, { description: 'The tenant’s subscriptions that you can see.' })
  async subscriptions(
    @Root() tenant: Tenant,
    // No class-validator rules on page arguments (pageSize checks `first`): skip running it once per tenant of a list.
    @Args(() => SubscriptionPageArgs, { validate: false }) args: SubscriptionPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return SubscriptionConnection.from(await this.services.subscriptions.pageForTenant(ctx, tenant.id, args));
  }

  @FieldResolver(() => [PartnerRelationship], {
    description: 'Every partner related to the tenant; empty when there is none. Partner users see only their own entry.',
  })
  async partnerRelationships(@Root() tenant: Tenant, @Ctx() ctx: RequestContext) {
    const related = await this.services.tenants.partnerRelationships(ctx, tenant);
    return related.map((r) => Object.assign(new PartnerRelationship(), { ...r, tenantId: tenant.id }));
  }
}
