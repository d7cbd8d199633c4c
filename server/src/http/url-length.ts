import { ErrorCode } from '../domain/error-codes';
import type { HttpGraphQLError } from './errors';

/**
 * The longest request target (path and query string) the server accepts, in bytes. A GET operation longer
 * than this belongs in a POST body; Node's parser refuses anything over 16 KB of request line and headers.
 */
export const MAX_URL_BYTES = 8_192;

export const urlTooLong = (): HttpGraphQLError => ({
  message: `The request URL is longer than the limit of ${MAX_URL_BYTES} bytes. Send the operation in a POST request with a JSON body.`,
  extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
});

/** Whether bytes that overflowed Node's header limit start with a request line longer than the URL limit. */
export function requestLineTooLong(raw: Buffer | undefined): boolean {
  if (!raw || !/^[A-Z]+ /.test(raw.subarray(0, 16).toString('latin1'))) return false;
  const end = raw.indexOf('\r\n');
  return end === -1 || end > MAX_URL_BYTES;
}
