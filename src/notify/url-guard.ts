/**
 * SSRF guard for Slack and webhook URLs: the console posts wherever a user points it, so it refuses
 * to reach its own network. HTTPS only; every address the host resolves to must be public unicast
 * (no private, loopback, link-local — 169.254.169.254 and the other metadata endpoints — CGNAT,
 * unique-local or reserved ranges). The check runs when a channel is saved and again at each send,
 * where the connection uses exactly the addresses checked (no DNS rebinding in between). Redirects
 * are never followed (senders.ts). For development and tests only, NOTIFY_ALLOW_LOCAL_HTTP lets
 * http:// and loopback receivers (localhost, 127.0.0.1, ::1) through — nothing else.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { NotifyError } from './errors.js';

export interface ReceiverPolicy {
  /** NOTIFY_ALLOW_LOCAL_HTTP: loopback receivers, over http too (never in production). */
  allowLocal: boolean;
}

/** Error code of the lookup that refused an address (the sender reports it as such). */
export const ADDRESS_REFUSED = 'EADDRREFUSED_BY_POLICY';

export function addressAllowed(address: string, policy: ReceiverPolicy): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  return range === 'unicast' || (policy.allowLocal && range === 'loopback');
}

const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');
const isLoopbackName = (host: string) =>
  host === 'localhost' || (isIP(host) !== 0 && ipaddr.process(host).range() === 'loopback');

type Resolve = (host: string) => Promise<string[]>;

const systemResolve: Resolve = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses.map((a) => a.address)),
    ),
  );

/**
 * Throws a 400 NotifyError naming what is wrong: `url_not_https`, `url_unresolvable` or
 * `url_private_address`. `resolve` is the DNS lookup (tests give names their own answers).
 */
export async function checkReceiverUrl(
  raw: string,
  policy: ReceiverPolicy,
  resolve: Resolve = systemResolve,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new NotifyError('url_not_https', 'The URL is not valid', { url: 'invalid' });
  }
  const host = bareHost(url);
  const localHttp = url.protocol === 'http:' && policy.allowLocal && isLoopbackName(host);
  if (url.protocol !== 'https:' && !localHttp)
    throw new NotifyError('url_not_https', 'The receiver URL must start with https://', { url: 'not https' });
  let addresses: string[];
  try {
    addresses = isIP(host) !== 0 ? [host] : await resolve(host);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0)
    throw new NotifyError('url_unresolvable', `The host ${host.slice(0, 100)} could not be resolved`, {
      url: 'unresolvable',
    });
  if (!addresses.every((a) => addressAllowed(a, policy)))
    throw new NotifyError(
      'url_private_address',
      'The receiver must be on the public internet: private, local and metadata addresses are refused',
      { url: 'private address' },
    );
}

/** A socket lookup that connects only to allowed addresses (each resolved address is checked). */
export function guardedLookup(policy: ReceiverPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      if (addresses.length === 0 || !addresses.every((a) => addressAllowed(a.address, policy))) {
        const refused = Object.assign(new Error(`address of ${hostname} refused`), { code: ADDRESS_REFUSED });
        return callback(refused, '', 4);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses as [LookupAddress];
      callback(null, first.address, first.family);
    });
  };
}
