import pino, { type Logger } from 'pino';
import { redactCredentials } from './redact';

/** The server's JSON log on stdout; every line passes through redactCredentials, whatever logged it. */
export function createLogger(level: string): Logger {
  return pino({ level }, { write: (line: string) => process.stdout.write(redactCredentials(line)) });
}
