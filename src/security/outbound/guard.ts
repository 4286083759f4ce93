import dns from 'node:dns';
import net from 'node:net';
import type { Core } from '@strapi/strapi';
import { Agent, buildConnector } from 'undici';
import { storageHosts } from '../../media/upload-storage';
import { classifyAddress, isPermitted, parseAllowList, type AllowList } from './addresses';

/** A connection refused because its address is not public (logged on the server, never shown in detail). */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_OUTBOUND_BLOCKED';
}

export type Lookup = (hostname: string) => Promise<{ address: string }[]>;

const systemLookup: Lookup = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * The address to connect to for a host, checked: an IP literal as it is, a name through the
 * resolver. Every address the name resolves to must be permitted (one private answer among public
 * ones is how a name is aimed at the inside), and the first is returned to be connected to: the
 * address checked is the address used, so a second resolution (DNS rebinding) cannot swap it.
 */
export async function resolvePermitted(hostname: string, allow: AllowList, lookup: Lookup = systemLookup): Promise<string> {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  const addresses = net.isIP(host) ? [host] : (await lookup(host)).map((a) => a.address);
  if (addresses.length === 0) throw new BlockedAddressError(`${host} has no address`);
  const refused = addresses.find((address) => !isPermitted(host, address, allow));
  if (refused !== undefined) throw new BlockedAddressError(`${host} → ${refused} is not a public address (${classifyAddress(refused)})`);
  return addresses[0];
}

/**
 * undici's connector with the check above in front: every connection the agent opens (first
 * request, each redirect, keep-alive replacements) goes to a checked address. TLS still verifies
 * the certificate against the name (undici takes the server name from the Host, not the address).
 */
export function guardedConnector(allow: AllowList, lookup: Lookup = systemLookup, timeout = 10_000): buildConnector.connector {
  const connect = buildConnector({ timeout });
  return (options, callback) => {
    resolvePermitted(options.hostname, allow, lookup).then(
      (address) => connect({ ...options, hostname: address }, callback),
      (error: Error) => callback(error, null)
    );
  };
}

const agents = new WeakMap<Core.Strapi, Agent>();

/**
 * Every request Strapi makes through strapi.fetch (upload from a URL in the media library,
 * webhooks and their "trigger" button, which shows the answer's body, telemetry) and our own (the
 * image pipeline reading a stored file back) goes through the guarded agent. OUTBOUND_ALLOW lists
 * what an operator wants reachable anyway (a website on the private network for webhooks, a
 * private S3 endpoint).
 */
export function installOutboundGuard(strapi: Core.Strapi, env: Record<string, string | undefined> = process.env): void {
  // The object storage and its CDN are the operator's own (UPLOAD_PROVIDER=s3): allowed without listing them again.
  const allow = parseAllowList([env.OUTBOUND_ALLOW ?? '', ...storageHosts(env)].join(','));
  if (strapi.fetch.dispatcher) {
    // server.proxy.fetch/global: the proxy connects, so the proxy is where egress is controlled.
    strapi.log.warn('[outbound] a proxy is configured for strapi.fetch: it decides which addresses server-side requests reach.');
    return;
  }
  const agent = new Agent({ connect: guardedConnector(allow) });
  agents.set(strapi, agent);
  Object.assign(strapi.fetch, { dispatcher: agent });
}

export async function closeOutboundGuard(strapi: Core.Strapi): Promise<void> {
  await agents.get(strapi)?.close();
  agents.delete(strapi);
}
