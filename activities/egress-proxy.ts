import { STATUS_CODES } from 'node:http';
import { isIP, type Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { buildConnector, Pool, type Dispatcher } from 'undici';
import { addressRefusal, type NetworkPolicy } from '../src/policy/network-policy.js';
import { blockedError, checkedLookup, elapsedMs } from './policed-connector.js';
import { watchTlsRefusal } from './tls-refusals.js';
import { noteConnection } from './wire-capture.js';

/**
 * How long opening one tunnel may take (TCP to the proxy, its CONNECT answer, TLS to the target): undici's own
 * connect timeout, which a custom connector does not get.
 */
export const TUNNEL_TIMEOUT_MS = 10_000;

/** `Proxy-Authorization` for a proxy URL's userinfo, or null without one. */
export function proxyAuthorization(proxy: URL): string | null {
  if (!proxy.username && !proxy.password) return null;
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

/** The CONNECT request target for an address (RFC 9110 authority form: IPv6 in brackets). */
export function connectAuthority(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

/** Where the proxy itself is, for messages: never its credentials. */
const proxyName = (proxy: URL) => proxy.host;

const tunnelError = (message: string, code: string) => Object.assign(new Error(message), { code });

/**
 * The one address a delivery may go to: a literal IP judged by the policy, or a name resolved by the same
 * checked lookup the direct path uses (every address judged; any refused one refuses the target).
 */
function checkedAddress(policy: NetworkPolicy, hostname: string): Promise<string> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const why = addressRefusal(policy, host);
    return why ? Promise.reject(blockedError(`refused by the network policy: ${why}`)) : Promise.resolve(host);
  }
  return new Promise((resolve, reject) => {
    checkedLookup(policy)(host, { all: true }, (err, addresses) => {
      if (err) return reject(err);
      const first = Array.isArray(addresses) ? addresses[0] : undefined;
      if (!first) return reject(tunnelError(`${host} resolves to no address`, 'ENOTFOUND'));
      resolve(first.address);
    });
  });
}

/**
 * With a proxy the socket's own peer is the proxy; report the target's checked address instead, which is what
 * the proxy was told to connect to, so whatever reads `remoteAddress` of a delivery's socket sees the receiver.
 */
function reportTarget(socket: Socket, address: string, port: number): void {
  Object.defineProperties(socket, {
    remoteAddress: { value: address, configurable: true },
    remotePort: { value: port, configurable: true },
    remoteFamily: { value: isIP(address) === 6 ? 'IPv6' : 'IPv4', configurable: true },
  });
}

/**
 * An undici connector that sends every connection through an HTTP CONNECT proxy (EGRESS_PROXY), so deliveries
 * leave from one address. The policy still judges the final target: its name is resolved and checked here, and
 * the proxy is asked for the checked IP (never the name, which it would resolve again). SNI, certificate checks
 * and the Host header keep the original name. The proxy itself is operator infrastructure, not policed.
 * `targetTls` adds TLS options for targets (tests: a private CA).
 */
export function egressProxyConnector(policy: NetworkPolicy, proxyUrl: string, targetTls: ConnectionOptions = {}): buildConnector.connector {
  const proxy = new URL(proxyUrl);
  const authorization = proxyAuthorization(proxy);
  // Each CONNECT takes a connection of this pool and keeps it as the tunnel; the pool itself holds no idle sockets.
  const toProxy = new Pool(proxy.origin, { connect: { timeout: TUNNEL_TIMEOUT_MS } });
  const overTunnel = buildConnector({ ...targetTls, timeout: TUNNEL_TIMEOUT_MS });

  const openTunnel = async (authority: string): Promise<Socket> => {
    let answer: Dispatcher.ConnectData;
    try {
      answer = await toProxy.connect({
        path: authority,
        headers: { host: authority, ...(authorization ? { 'proxy-authorization': authorization } : {}) },
        signal: AbortSignal.timeout(TUNNEL_TIMEOUT_MS),
      });
    } catch (err) {
      const e = err as { name?: string; code?: string; message?: string };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') {
        throw tunnelError(
          `the egress proxy (${proxyName(proxy)}) did not open a tunnel within ${TUNNEL_TIMEOUT_MS} ms`,
          'ERR_EGRESS_PROXY',
        );
      }
      // The code (ECONNREFUSED, ...) is kept so the attempt is classified like any connection failure.
      throw tunnelError(`the egress proxy (${proxyName(proxy)}) failed: ${e.message ?? e.code}`, e.code ?? 'ERR_EGRESS_PROXY');
    }
    if (answer.statusCode !== 200) {
      answer.socket.on('error', () => {}).destroy();
      const status = `${answer.statusCode} ${STATUS_CODES[answer.statusCode] ?? ''}`.trim();
      throw tunnelError(`the egress proxy (${proxyName(proxy)}) answered ${status} to CONNECT ${authority}`, 'ERR_EGRESS_PROXY_REFUSED');
    }
    return answer.socket as Socket;
  };

  const overTunnelAsync = (opts: buildConnector.Options, tunnel: Socket) =>
    new Promise<Socket>((resolve, reject) => {
      overTunnel({ ...opts, httpSocket: tunnel }, (err, socket) => {
        if (err || !socket) {
          tunnel.destroy();
          return reject(err ?? tunnelError('no TLS socket', 'ERR_EGRESS_PROXY'));
        }
        resolve(socket);
      });
    });

  const connect = async (opts: buildConnector.Options): Promise<Socket> => {
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    const started = performance.now();
    const address = await checkedAddress(policy, opts.hostname);
    const resolved = performance.now();
    const tunnel = await openTunnel(connectAuthority(address, port));
    const tunnelled = performance.now();
    // TLS inside the tunnel, with SNI and certificate checks against the name (opts.hostname), not the IP.
    const socket = opts.protocol === 'https:' ? await overTunnelAsync(opts, tunnel) : tunnel.setNoDelay(true).setKeepAlive(true, 60_000);
    reportTarget(socket, address, port);
    if (opts.protocol === 'https:') watchTlsRefusal(socket, Boolean(targetTls.cert));
    // The attempt's timings (wire-capture.ts): connect is the way to the proxy and its CONNECT answer.
    noteConnection(socket, {
      dnsMs: isIP(opts.hostname.replace(/^\[|\]$/g, '')) ? null : elapsedMs(started, resolved),
      connectMs: elapsedMs(resolved, tunnelled),
      tlsMs: opts.protocol === 'https:' ? elapsedMs(tunnelled, performance.now()) : null,
    });
    return socket;
  };

  return (opts, callback) => {
    connect(opts).then(
      (socket) => callback(null, socket),
      (err: Error) => callback(err, null),
    );
  };
}
