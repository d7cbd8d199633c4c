import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { RequestContext } from '../auth/request-context';

/**
 * Logs every error that is not a deliberate refusal (a resolver or the database threw something that is
 * not a GraphQLError). Clients get INTERNAL_SERVER_ERROR without detail in production; the detail is here.
 */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async contextCreationDidFail({ error }) {
      // Refusals (401, 429) are GraphQLErrors; anything else is a failure (a JWKS or rate-limit store outage).
      if (!(error instanceof GraphQLError)) logger.error({ err: error }, 'unexpected error while authenticating a request');
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const original = error.originalError;
            if (original === undefined || original instanceof GraphQLError) continue;
            logger.error(
              { err: original, requestId: contextValue.requestId, operationName, path: error.path },
              'unexpected error while executing an operation',
            );
          }
        },
      };
    },
  };
}
