import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Network = [Address, number];

/** Ranges ipaddr.js calls `unicast` that still never belong to a subscriber on the internet. */
const EXTRA_BLOCKED: readonly string[] = [
  '192.0.0.0/24', // IETF protocol assignments (incl. 192.0.0.192, a cloud metadata address)
  '198.18.0.0/15', // benchmarking
  '2001:db8::/32', // documentation
  'fd00:ec2::/32', // AWS metadata over IPv6 (also unique-local; listed for clarity)
];

export class AddressRefusedError extends Error {
  constructor(
    readonly address: string,
    readonly range: string,
  ) {
    super(`address ${address} is ${range}: webhooks may only reach public internet addresses`);
    this.name = 'AddressRefusedError';
  }
}

function parseNetworks(list: string): Network[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => (entry.includes('/') ? ipaddr.parseCIDR(entry) : wholeAddress(ipaddr.parse(entry))));
}

function wholeAddress(address: Address): Network {
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
function canonical(address: Address): Address {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (address as ipaddr.IPv6).toIPv4Address();
  }
  return address;
}

function inNetwork(address: Address, [network, bits]: Network): boolean {
  const candidate = canonical(address);
  const base = canonical(network);
  if (candidate.kind() !== base.kind()) return false;
  const baseBits = network.kind() === base.kind() ? bits : bits - 96;
  return candidate.kind() === 'ipv4'
    ? (candidate as ipaddr.IPv4).match(base as ipaddr.IPv4, baseBits)
    : (candidate as ipaddr.IPv6).match(base as ipaddr.IPv6, baseBits);
}

/**
 * Which addresses a webhook may connect to: public unicast only (IPv4 and IPv6), unless the configured allow-list
 * names the network. Loopback, private, link-local (cloud metadata), CGNAT, multicast, unique-local, reserved and
 * the IPv6 ranges that embed an IPv4 address (NAT64, 6to4, Teredo) are refused.
 */
export class AddressPolicy {
  private readonly allowed: Network[];
  private readonly blocked: Network[] = parseNetworks(EXTRA_BLOCKED.join(','));

  constructor(allowList: string) {
    this.allowed = parseNetworks(allowList);
  }

  static isValidAllowList(list: string): boolean {
    try {
      parseNetworks(list);
      return true;
    } catch {
      return false;
    }
  }

  /** Why `ip` is refused, or undefined when a webhook may connect to it. */
  refusal(ip: string): string | undefined {
    if (!ipaddr.isValid(ip)) return 'not an IP address';
    const address = ipaddr.parse(ip);
    if (this.allowed.some((network) => inNetwork(address, network))) return undefined;
    const range = canonical(address).range();
    if (range !== 'unicast') return range;
    if (this.blocked.some((network) => inNetwork(address, network))) return 'reserved';
    return undefined;
  }

  assertAllowed(ip: string): void {
    const range = this.refusal(ip);
    if (range !== undefined) throw new AddressRefusedError(ip, range);
  }
}
