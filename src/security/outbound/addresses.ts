import net from 'node:net';

/**
 * Which IP addresses a server-side request may reach. Only public unicast addresses are; the rest
 * reach this machine, its networks or nothing useful, and a request to them on a user's say-so
 * (an image URL, a webhook) is server-side request forgery.
 */
export type AddressClass =
  | 'public'
  | 'this-network' // 0.0.0.0/8, ::/128: Linux connects 0.0.0.0 to this machine
  | 'loopback'
  | 'private' // RFC 1918, deprecated IPv6 site-local, local-use NAT64
  | 'shared' // carrier-grade NAT, 100.64.0.0/10
  | 'link-local' // 169.254.0.0/16 holds the cloud metadata services
  | 'unique-local'
  | 'multicast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'invalid';

interface Range {
  base: bigint;
  bits: number;
  kind: AddressClass;
}

const V4_RANGES: [string, number, AddressClass][] = [
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'], // former 6to4 relay anycast
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // and 255.255.255.255, broadcast
];

// IPv6 outside these and outside 2000::/3 (the only global unicast allocation) is reserved too.
const V6_RANGES: [string, number, AddressClass][] = [
  ['::', 128, 'this-network'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'reserved'], // IPv4-compatible, deprecated
  ['::ffff:0:0:0', 96, 'reserved'], // IPv4-translated (SIIT)
  ['64:ff9b:1::', 48, 'private'], // local-use NAT64
  ['100::', 64, 'reserved'], // discard-only
  ['2001::', 23, 'reserved'], // IETF protocol assignments: Teredo, ORCHID…
  ['2001:db8::', 32, 'documentation'],
  ['3fff::', 20, 'documentation'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'], // site-local, deprecated
  ['ff00::', 8, 'multicast'],
];

/** IPv6 ranges that carry an IPv4 address in their last 32 bits, or (6to4) in bits 16–48. */
const MAPPED = { base: v6('::ffff:0:0')!, bits: 96 }; // IPv4-mapped
const NAT64 = { base: v6('64:ff9b::')!, bits: 96 };
const SIX_TO_FOUR = { base: v6('2002::')!, bits: 16 };
const GLOBAL_UNICAST = { base: v6('2000::')!, bits: 3 };

const compile = (ranges: [string, number, AddressClass][], parse: (s: string) => bigint | null): Range[] =>
  ranges.map(([address, bits, kind]) => ({ base: parse(address)!, bits, kind }));

const V4 = compile(V4_RANGES, v4);
const V6 = compile(V6_RANGES, v6);

const inRange = (value: bigint, base: bigint, bits: number, width: number) => value >> BigInt(width - bits) === base >> BigInt(width - bits);

/** A dotted-quad IPv4 address (as DNS and the URL parser write them) as a number. */
function v4(text: string): bigint | null {
  if (net.isIPv4(text) === false) return null;
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** An IPv6 address (compressed, with an embedded dotted quad, or a zone) as a number. */
function v6(text: string): bigint | null {
  const bare = text.replace(/%.*$/, '');
  if (!net.isIPv6(bare)) return null;
  // The URL parser writes it in one form: hex groups only, at most one "::".
  const canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  const [left, right] = canonical.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').map((g) => BigInt(parseInt(g, 16))) : []);
  const l = groups(left);
  const r = groups(right);
  const all = right === undefined ? l : [...l, ...Array<bigint>(8 - l.length - r.length).fill(0n), ...r];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

const classifyV4 = (n: bigint): AddressClass => V4.find((r) => inRange(n, r.base, r.bits, 32))?.kind ?? 'public';

/** The class of an IP address as a resolver or a socket gives it ("127.0.0.1", "::ffff:7f00:1", "fe80::1%eth0"). */
export function classifyAddress(address: string): AddressClass {
  const four = v4(address);
  if (four !== null) return classifyV4(four);
  const six = v6(address);
  if (six === null) return 'invalid';
  // An IPv4 address inside IPv6 reaches that IPv4 address: judge it as one.
  if (inRange(six, MAPPED.base, MAPPED.bits, 128) || inRange(six, NAT64.base, NAT64.bits, 128)) return classifyV4(six & 0xffffffffn);
  if (inRange(six, SIX_TO_FOUR.base, SIX_TO_FOUR.bits, 128)) return classifyV4((six >> 80n) & 0xffffffffn);
  const listed = V6.find((r) => inRange(six, r.base, r.bits, 128));
  if (listed) return listed.kind;
  return inRange(six, GLOBAL_UNICAST.base, GLOBAL_UNICAST.bits, 128) ? 'public' : 'reserved';
}

/**
 * A URL's host the way fetch will read it: the WHATWG URL parser turns every numeric form an
 * attacker may write (0x7f.1, 0177.0.0.1, 2130706433, 127.1, 0, fullwidth digits, a trailing dot)
 * into a dotted quad, and IPv6 into its compressed form. Names come back lower-cased, without a
 * trailing dot.
 * null for a host no URL can have.
 */
export function normalizeHost(host: string): string | null {
  const bracketed = net.isIPv6(host) ? `[${host}]` : host;
  try {
    const { hostname } = new URL(`http://${bracketed}/`);
    // "example.vn." is "example.vn" to a resolver.
    return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
}

/** What a host in a URL is: an IP address's class, 'name' (decided when it resolves) or 'invalid'. */
export function classifyHost(host: string): AddressClass | 'name' {
  const normalized = normalizeHost(host);
  if (normalized === null) return 'invalid';
  return net.isIP(normalized) ? classifyAddress(normalized) : 'name';
}

/** Exceptions an operator configures (OUTBOUND_ALLOW): host names, addresses and CIDR ranges. */
export interface AllowList {
  hosts: ReadonlySet<string>;
  ranges: readonly { base: bigint; bits: number; family: 4 | 6 }[];
}

export const EMPTY_ALLOW_LIST: AllowList = { hosts: new Set(), ranges: [] };

/**
 * "cms-site.internal, 10.0.5.0/24, fd00::/8, 192.168.1.20": names are compared after normalising,
 * addresses and ranges by value. Throws on an entry it cannot read: a typo must not open or close
 * more than was meant.
 */
export function parseAllowList(text: string): AllowList {
  const hosts = new Set<string>();
  const ranges: { base: bigint; bits: number; family: 4 | 6 }[] = [];
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split('/');
    const family = net.isIP(address);
    if (family === 4 || family === 6) {
      const width = family === 4 ? 32 : 128;
      const bits = prefix === undefined ? width : Number(prefix);
      if (extra !== undefined || !Number.isInteger(bits) || bits < 0 || bits > width || (prefix !== undefined && !/^\d+$/.test(prefix))) {
        throw new Error(`OUTBOUND_ALLOW: "${entry}" is not an address or a CIDR range.`);
      }
      ranges.push({ base: (family === 4 ? v4(address) : v6(address))!, bits, family });
      continue;
    }
    const host = prefix === undefined ? normalizeHost(entry) : null;
    if (!host || net.isIP(host)) throw new Error(`OUTBOUND_ALLOW: "${entry}" is not a host name, an address or a CIDR range.`);
    hosts.add(host);
  }
  return { hosts, ranges };
}

/**
 * Whether a connection to `address`, reached through the name `host`, may be made: public
 * addresses always; others only when the operator allowed the name or the range.
 */
export function isPermitted(host: string, address: string, allow: AllowList = EMPTY_ALLOW_LIST): boolean {
  if (classifyAddress(address) === 'public') return true;
  const name = normalizeHost(host);
  if (name !== null && allow.hosts.has(name)) return true;
  const six = v6(address);
  // An IPv4-mapped answer is the IPv4 address for the ranges too.
  const four = v4(address) ?? (six !== null && inRange(six, MAPPED.base, MAPPED.bits, 128) ? six & 0xffffffffn : null);
  return allow.ranges.some((r) =>
    r.family === 4 ? four !== null && inRange(four, r.base, r.bits, 32) : six !== null && inRange(six, r.base, r.bits, 128)
  );
}
