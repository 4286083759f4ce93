import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { classifyAddress, classifyHost, isPermitted, parseAllowList } from '../../src/security/outbound/addresses';
import { BlockedAddressError, guardedConnector, resolvePermitted, type Lookup } from '../../src/security/outbound/guard';
import { HOSTS } from '../helpers/address-forms';

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
