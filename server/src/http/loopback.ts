import ipaddr from 'ipaddr.js';

/**
 * Whether HOST only accepts connections from this machine: a loopback address (127.0.0.0/8, ::1, or
 * ::ffff:127.x) or `localhost`. `0.0.0.0`, `::` and every other address can be reached from elsewhere.
 */
export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  return ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback';
}
