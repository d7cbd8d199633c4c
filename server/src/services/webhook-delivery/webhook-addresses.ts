import ipaddr from 'ipaddr.js';

/** SPEC §6 Safety and §9 Webhooks: which addresses may not receive webhooks (when private networks are not allowed). */

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Cloud platform services an instance reaches without a route of its own: instance metadata (AWS, Azure, GCP…
 * at 169.254.169.254, AWS's IPv6 fd00:ec2::254) and Azure's host agent (WireServer). The classic SSRF prizes;
 * some sit in public space, so the ranges below do not cover them.
 */
const CLOUD_PLATFORM_ADDRESSES = ['169.254.169.254/32', '168.63.129.16/32', 'fd00:ec2::254/128'];

const CLOUD_PLATFORM: Record<string, [Address, number][]> = {
  cloudPlatform: CLOUD_PLATFORM_ADDRESSES.map((cidr) => ipaddr.parseCIDR(cidr)),
};

/** `::a.b.c.d` (RFC 4291, deprecated): some stacks still send it to the IPv4 address it carries. */
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');

const RANGE_NAMES: Record<string, string> = {
  cloudPlatform: 'a cloud platform address',
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private network address',
  uniqueLocal: 'a private (unique local) address',
  reserved: 'a reserved address',
};

/**
 * An address as it is checked and shown: IPv4-mapped IPv6 (::ffff:127.0.0.1) becomes the IPv4 it carries.
 * ipaddr.js reads `::a.b.c.d` as IPv4-mapped, and that is how Node prints an IPv4-compatible DNS answer, so
 * IPv6 text is read by the WHATWG parser instead (it keeps ::127.0.0.1 as ::7f00:1).
 */
export function readAddress(text: string): Address {
  const canonical = ipaddr.IPv6.isValid(text) && !text.includes('%') ? new URL(`http://[${text}]`).hostname.slice(1, -1) : text;
  const parsed = ipaddr.parse(canonical);
  return parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed;
}

/** What kind of address this is when it may not receive webhooks ("a loopback address"), or null when it is public unicast. */
export function refusedKindOf(text: string): string | null {
  return kindOf(readAddress(text));
}

function kindOf(address: Address): string | null {
  const range = ipaddr.subnetMatch(address, CLOUD_PLATFORM, address.range());
  if (range !== 'unicast') return RANGE_NAMES[range] ?? `a special-purpose address (${range})`;
  if (address instanceof ipaddr.IPv6 && address.match(IPV4_COMPATIBLE)) {
    const carried = new ipaddr.IPv4(address.toByteArray().slice(12));
    const carriedKind = kindOf(carried);
    return carriedKind === null
      ? `an IPv4-compatible IPv6 address (deprecated: use ${carried.toString()} itself)`
      : `an IPv4-compatible IPv6 address for ${carried.toString()} (${carriedKind})`;
  }
  return null;
}
