import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { classifyAddress, classifyHost, isPermitted, parseAllowList, type AddressClass } from '../../src/security/outbound/addresses';
import { BlockedAddressError, guardedConnector, resolvePermitted, type Lookup } from '../../src/security/outbound/guard';

// Hosts as they may be written in a URL: every numeric spelling of a loopback, unspecified,
// private, link-local or mapped address must classify as what it reaches.
const HOSTS: [string, AddressClass | 'name'][] = [
  ['127.0.0.1', 'loopback'],
  ['127.1', 'loopback'],
  ['127.0.1', 'loopback'],
  ['127.000.000.001', 'loopback'],
  ['0177.0.0.1', 'loopback'],
  ['0x7f.0.0.1', 'loopback'],
  ['0x7F.1', 'loopback'],
  ['0x7f000001', 'loopback'],
  ['2130706433', 'loopback'],
  ['017700000001', 'loopback'],
  ['127.0.0.1.', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['１２７.０.０.１', 'loopback'],
  ['127。0。0。1', 'loopback'],
  ['%31%32%37.0.0.1', 'loopback'],
  ['0', 'this-network'],
  ['0.0.0.0', 'this-network'],
  ['0x0', 'this-network'],
  ['00', 'this-network'],
  ['0.1.2.3', 'this-network'],
  ['10.0.0.1', 'private'],
  ['012.0.0.1', 'private'],
  ['167772161', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['0xc0a80101', 'private'],
  ['169.254.169.254', 'link-local'],
  ['0xa9fea9fe', 'link-local'],
  ['2852039166', 'link-local'],
  ['100.64.0.1', 'shared'],
  ['192.0.0.8', 'reserved'],
  ['192.0.2.1', 'documentation'],
  ['198.18.0.1', 'benchmarking'],
  ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'reserved'],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['[::]', 'this-network'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['[::ffff:7f00:1]', 'loopback'],
  ['[0:0:0:0:0:ffff:127.0.0.1]', 'loopback'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:10.0.0.1', 'private'],
  ['::127.0.0.1', 'reserved'],
  ['64:ff9b::7f00:1', 'loopback'],
  ['64:ff9b::a9fe:a9fe', 'link-local'],
  ['64:ff9b:1::1', 'private'],
  ['2002:7f00:1::1', 'loopback'],
  ['2002:c0a8:101::1', 'private'],
  ['2001::1', 'reserved'],
  ['2001:db8::1', 'documentation'],
  ['fc00::1', 'unique-local'],
  ['fd12:3456::1', 'unique-local'],
  ['fe80::1', 'link-local'],
  ['febf::1', 'link-local'],
  ['fec0::1', 'private'],
  ['ff02::1', 'multicast'],
  ['100::1', 'reserved'],
  ['4000::1', 'reserved'],
  ['8.8.8.8', 'public'],
  ['0x8.0x8.0x8.0x8', 'public'],
  ['0127.0.0.1', 'public'], // octal 0127 is 87: 87.0.0.1, as fetch reads it
  ['1.1.1.1', 'public'],
  ['172.32.0.1', 'public'],
  ['100.128.0.1', 'public'],
  ['::ffff:8.8.8.8', 'public'],
  ['2606:4700:4700::1111', 'public'],
  ['2002:808:808::1', 'public'],
  ['localhost', 'name'],
  ['LOCALHOST.', 'name'],
  ['example.vn', 'name'],
  ['127.0.0.1.nip.io', 'name'],
  ['1.2.3.4.5', 'invalid'],
  ['256.0.0.1', 'invalid'],
  ['0x100000000', 'invalid'],
  ['[fe80::1%25eth0]', 'invalid'],
];

describe('classifyHost', () => {
  it('covers more than 30 forms', () => {
    expect(HOSTS.length).toBeGreaterThan(30);
  });

  it.each(HOSTS)('%s → %s', (host, expected) => {
    expect(classifyHost(host)).toBe(expected);
  });

  // The same addresses as a resolver returns them.
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['93.184.215.14', 'public'],
    ['not an address', 'invalid'],
  ] as const)('classifyAddress(%s) → %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe('allow list', () => {
  const allow = parseAllowList(' site.internal , 10.0.5.0/24, fd00::/8, 192.168.1.20 ');

  it.each([
    ['site.internal', '127.0.0.1', true],
    ['SITE.Internal.', '10.9.9.9', true],
    ['other.internal', '127.0.0.1', false],
    ['x', '10.0.5.77', true],
    ['x', '10.0.6.1', false],
    ['x', '192.168.1.20', true],
    ['x', '192.168.1.21', false],
    ['x', 'fd12::1', true],
    ['x', 'fe80::1', false],
    ['x', '8.8.8.8', true],
    ['x', '::ffff:10.0.5.1', true],
  ])('%s at %s: %s', (host, address, expected) => {
    expect(isPermitted(host, address, allow)).toBe(expected);
  });

  it.each(['10.0.0.0/33', '10.0.0.0/x', '10.0.0.0/8/1', 'http://site', 'a b', '::1/129'])('refuses %j', (entry) => {
    expect(() => parseAllowList(entry)).toThrow(/OUTBOUND_ALLOW/);
  });

  it('is empty for an empty setting', () => {
    expect(parseAllowList('')).toEqual({ hosts: new Set(), ranges: [] });
  });
});

describe('resolvePermitted', () => {
  const lookupOf = (answers: Record<string, string[]>): Lookup => async (host) => (answers[host] ?? []).map((address) => ({ address }));
  const lookup = lookupOf({ 'public.vn': ['93.184.215.14'], 'inside.vn': ['10.0.0.5'], 'mixed.vn': ['93.184.215.14', '127.0.0.1'], 'nothing.vn': [] });
  const none = parseAllowList('');

  it.each([
    ['public.vn', '93.184.215.14'],
    ['8.8.8.8', '8.8.8.8'],
    ['[2606:4700::1111]', '2606:4700::1111'],
  ])('%s → %s', async (host, address) => {
    await expect(resolvePermitted(host, none, lookup)).resolves.toBe(address);
  });

  it.each(['inside.vn', 'mixed.vn', 'nothing.vn', '127.0.0.1', '[::1]', '0.0.0.0', '[::ffff:7f00:1]'])('refuses %s', async (host) => {
    await expect(resolvePermitted(host, none, lookup)).rejects.toBeInstanceOf(BlockedAddressError);
  });
});

describe('guardedConnector (real sockets)', () => {
  const servers: http.Server[] = [];
  const hits: Record<string, number> = {};
  async function serve(host: string, handler: http.RequestListener): Promise<number> {
    const server = http.createServer((req, res) => {
      hits[host] = (hits[host] ?? 0) + 1;
      handler(req, res);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    return (server.address() as AddressInfo).port;
  }
  afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

  let inside: number;
  let allowed: number;
  beforeAll(async () => {
    // 127.0.0.1 stands for what must never be reached; 127.0.0.2 (also loopback) for an address the operator allowed.
    inside = await serve('127.0.0.1', (_req, res) => res.end('secret'));
    allowed = await serve('127.0.0.2', (req, res) => {
      const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
      if (to) res.writeHead(302, { Location: to }).end();
      else res.end('allowed');
    });
  });

  const fetchVia = (url: string, lookup: Lookup) =>
    fetch(url, { dispatcher: new Agent({ connect: guardedConnector(parseAllowList('127.0.0.2'), lookup) }) } as RequestInit);

  it('connects to the address it checked, however the name resolves the next time (no DNS rebinding)', async () => {
    const answers = ['127.0.0.2', '127.0.0.1', '127.0.0.1'];
    let calls = 0;
    const rebinding: Lookup = async () => [{ address: answers[calls++] }];
    const before = hits['127.0.0.1'] ?? 0;
    const res = await fetchVia(`http://rebind.test:${allowed}/`, rebinding);
    expect(await res.text()).toBe('allowed');
    expect(calls).toBe(1);
    expect(hits['127.0.0.1'] ?? 0).toBe(before);
  });

  it.each([
    (port: number) => `http://127.0.0.1:${port}/`,
    (port: number) => `http://0.0.0.0:${port}/`,
    (port: number) => `http://0:${port}/`,
    (port: number) => `http://127.1:${port}/`,
    (port: number) => `http://0x7f000001:${port}/`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/`,
    (port: number) => `http://localhost:${port}/`,
    (port: number) => `http://inside.test:${port}/`,
  ])('refuses %#, directly and as a redirect target, and never reaches the server', async (target) => {
    const before = hits['127.0.0.1'] ?? 0;
    const lookup: Lookup = async (host) => [{ address: host === 'localhost' || host === 'inside.test' ? '127.0.0.1' : '127.0.0.2' }];
    await expect(fetchVia(target(inside), lookup)).rejects.toThrow();
    await expect(fetchVia(`http://127.0.0.2:${allowed}/?to=${encodeURIComponent(target(inside))}`, lookup)).rejects.toThrow();
    expect(hits['127.0.0.1'] ?? 0).toBe(before);
  });
});
