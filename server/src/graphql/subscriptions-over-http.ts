import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '../domain/errors';
import { ErrorCode } from '../domain/error-codes';

export const SUBSCRIPTIONS_OVER_WEBSOCKET =
  'Subscriptions are served over WebSocket, not HTTP: connect to this /graphql URL with the graphql-transport-ws protocol (graphql-ws).';

/** Apollo's own refusal of a `subscription` sent by GET (HTTP 405), which comes before any plugin sees it. */
export const isGetSubscriptionRefusal = (message: string): boolean =>
  message === 'GET requests only support query operations, not subscription operations';

/**
 * A `subscription` operation sent over HTTP is the client's mistake, not the server's: answer BAD_USER_INPUT
 * pointing to the WebSocket endpoint (SPEC §3, §6) instead of failing in execution. By GET, Apollo answers 405
 * first; the error formatter gives that answer the same message.
 */
export const subscriptionsOverHttpPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new AppError(ErrorCode.BAD_USER_INPUT, SUBSCRIPTIONS_OVER_WEBSOCKET, { http: { status: 400 } });
      },
    };
  },
};
