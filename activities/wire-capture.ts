import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import type { ConnectionTimings, WireHeader } from '../src/deliveries/attempt.entity.js';
import { isCredentialHeader, MASK } from '../src/secrets/credential-headers.js';
import { tlsRefusalOf } from './tls-refusals.js';

/** What went over the wire for one attempt, as far as it got. */
export interface WireCapture {
  /** The request headers as written on the socket, credentials masked; null if the request never reached a socket. */
  requestHeaders: WireHeader[] | null;
  remoteAddress: string | null;
  /** The new connection this request opened; null when it went on a kept-alive one (or none). */
  connection: ConnectionTimings | null;
  reusedConnection: boolean;
  /** Why the receiver refused the connection's TLS (tls-refusals.ts), null if it did not; read once the request failed. */
  tlsRefusal?: () => string | null;
}

/** Credentials by name (signatures included: with the event's data they would let a reader replay a request). */
const SENSITIVE = (name: string) => isCredentialHeader(name);

/** Each socket's opening, until the first request sent on it claims it. */
const openings = new WeakMap<Socket, ConnectionTimings>();
/** The attempts being sent, by their body: undici keeps a Buffer body as the very object it was given. */
const watched = new WeakMap<Buffer, { capture: WireCapture; secret: ReadonlySet<string> }>();

/** Called by the connector once a socket is open. */
export function noteConnection(socket: Socket, timings: ConnectionTimings): void {
  openings.set(socket, timings);
}

/**
 * Starts capturing the request whose body is `body` (a Buffer of its own): undici reports the headers it writes
 * and the socket it writes them on through its diagnostics channel, which knows nothing of the attempt, so the
 * body is what ties the two together. `secretHeaders`: names masked besides those named like credentials (the
 * subscription's own signature header, headers marked secret).
 */
export function watchRequest(body: Buffer, secretHeaders: readonly string[] = []): WireCapture {
  const capture: WireCapture = { requestHeaders: null, remoteAddress: null, connection: null, reusedConnection: false };
  watched.set(body, { capture, secret: new Set(secretHeaders.map((n) => n.toLowerCase())) });
  return capture;
}

interface SendHeadersMessage {
  request: { body?: unknown };
  headers: string;
  socket: Socket;
}

subscribe('undici:client:sendHeaders', (message) => {
  const { request, headers, socket } = message as SendHeadersMessage;
  if (!Buffer.isBuffer(request.body)) return;
  const entry = watched.get(request.body);
  if (!entry) return;
  const { capture, secret } = entry;
  // undici writes content-length after this report: it is the body's length.
  capture.requestHeaders = [...parseHeaderBlock(headers, secret), { name: 'content-length', value: String(request.body.length) }];
  capture.remoteAddress = socket.remoteAddress ?? null;
  const opening = openings.get(socket);
  openings.delete(socket);
  capture.connection = opening ?? null;
  capture.reusedConnection = !opening;
  capture.tlsRefusal = () => tlsRefusalOf(socket);
});

/** `POST /path HTTP/1.1\r\nname: value\r\n...` to its header pairs, credentials masked. */
export function parseHeaderBlock(block: string, secret: ReadonlySet<string> = new Set()): WireHeader[] {
  return block
    .split('\r\n')
    .slice(1)
    .filter((line) => line.includes(':'))
    .map((line) => {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      return { name, value: SENSITIVE(name) || secret.has(name.toLowerCase()) ? MASK : line.slice(colon + 1).trim() };
    });
}

/** The receiver's answer headers, credentials masked, repeated ones joined as undici gives them. */
export function maskedResponseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = SENSITIVE(name) ? MASK : value;
  return out;
}
