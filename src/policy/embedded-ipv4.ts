import ipaddr from 'ipaddr.js';

/** Where RFC 6052 puts the four IPv4 bytes for each prefix length (byte 8, the reserved "u" octet, is skipped). */
const RFC6052_BYTES: Record<32 | 40 | 48 | 56 | 64 | 96, number[]> = {
  32: [4, 5, 6, 7],
  40: [5, 6, 7, 9],
  48: [6, 7, 9, 10],
  56: [7, 9, 10, 11],
  64: [9, 10, 11, 12],
  96: [12, 13, 14, 15],
};

const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
const NAT64_LOCAL_USE = ipaddr.parseCIDR('64:ff9b:1::/48');
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');
const TEREDO = ipaddr.parseCIDR('2001::/32');

const ipv4At = (bytes: number[], at: number[]) => new ipaddr.IPv4(at.map((i) => bytes[i]));

/**
 * The IPv4 addresses a packet to this IPv6 address may end up at, or [] if it carries none:
 * - IPv4-mapped `::ffff:a.b.c.d`: that address;
 * - NAT64 well-known prefix `64:ff9b::/96` (RFC 6052): the last 32 bits;
 * - NAT64 local-use `64:ff9b:1::/48` (RFC 8215): the operator picks the prefix length (48 to 96), so every
 *   place the IPv4 may sit, as one cannot tell which the network uses;
 * - 6to4 `2002::/16` (RFC 3056): bits 16 to 47, the site's IPv4 router;
 * - Teredo `2001::/32` (RFC 4380): the server (bits 32 to 63) and the client (the last 32 bits, inverted).
 */
export function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const bytes = address.toByteArray();
  if (address.isIPv4MappedAddress()) return [address.toIPv4Address()];
  if (address.match(NAT64_WELL_KNOWN)) return [ipv4At(bytes, RFC6052_BYTES[96])];
  if (address.match(NAT64_LOCAL_USE)) return ([48, 56, 64, 96] as const).map((len) => ipv4At(bytes, RFC6052_BYTES[len]));
  if (address.match(SIX_TO_FOUR)) return [ipv4At(bytes, [2, 3, 4, 5])];
  if (address.match(TEREDO)) return [ipv4At(bytes, [4, 5, 6, 7]), new ipaddr.IPv4(bytes.slice(12).map((b) => b ^ 0xff))];
  return [];
}
