/**
 * A URL's password never reaches a message or a log line: `mysql://app:s3cret@db/x` is shown as
 * `mysql://app:***@db/x`. The password runs to the last `@` before the host, as URL parsers read it.
 */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@"'`]*):[^\s/?#"'`]*@/gi;

export const redactCredentials = (text: string): string => (text.includes('://') ? text.replace(URL_CREDENTIALS, '$1:***@') : text);
