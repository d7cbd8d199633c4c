/**
 * Errors that say the database node is gone or not serving, not that the statement was wrong: the connection
 * could not be made or broke (mysql2 marks those `fatal`), the server is shutting down or killed the connection,
 * or a Galera node is not ready for clients (1047, "WSREP has not yet prepared node for application use").
 * Another node, or the same one a moment later, may run the same statement.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
]);
/** 1047 Galera not ready, 1053 server shutdown, 1927 connection killed, 2006/2013 server gone / lost (C client numbering). */
const SERVER_ERRNOS = new Set([1047, 1053, 1927, 2006, 2013]);

interface DriverError {
  code?: string;
  errno?: number;
  fatal?: boolean;
  message?: string;
  driverError?: DriverError;
}

export function isNodeUnavailable(error: unknown): boolean {
  if (error instanceof NodeNotReady) return true;
  const outer = error as DriverError | undefined;
  const e = outer?.driverError ?? outer;
  if (!e || typeof e !== 'object') return false;
  if (e.fatal === true) return true;
  if (e.code && CONNECTION_CODES.has(e.code)) return true;
  if (e.errno !== undefined && SERVER_ERRNOS.has(e.errno)) return true;
  // mysql2's answer to a statement sent on a connection that has already closed.
  return /connection is in closed state/i.test(e.message ?? '');
}

/** A node that takes connections but is not ready for clients (a Galera node that is joining or cut off). */
export class NodeNotReady extends Error {
  constructor(readonly node: string) {
    super(`The database node ${node} is not ready for clients (wsrep_ready is OFF).`);
  }
}
