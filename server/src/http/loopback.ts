import ipaddr from 'ipaddr.js';

/**
 * Whether HOST only accepts connections from this machine: a loopback address (127.0.0.0/8, ::1, or
 * ::ffff:127.x) or `localhost`. `0.0.0.0`, `::` and every other address can be reached from elsewhere.
 */
export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  return ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback';
}

/**
 * Whether a request's `Host` names this machine's loopback (`localhost`, `127.0.0.1`, `[::1]`, …) with the port
 * it came in on. A page given a development token must be asked for by that name: a DNS-rebinding page on
 * another site reaches a loopback server under its own host name, and gets none (SPEC §9).
 */
export function isLoopbackHostHeader(host: string | undefined, port: number | undefined): boolean {
  if (!host || port === undefined) return false;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  return isLoopbackHost(url.hostname.replace(/^\[|\]$/g, '')) && Number(url.port || 80) === port;
}
