import { createClient as createSocketClient, type Client as SocketClient } from 'graphql-ws';
import { TenantryError, TenantryNetworkError } from './errors.js';
import type { GraphQLErrorEntry, TokenValue } from './types.js';

/** Options of one subscription. */
export interface SubscribeOptions {
  /** Ends the subscription when it fires; the iteration then simply stops. */
  signal?: AbortSignal;
}

export interface LiveConnectionInit {
  /** The GraphQL URL; the socket uses the same one with ws:// or wss://. */
  url: string;
  webSocketImpl: unknown;
  token: () => Promise<TokenValue>;
}

/** The WebSocket URL of a GraphQL URL: same host, port and path. */
const webSocketUrlOf = (url: string) => url.replace(/^http(s?):/i, 'ws$1:');

/**
 * Live updates over one WebSocket per client (graphql-ws, protocol graphql-transport-ws), opened with the
 * first subscription and closed after the last; the token goes in connection_init as the API expects.
 */
export function liveConnection(init: LiveConnectionInit) {
  let socket: SocketClient | undefined;
  const connection = () => {
    if (socket) return socket;
    const webSocketImpl = init.webSocketImpl ?? (typeof WebSocket === 'function' ? WebSocket : undefined);
    if (!webSocketImpl) {
      throw new TypeError(
        'subscribe: no global WebSocket here (Node 22+ and browsers have one); pass `webSocketImpl`, e.g. the `ws` package.',
      );
    }
    socket = createSocketClient({
      url: webSocketUrlOf(init.url),
      webSocketImpl,
      lazy: true,
      // A refusal (4401, a closed server) surfaces at once instead of after silent reconnects.
      retryAttempts: 0,
      connectionParams: async () => {
        const token = await init.token();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    });
    return socket;
  };

  async function* subscribe<TResult>(
    document: { toString(): string },
    variables: unknown,
    options: SubscribeOptions | undefined,
  ): AsyncGenerator<TResult, void, undefined> {
    const signal = options?.signal;
    if (signal?.aborted) return;
    const source = connection().iterate<TResult>({ query: document.toString(), variables: (variables ?? {}) as Record<string, unknown> });
    const stop = () => void source.return?.();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for (;;) {
        let step: IteratorResult<{ data?: TResult | null; errors?: readonly unknown[] }>;
        try {
          step = await source.next();
        } catch (error) {
          throw liveFailure(error);
        }
        if (step.done) return;
        const result = step.value;
        if (result.errors?.length) throw refusal(result.errors);
        yield result.data as TResult;
      }
    } finally {
      signal?.removeEventListener('abort', stop);
      await source.return?.();
    }
  }

  return {
    subscribe,
    /** Closes the socket (any subscription still running ends). */
    dispose: () => socket?.dispose(),
  };
}

/** The API refused the subscription (limits, scope, input): its errors, as a TenantryError. */
const refusal = (errors: readonly unknown[]) =>
  new TenantryError({ response: { errors: errors as GraphQLErrorEntry[] }, status: 101, operationName: undefined });

/** graphql-ws rejects with the GraphQL errors of an `error` message, or with the CloseEvent of a closed socket. */
function liveFailure(error: unknown): Error {
  if (Array.isArray(error)) return refusal(error);
  const closed = error as { code?: unknown; reason?: unknown } | null | undefined;
  if (typeof closed?.code === 'number') {
    const reason = typeof closed.reason === 'string' && closed.reason ? `: ${closed.reason}` : '';
    return new TenantryNetworkError(`The live-updates socket closed (${closed.code}${reason}).`, {
      reason: 'socket-closed',
      closeCode: closed.code,
      cause: error,
    });
  }
  return new TenantryNetworkError(`The live-updates socket failed (${error instanceof Error ? error.message : String(error)}).`, {
    reason: 'socket-closed',
    cause: error,
  });
}
