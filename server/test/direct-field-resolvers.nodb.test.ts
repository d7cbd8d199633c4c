import 'reflect-metadata';
import type { GraphQLObjectType } from 'graphql';
import { buildTenantrySchema } from '../src/graphql/schema';
import { resolveDirectly } from '../src/graphql/direct-field-resolvers';
import { SubscriptionResolver } from '../src/resolvers/subscription.resolver';
import { TenantResolver } from '../src/resolvers/tenant.resolver';

/**
 * Subscription.offer, reseller and partnerOfRecord skip type-graphql's resolver wrapper (issue 6). The swap
 * must refuse fields whose arguments, authorization or middleware only that wrapper would apply.
 */
describe('resolveDirectly', () => {
  const noop = () => null;

  it('refuses a field with arguments (they would not be converted or validated)', async () => {
    const schema = await buildTenantrySchema();
    expect(() => resolveDirectly(schema, TenantResolver, 'Tenant', { subscriptions: noop })).toThrow(/has arguments/);
  });

  it('refuses a name that is not a field resolver of the class', async () => {
    const schema = await buildTenantrySchema();
    expect(() => resolveDirectly(schema, SubscriptionResolver, 'Subscription', { quantity: noop })).toThrow(/not a field resolver/);
    expect(() => resolveDirectly(schema, TenantResolver, 'Subscription', { offer: noop })).toThrow(/not a field resolver/);
  });

  it('takes the list fields it is used for, and the field then calls the given function', async () => {
    const schema = await buildTenantrySchema();
    const seen: unknown[] = [];
    resolveDirectly(schema, SubscriptionResolver, 'Subscription', { offer: (root, ctx) => seen.push(root, ctx) });
    const field = schema.getType('Subscription') as GraphQLObjectType;
    field.getFields().offer.resolve!('root', {}, 'context' as never, {} as never);
    expect(seen).toEqual(['root', 'context']);
  });
});
