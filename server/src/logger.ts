import pino, { type Logger } from 'pino';
import { redactCredentials } from './redact';

/**
 * What a log line says of an error: its kind, message, codes and the place it was thrown — never the SQL a
 * failed statement ran, its parameters, or a whole stack trace. A driver's message can quote the statement
 * ("… near 'SELECT …'"), so for a failed statement only the driver's codes are kept.
 */
function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & {
    code?: unknown;
    errno?: unknown;
    query?: unknown;
    driverError?: { code?: unknown; errno?: unknown; sqlState?: unknown };
  };
  const failedStatement = typeof e.query === 'string';
  const at = e.stack
    ?.split('\n')
    .find((line) => line.trimStart().startsWith('at '))
    ?.trim();
  return {
    type: e.name,
    message: failedStatement ? 'A database statement failed.' : e.message,
    code: e.driverError?.code ?? e.code,
    errno: e.driverError?.errno ?? e.errno,
    sqlState: e.driverError?.sqlState,
    at,
  };
}

/** The server's JSON log (on stdout by default); every line passes through redactCredentials, whatever logged it. */
export function createLogger(level: string, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  return pino(
    { level, serializers: { err: errorForLog, error: errorForLog } },
    { write: (line: string) => write(redactCredentials(line)) },
  );
}
