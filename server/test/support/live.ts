import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import type { TestServer } from './harness';

/** The WebSocket URL of a GraphQL URL (same host, port and path). */
export const wsUrlOf = (graphqlUrl: string) => graphqlUrl.replace(/^http/, 'ws');

export interface LiveResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** One subscription's results as they arrive; `until` waits (at most `timeoutMs`) for a result that matches. */
export interface Collected<T> {
  readonly results: LiveResult<T>[];
  readonly completed: Promise<void>;
  until(predicate: (results: LiveResult<T>[]) => boolean, timeoutMs?: number): Promise<LiveResult<T>[]>;
  stop(): void;
}

/**
 * A graphql-ws client (protocol graphql-transport-ws) over `ws`, with the token in connection_init as the
 * spec says. It never retries, so a refusal shows.
 */
export function liveClient(url: string, token?: string): Client {
  return createClient({
    url: wsUrlOf(url),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

export function collect<T = unknown>(client: Client, query: string, variables: Record<string, unknown> = {}): Collected<T> {
  const results: LiveResult<T>[] = [];
  const listeners = new Set<() => void>();
  let finish!: () => void;
  let fail!: (error: unknown) => void;
  const completed = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  completed.catch(() => undefined);
  const notify = () => listeners.forEach((listener) => listener());
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        results.push(result as LiveResult<T>);
        notify();
      },
      error: (error) => {
        // graphql-ws hands GraphQL errors (the `error` message) as an array, and a closed socket as its CloseEvent.
        results.push({ errors: Array.isArray(error) ? error : [{ message: String((error as { reason?: string }).reason ?? error) }] });
        fail(error);
        notify();
      },
      complete: () => {
        finish();
        notify();
      },
    },
  );
  return {
    results,
    completed,
    stop,
    until(predicate, timeoutMs = 5_000) {
      if (predicate(results)) return Promise.resolve(results);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`Timed out after ${timeoutMs} ms; results so far:\n${JSON.stringify(results, null, 2)}`));
        }, timeoutMs);
        const check = () => {
          if (!predicate(results)) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(results);
        };
        listeners.add(check);
      });
    },
  };
}

/** The live subscriptions the server counts (its tenantry_live_subscriptions gauge). */
export async function liveSubscriptions(server: TestServer): Promise<number> {
  const metric = await server.app.metrics.liveSubscriptions.get();
  return metric.values[0]?.value ?? 0;
}

/**
 * Waits until the server has started `count` live subscriptions: graphql-transport-ws does not acknowledge a
 * subscription, and an event counts as later only once its subscription has started.
 */
export async function untilLive(server: TestServer, count: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await liveSubscriptions(server)) < count) {
    if (Date.now() > deadline) throw new Error(`The server did not start ${count} live subscriptions within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Opens a raw socket, sends connection_init with `payload`, and resolves with the close code and reason
 * (or `acknowledged` when the server accepts the connection instead).
 */
export function connectRaw(
  url: string,
  payload: Record<string, unknown> | undefined,
): Promise<{ code: number; reason: string } | 'acknowledged'> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrlOf(url), 'graphql-transport-ws');
    socket.once('error', reject);
    socket.once('open', () =>
      socket.send(JSON.stringify(payload === undefined ? { type: 'connection_init' } : { type: 'connection_init', payload })),
    );
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') {
        socket.close(1000);
        resolve('acknowledged');
      }
    });
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) }));
  });
}
