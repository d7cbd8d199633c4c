import { GraphQLID, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { RequestContext } from '../auth/request-context';
import type { AuditEvent } from '../entities';
import type { Services } from '../services';

/**
 * Adds the subscription root `LiveUpdates` (SPEC §6). type-graphql would name its root `Subscription`, the
 * name of our domain type, and has no option to rename it: the root is added to the built schema with
 * graphql-js, reusing the built `AuditEvent` type, so its fields resolve as in the `auditEvents` query.
 */
export function withLiveUpdates(schema: GraphQLSchema, services?: Services): GraphQLSchema {
  const auditEvent = schema.getType('AuditEvent') as GraphQLObjectType;
  const liveUpdates = new GraphQLObjectType<AuditEvent, RequestContext>({
    name: 'LiveUpdates',
    description:
      'Live updates, over WebSocket only: connect to /graphql with the graphql-transport-ws protocol and send the token in connection_init as {"authorization": "Bearer …"}.',
    fields: {
      events: {
        type: new GraphQLNonNull(auditEvent),
        description:
          'Every later event the caller may read (the audit trail’s rule, checked per event): of one tenant with tenantId, only the given types with types (none or empty: all).',
        args: {
          tenantId: { type: GraphQLID, description: 'Only this tenant’s events; a tenant you cannot read is NOT_FOUND.' },
          types: {
            type: new GraphQLList(new GraphQLNonNull(GraphQLString)),
            description: 'Only events of these types (the audit action, e.g. subscription.purchased).',
          },
        },
        subscribe: (_root: unknown, args: { tenantId?: string | null; types?: string[] | null }, ctx: RequestContext) =>
          services!.liveEvents.subscribe(ctx, args),
        resolve: (event: AuditEvent) => event,
      },
    },
  });
  return new GraphQLSchema({ ...schema.toConfig(), subscription: liveUpdates });
}
