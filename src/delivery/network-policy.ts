import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Where deliveries may go. Decided once, here; used when a subscription is written and when a socket connects. */
export interface NetworkPolicy {
  allowHttp: boolean;
  /** Exact ranges opened on purpose (ALLOWED_PRIVATE_CIDRS), e.g. loopback for local development. */
  allowed: [Address, number][];
}

export function parseCidrs(cidrs: string[]): [Address, number][] {
  return cidrs.map((c) => ipaddr.parseCIDR(c));
}

export function createNetworkPolicy(allowHttp: boolean, cidrs: string[]): NetworkPolicy {
  return { allowHttp, allowed: parseCidrs(cidrs) };
}

/** IPv4 written inside IPv6 (mapped, NAT64, 6to4, ...) is judged as the IPv4 address it carries. */
function normalize(address: Address): Address {
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()) return address.toIPv4Address();
  return address;
}

/**
 * Why an address may not be connected to, or null when it may. Only globally routable unicast passes:
 * loopback, private, link-local (cloud metadata), CGNAT, multicast, unspecified, unique-local, reserved and
 * the like are refused unless an allowed CIDR names them.
 */
export function addressRefusal(policy: NetworkPolicy, raw: string): string | null {
  let address: Address;
  try {
    address = normalize(ipaddr.parse(raw.replace(/^\[|\]$/g, '')));
  } catch {
    return `${raw} is not an IP address`;
  }
  const range = address.range();
  const allowedByCidr = policy.allowed.some(([net, bits]) => {
    const candidate = address.kind() === net.kind() ? address : null;
    return candidate !== null && candidate.match(net, bits);
  });
  if (allowedByCidr) return null;
  if (range === 'unicast') return null;
  return `${address.toString()} is in a ${range} range`;
}

/** Names that always mean this machine (RFC 6761). */
const LOCAL_NAMES = /^(localhost|.*\.localhost)\.?$/i;

/**
 * What is wrong with a target URL before any DNS lookup: the scheme, a literal IP in a refused range (in any
 * spelling: the URL parser has already turned decimal, hex, octal and short IPv4 forms into dotted quads), or a
 * local name. Names are checked again at connect time, against the addresses they resolve to.
 */
export function urlRefusal(policy: NetworkPolicy, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a valid URL';
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && policy.allowHttp)) {
    return policy.allowHttp ? 'must be an http(s) URL' : 'must be https (plain http is allowed only with ALLOW_HTTP_TARGETS=true)';
  }
  if (parsed.username || parsed.password) return 'must not contain credentials; use `auth`';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const why = addressRefusal(policy, host);
    return why ? `targets a refused address: ${why}` : null;
  }
  if (LOCAL_NAMES.test(host) && addressRefusal(policy, '127.0.0.1')) return 'targets this machine (localhost)';
  return null;
}
