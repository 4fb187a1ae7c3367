import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { addressRefusal, type NetworkPolicy } from '../src/policy/network-policy.js';

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

/** An undici connector that enforces the network policy on literal IPs and on every resolved address. */
export function policedConnector(policy: NetworkPolicy): buildConnector.connector {
  const connect = buildConnector({ lookup: checkedLookup(policy) });
  return (opts, callback) => {
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const why = addressRefusal(policy, host);
      if (why) return callback(blockedError(`refused by the network policy: ${why}`), null);
    }
    return connect(opts, callback);
  };
}
