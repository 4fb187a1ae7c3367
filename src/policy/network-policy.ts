import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { embeddedIPv4 } from './embedded-ipv4.js';

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

/** `::/96` is "IPv4-compatible" IPv6 (RFC 4291, deprecated): no host has such an address; some stacks send it to the IPv4. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * ipaddr.js reads `::a.b.c.d` as `::ffff:a.b.c.d`, but a socket would take it as `::/96`: spell a dotted IPv4 tail
 * in hex first, so that the address judged is the address connected to.
 */
function hexTail(text: string): string {
  const m = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(%.*)?$/.exec(text);
  if (!m) return text;
  const [a, b, c, d] = m.slice(2, 6).map(Number) as [number, number, number, number];
  if ([a, b, c, d].some((octet) => octet > 255)) return text;
  return `${m[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}${m[6] ?? ''}`;
}

function parseAddress(raw: string): Address {
  const text = raw.replace(/^\[|\]$/g, '');
  return ipaddr.parse(text.includes(':') ? hexTail(text) : text);
}

/** ipaddr.js's name for the range an address is in; it has none for `::/96` beyond `::` and `::1`. */
function rangeOf(address: Address): string {
  const range = address.range();
  if (range === 'unicast' && address instanceof ipaddr.IPv6 && address.match(IPV4_COMPATIBLE)) return 'ipv4Compatible';
  return range;
}

const opened = (policy: NetworkPolicy, address: Address) =>
  policy.allowed.some(([net, bits]) => address.kind() === net.kind() && address.match(net, bits));

/**
 * IPv6 that carries IPv4 (mapped, NAT64, 6to4, Teredo: see embeddedIPv4) is judged by every IPv4 it carries,
 * since that is where the packet goes; each must pass on its own.
 */
function refusal(policy: NetworkPolicy, address: Address): string | null {
  if (opened(policy, address)) return null;
  const carried = address instanceof ipaddr.IPv6 ? embeddedIPv4(address) : [];
  if (carried.length > 0) {
    const why = carried.map((v4) => refusal(policy, v4)).find((w) => w !== null);
    return why ? `${address.toString()} carries IPv4: ${why}` : null;
  }
  const range = rangeOf(address);
  return range === 'unicast' ? null : `${address.toString()} is in a ${range} range`;
}

/**
 * Why an address may not be connected to, or null when it may. Only globally routable unicast passes:
 * loopback, private, link-local (cloud metadata), CGNAT, multicast, unspecified, unique-local, IPv4-compatible,
 * reserved and the like are refused unless an allowed CIDR names them.
 */
export function addressRefusal(policy: NetworkPolicy, raw: string): string | null {
  let address: Address;
  try {
    address = parseAddress(raw);
  } catch {
    return `${raw} is not an IP address`;
  }
  return refusal(policy, address);
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
