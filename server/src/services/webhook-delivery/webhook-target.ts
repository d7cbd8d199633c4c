import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { badInput } from '../../domain/errors';
import { readAddress, refusedKindOf } from './webhook-addresses';

/** SPEC §6 Safety: where a webhook may be sent. Checked when an endpoint is saved and again at every attempt. */

const MAX_WEBHOOK_URL_LENGTH = 2048;
/** A name that takes longer to resolve is refused: a save (or an attempt) does not wait on a stalled resolver. */
const LOOKUP_TIMEOUT_MS = 5_000;

export interface DeliverableAddress {
  address: string;
  family: 4 | 6;
}

/** A host that may not receive webhooks; `reason` is a sentence for people ("127.0.0.1 is a loopback address."). */
export class WebhookTargetRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'WebhookTargetRefused';
  }
}

/**
 * Whether the input has a user info, however empty: WHATWG drops an empty one (`https://:@host` reads as
 * `https://host`), so it is read from the text, as WHATWG reads it (leading C0 controls and spaces, tabs and
 * newlines dropped). For http(s) the authority follows the scheme and any slashes or backslashes and ends at
 * the first `/`, `\`, `?` or `#`; an `@` in it can only end a user info.
 */
const hasUserInfo = (input: string): boolean =>
  /^[a-z][a-z\d+.-]*:[/\\]*([^/\\?#]*)/i.exec(input.replace(/^[\0-\x20]+|[\t\n\r]/g, ''))?.[1]?.includes('@') ?? false;

/**
 * Throws badInput('url', …) unless `raw` is a URL an endpoint may have; returns it parsed. Its `href` is the
 * WHATWG-normalised form (trimmed, scheme and host lower case, default port dropped), which is what is stored.
 */
export function assertWebhookUrl(raw: string, { production }: { production: boolean }): URL {
  const input = raw.trim();
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw badInput('url', 'The URL could not be parsed; give an absolute URL such as https://example.com/webhooks.');
  }
  if (url.href.length > MAX_WEBHOOK_URL_LENGTH) {
    throw badInput('url', `The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters in its normalised, percent-encoded form.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badInput('url', `Webhook URLs use https:// (or http:// outside production), not ${url.protocol}//.`);
  }
  if (production && url.protocol !== 'https:') {
    throw badInput('url', 'Webhook URLs must use https:// in production.');
  }
  if (hasUserInfo(input)) {
    throw badInput(
      'url',
      'Webhook URLs may not contain a user name or password, not even empty ones; authenticate requests with the signature instead.',
    );
  }
  if (url.port === '0') {
    throw badInput('url', 'Port 0 cannot receive connections; give a port from 1 to 65535, or none for the scheme’s default.');
  }
  return url;
}

const literalOf = (hostname: string): string | null => {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
};

/**
 * The addresses of `hostname`, all of them public unicast, or WebhookTargetRefused. IP literals (also
 * `[::1]`) are not looked up. A name with any refused address is refused as a whole: which address a
 * connection would use is not ours to choose.
 */
export async function resolveDeliverableAddresses(
  hostname: string,
  { allowPrivateNetworks }: { allowPrivateNetworks: boolean },
): Promise<DeliverableAddress[]> {
  const literal = literalOf(hostname);
  let addresses: LookupAddress[];
  if (literal !== null) {
    addresses = [{ address: literal, family: ipaddr.parse(literal).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new WebhookTargetRefused(`The host name ${hostname} did not resolve within ${LOOKUP_TIMEOUT_MS / 1000} seconds.`)),
        LOOKUP_TIMEOUT_MS,
      );
    });
    try {
      addresses = await Promise.race([dns.lookup(hostname, { all: true, verbatim: true }), stalled]);
    } catch (error) {
      if (error instanceof WebhookTargetRefused) throw error;
      throw new WebhookTargetRefused(`The host name ${hostname} could not be resolved.`);
    } finally {
      clearTimeout(timer);
    }
    if (addresses.length === 0) throw new WebhookTargetRefused(`The host name ${hostname} has no address.`);
  }
  if (!allowPrivateNetworks) {
    for (const { address } of addresses) {
      const kind = refusedKindOf(address);
      if (kind === null) continue;
      const shown = readAddress(address).toString();
      throw new WebhookTargetRefused(literal === null ? `${hostname} resolves to ${shown}, which is ${kind}.` : `${shown} is ${kind}.`);
    }
  }
  return addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}

/**
 * A `lookup` for http.request that resolves, checks and answers only the checked addresses, so the
 * connection goes to exactly the address that was checked (no DNS rebinding between check and connect).
 */
export function guardedLookup(options: { allowPrivateNetworks: boolean }): LookupFunction {
  return (hostname: string, lookupOptions: LookupOptions, callback) => {
    resolveDeliverableAddresses(hostname, options).then(
      (addresses) => {
        const wanted =
          lookupOptions.family === 4 || lookupOptions.family === 6 ? addresses.filter((a) => a.family === lookupOptions.family) : addresses;
        if (wanted.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no IPv${lookupOptions.family} address.`), { code: 'ENOTFOUND' }), '', 0);
        } else if (lookupOptions.all) {
          callback(null, wanted);
        } else {
          callback(null, wanted[0]!.address, wanted[0]!.family);
        }
      },
      (error: Error) => callback(Object.assign(error, { code: 'EWEBHOOKTARGET' }) as NodeJS.ErrnoException, '', 0),
    );
  };
}
