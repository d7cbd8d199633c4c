import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../domain/errors';
import { ErrorCode } from '../domain/error-codes';

/**
 * A `subscription` operation sent over HTTP is the client's mistake, not the server's: answer BAD_USER_INPUT
 * pointing to the WebSocket endpoint (SPEC §3, §6) instead of failing in execution.
 */
export const subscriptionsOverHttpPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          'Subscriptions are served over WebSocket, not HTTP: connect to this /graphql URL with the graphql-transport-ws protocol (graphql-ws).',
          { http: { status: 400 } },
        );
      },
    };
  },
};
