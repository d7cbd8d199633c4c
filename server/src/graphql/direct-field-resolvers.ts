import { isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { RequestContext } from '../auth/request-context';

/**
 * type-graphql wraps every field resolver to build its parameter list and run middlewares: several objects
 * per call. A few fields resolve once per item of long lists (Subscription.offer up to 1,000 times on a
 * customer page) and need none of it: no arguments, no authorization, no middleware. Their resolvers are
 * swapped for direct calls of the same resolver methods (issue 6 profile).
 *
 * Refuses at startup when such a field gains arguments, `@Authorized` or `@UseMiddleware`: those need
 * type-graphql's wrapper, and silently skipping them would be an authorization hole.
 */
export function resolveDirectly<TRoot>(
  schema: GraphQLSchema,
  resolverClass: abstract new (...args: never[]) => unknown,
  typeName: string,
  fields: Record<string, (root: TRoot, context: RequestContext) => unknown>,
): void {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`resolveDirectly: ${typeName} is not an object type`);
  const metadata = getMetadataStorage().fieldResolvers;
  for (const [name, resolve] of Object.entries(fields)) {
    // A name the type does not have is undefined here, as `fields` may name any.
    const field = type.getFields()[name] as GraphQLField<TRoot, RequestContext> | undefined;
    const declared = metadata.find((m) => m.target === resolverClass && m.schemaName === name);
    if (!field || !declared) throw new Error(`resolveDirectly: ${typeName}.${name} is not a field resolver of ${resolverClass.name}`);
    if (field.args.length || declared.roles || declared.middlewares?.length) {
      throw new Error(`resolveDirectly: ${typeName}.${name} has arguments, @Authorized or middlewares; it needs type-graphql's wrapper`);
    }
    field.resolve = ((root: TRoot, _args: unknown, context: RequestContext) => resolve(root, context)) as GraphQLFieldResolver<
      TRoot,
      RequestContext
    >;
  }
}
