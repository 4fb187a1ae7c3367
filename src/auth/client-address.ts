import ipaddr from 'ipaddr.js';
import type { FastifyRequest } from 'fastify';

/**
 * Who to count failed authentications against: the socket's peer. X-Forwarded-For is not trusted (the app does
 * not set `trustProxy`, so `req.ip` is the socket address). IPv4-mapped IPv6 counts as its IPv4, and
 * other IPv6 by its /64, since one host commonly holds a whole /64.
 */
export function clientAddress(req: FastifyRequest): string {
  const raw = req.ip ?? req.socket.remoteAddress ?? '';
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.process(raw.replace(/%.*$/, ''));
  } catch {
    return raw || 'unknown';
  }
  if (address instanceof ipaddr.IPv4) return address.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`).toString()}/64`;
}
