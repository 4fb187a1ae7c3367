import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { buildConnector } from 'undici';
import { addressRefusal, type NetworkPolicy } from '../src/policy/network-policy.js';
import type { ConnectionTimings } from '../src/deliveries/attempt.entity.js';
import { watchTlsRefusal } from './tls-refusals.js';
import { noteConnection } from './wire-capture.js';

export const blockedError = (message: string) => Object.assign(new Error(message), { code: 'ERR_BLOCKED_TARGET' });

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * DNS lookup for sockets: resolves every address, refuses the connection if any is refused by the policy, and
 * hands the socket exactly the addresses it checked, so a rebinding DNS answer cannot slip in between.
 */
export function checkedLookup(policy: NetworkPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const refused = addresses.map((a) => addressRefusal(policy, a.address)).find((why) => why !== null);
      if (refused) return callback(blockedError(`${hostname} resolves to a refused address: ${refused}`), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * An undici connector that enforces the network policy on literal IPs and on every resolved address, and notes
 * how long each step of opening the socket took (see wire-capture.ts). `tls`: extra options (a test's own CA).
 */
export function policedConnector(policy: NetworkPolicy, tls: ConnectionOptions = {}): buildConnector.connector {
  const connect = buildConnector({ ...tls, lookup: checkedLookup(policy) }) as unknown as OpeningConnector;
  return (opts, callback) => {
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const why = addressRefusal(policy, host);
      if (why) return callback(blockedError(`refused by the network policy: ${why}`), null);
    }
    const steps = new OpeningSteps();
    const socket = connect(opts, (err, opened) => {
      if (err) return callback(err, null);
      noteConnection(opened, steps.timings());
      if (opts.protocol === 'https:') watchTlsRefusal(opened, Boolean(tls.cert));
      callback(null, opened);
    });
    // At run time undici's connector returns the socket it opens (its types say void): its events time the steps.
    if (socket) steps.watch(socket);
  };
}

type OpeningConnector = (opts: buildConnector.Options, callback: (...args: [Error, null] | [null, Socket]) => void) => Socket | undefined;

/** Milliseconds between two `performance.now()` readings, to a hundredth. */
export const elapsedMs = (from: number, to: number) => Math.round((to - from) * 100) / 100;

/** When a socket's lookup, TCP connect and TLS handshake ended. */
class OpeningSteps {
  private readonly started = performance.now();
  private looked: number | null = null;
  private connected: number | null = null;
  private secured: number | null = null;

  // Ahead of undici's own listeners: its callback (which reads the timings) runs on 'connect' or 'secureConnect'.
  watch(socket: Socket): void {
    socket.prependOnceListener('lookup', () => (this.looked = performance.now()));
    socket.prependOnceListener('connect', () => (this.connected = performance.now()));
    socket.prependOnceListener('secureConnect', () => (this.secured = performance.now()));
  }

  timings(): ConnectionTimings {
    const now = performance.now();
    const connected = this.connected ?? now;
    return {
      dnsMs: this.looked === null ? null : elapsedMs(this.started, this.looked),
      connectMs: elapsedMs(this.looked ?? this.started, connected),
      tlsMs: this.secured === null ? null : elapsedMs(connected, this.secured),
    };
  }
}
