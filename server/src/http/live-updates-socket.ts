import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { OriginPolicy } from './cors';
import { decodeJwt } from 'jose';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Actor } from '../domain/actor';
import type { Clock } from '../domain/clock';
import { AppError } from '../domain/errors';
import { ErrorCode } from '../domain/error-codes';
import type { TokenVerifier } from '../auth/tokens';
import type { RequestContext } from '../auth/request-context';
import { Loaders } from '../db/loaders';
import type { QueryLimits } from '../graphql/query-limits';
import type { Metrics } from '../metrics';
import { CallerRateLimiter } from './rate-limit';

/** graphql-ws close code for a missing, bad or expired token (SPEC §6). */
const CLOSE_UNAUTHENTICATED = 4401;
/** Close code for a caller over its socket cap (SPEC §9): 4000–4999 is the application's, 429 for "too many". */
const CLOSE_TOO_MANY_CONNECTIONS = 4429;
/** WebSocket close code 1013, "try again later". */
const CLOSE_TRY_AGAIN_LATER = 1013;
/** A close frame's reason holds at most 123 bytes. */
const CLOSE_REASON_BYTES = 123;
/** setTimeout's longest delay; a token valid for longer is checked again then. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface LiveUpdatesSocketOptions {
  /** Which browser origins may open a socket: the same rule as CORS on /graphql (SPEC §9). */
  origins: OriginPolicy;
  httpServer: http.Server;
  path: string;
  schema: GraphQLSchema;
  limits: QueryLimits;
  verifier: TokenVerifier;
  dataSource: DataSource;
  clock: Clock;
  maxSubscriptionsPerCaller: number;
  /** Sockets one caller may hold open on this instance; the next is closed with 4429 (SPEC §9). */
  maxConnectionsPerCaller: number;
  /** The budgets HTTP operations spend: every `subscribe` spends them too (SPEC §9). */
  rateLimiter: CallerRateLimiter;
  maxPayloadBytes: number;
  metrics: Metrics;
  production: boolean;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
}

export interface LiveUpdatesSocket {
  /** Closes every socket (1001) and stops accepting new ones. */
  dispose(): Promise<void>;
}

interface Connection {
  actor: Actor;
  callerKey: string;
  expiry: NodeJS.Timeout | null;
  /** Set when the socket has closed: a subscribe still waiting on the rate limit then takes no place. */
  closed: boolean;
  /**
   * The places this connection holds, by subscription id, oldest first, each streaming or not (the metric
   * counts those that are). A list, not one place per id: a client may complete an id and subscribe with it
   * again before the server has finished the first, and each subscribe that took a place gets exactly one
   * completion (or the close) that frees it, in order.
   */
  subscriptions: Map<string, { live: boolean }[]>;
}

function closeReason(message: string): string {
  const bytes = Buffer.from(message);
  if (bytes.length <= CLOSE_REASON_BYTES) return message;
  return `${bytes
    .subarray(0, CLOSE_REASON_BYTES - 3)
    .toString()
    .replace(/\uFFFD+$/, '')}...`;
}

/** The token of `connection_init`'s payload: `{ "authorization": "Bearer …" }` (any case of the key). */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const key = Object.keys(params ?? {}).find((k) => k.toLowerCase() === 'authorization');
  const value = key === undefined ? undefined : params![key];
  return typeof value === 'string' ? value : undefined;
}

const badInput = (error: GraphQLError) =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { code: ErrorCode.BAD_USER_INPUT },
  });

/**
 * Live updates over WebSocket (SPEC §6): graphql-ws (protocol graphql-transport-ws) on the HTTP server's
 * /graphql path. The token of `connection_init` is verified as over HTTP; a missing or bad one, and its
 * expiry while connected, close the socket with 4401. Subscription documents meet the query limits of §4,
 * every subscribe spends the rate budgets HTTP operations spend (§9), and a caller holds at most
 * `maxSubscriptionsPerCaller` subscriptions and `maxConnectionsPerCaller` sockets on this instance.
 */
export function liveUpdatesSocket(options: LiveUpdatesSocketOptions): LiveUpdatesSocket {
  const { schema, limits, metrics, formatError, logger } = options;
  const connections = new WeakMap<object, Connection>();
  const heldByCaller = new Map<string, number>();
  const socketsByCaller = new Map<string, number>();

  const release = (connection: Connection, id: string) => {
    const places = connection.subscriptions.get(id);
    const held = places?.shift();
    if (!held) return;
    if (places!.length === 0) connection.subscriptions.delete(id);
    if (held.live) metrics.liveSubscriptions.dec();
    const left = (heldByCaller.get(connection.callerKey) ?? 1) - 1;
    if (left > 0) heldByCaller.set(connection.callerKey, left);
    else heldByCaller.delete(connection.callerKey);
  };

  // Upgrades are routed here rather than through ws's `server` option, which would also take over the HTTP
  // server's own errors (a port in use) and report them as WebSocket failures.
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes });
  const upgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== options.path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    // A browser page of another origin would otherwise open a socket with its user's token (cross-site WebSocket hijacking).
    const origin = request.headers.origin;
    if (origin !== undefined && !options.origins.allows(origin, request.headers)) {
      const message = `The origin ${origin.slice(0, 200)} may not open live updates here; the server allows its own origin and those of CORS_ORIGINS.`;
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
      );
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit('connection', ws, request));
  };
  options.httpServer.on('upgrade', upgrade);
  const server = useServer<Record<string, unknown>>(
    {
      isProd: options.production,
      async onConnect(ctx) {
        const { socket } = ctx.extra;
        const authorization = authorizationOf(ctx.connectionParams);
        let actor: Actor;
        try {
          actor = await options.verifier.verify(authorization);
        } catch (error) {
          if (error instanceof AppError) {
            socket.close(CLOSE_UNAUTHENTICATED, closeReason(error.message));
          } else {
            // The token could not be checked (the database did not answer): the client may try again.
            logger.error({ err: error }, 'live updates: checking a token failed');
            socket.close(CLOSE_TRY_AGAIN_LATER, 'The server could not check the token; connect again later.');
          }
          return false;
        }
        const callerKey = CallerRateLimiter.keyForActor(actor);
        const sockets = socketsByCaller.get(callerKey) ?? 0;
        if (sockets >= options.maxConnectionsPerCaller) {
          socket.close(
            CLOSE_TOO_MANY_CONNECTIONS,
            closeReason(`You already hold ${sockets} live-update connections here, the most one caller may; close one first.`),
          );
          return false;
        }
        socketsByCaller.set(callerKey, sockets + 1);
        const connection: Connection = { actor, callerKey, expiry: null, closed: false, subscriptions: new Map() };
        // The verifier accepted the token, so it has an `exp` (SPEC §2).
        const expiresAtMs = decodeJwt(authorization!.trim().split(/\s+/)[1]).exp! * 1000;
        const closeAtExpiry = () => {
          const wait = expiresAtMs - Date.now();
          if (wait > LONGEST_TIMER_MS) connection.expiry = setTimeout(closeAtExpiry, LONGEST_TIMER_MS);
          else
            connection.expiry = setTimeout(
              () => socket.close(CLOSE_UNAUTHENTICATED, 'The token has expired; connect again with a new one.'),
              Math.max(0, wait),
            );
          connection.expiry.unref();
        };
        closeAtExpiry();
        connections.set(ctx, connection);
        return true;
      },
      async onSubscribe(ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> {
        const connection = connections.get(ctx)!;
        let document: DocumentNode;
        try {
          document = parse(payload.query, limits.parseOptions);
        } catch (error) {
          // The formatter rewords the token limit as QUERY_TOO_COMPLEX; other syntax errors are the client's.
          return [error instanceof GraphQLError ? badInput(error) : new GraphQLError(String(error))];
        }
        // The limits first: a document over them is refused before any other work on it.
        const overLimits = validate(schema, document, limits.validationRules);
        if (overLimits.length > 0) return overLimits;
        const invalid = validate(schema, document);
        if (invalid.length > 0) return invalid.map(badInput);
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          return [
            new AppError(ErrorCode.BAD_USER_INPUT, 'Send exactly one operation, or name the one to run in operationName.', {
              field: 'operationName',
            }),
          ];
        }
        if (operation.operation !== 'subscription') {
          return [
            new AppError(
              ErrorCode.BAD_USER_INPUT,
              'Only subscription operations are served over WebSocket; send queries and mutations by HTTP POST to /graphql.',
            ),
          ];
        }
        const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (variables.errors) return variables.errors.map(badInput);
        try {
          await options.rateLimiter.consumeFor(connection.actor);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        // No await from here until the place is taken: a place is taken only where a completion or the close frees it.
        if (connection.closed) return [new AppError(ErrorCode.BAD_USER_INPUT, 'The connection closed before the subscription started.')];
        const held = heldByCaller.get(connection.callerKey) ?? 0;
        if (held >= options.maxSubscriptionsPerCaller) {
          return [
            new AppError(
              ErrorCode.RATE_LIMITED,
              `You already hold ${held} live subscriptions on this server, the most one caller may: complete one (or close a connection) before starting another.`,
            ),
          ];
        }
        heldByCaller.set(connection.callerKey, held + 1);
        const places = connection.subscriptions.get(id);
        if (places) places.push({ live: false });
        else connection.subscriptions.set(id, [{ live: false }]);
        const context: RequestContext = {
          actor: connection.actor,
          requestId: randomUUID(),
          loaders: new Loaders(options.dataSource, connection.actor),
          clock: options.clock,
        };
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: context };
      },
      onOperation(ctx, id, _payload, _args, result) {
        // The operation of the newest subscribe with this id (an older one may still be finishing).
        const held = connections.get(ctx)?.subscriptions.get(id)?.at(-1);
        if (held && !held.live && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
          held.live = true;
          metrics.liveSubscriptions.inc();
        }
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors) return;
        return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((error) => formatError(error.toJSON(), error));
      },
      onComplete(ctx, id) {
        const connection = connections.get(ctx);
        if (connection) release(connection, id);
      },
      onClose(ctx) {
        const connection = connections.get(ctx);
        if (!connection) return;
        connection.closed = true;
        const sockets = (socketsByCaller.get(connection.callerKey) ?? 1) - 1;
        if (sockets > 0) socketsByCaller.set(connection.callerKey, sockets);
        else socketsByCaller.delete(connection.callerKey);
        if (connection.expiry) clearTimeout(connection.expiry);
        for (const [id, places] of [...connection.subscriptions]) for (let n = places.length; n > 0; n--) release(connection, id);
      },
    },
    wsServer,
  );
  wsServer.on('error', (error) => logger.error({ err: error }, 'live updates socket failed'));

  return {
    dispose: async () => {
      options.httpServer.off('upgrade', upgrade);
      await server.dispose();
    },
  };
}
