import { readFileSync } from 'node:fs';
import {
  connect,
  constants,
  createSecureServer,
  type ClientHttp2Session,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
  type ServerHttp2Session,
  type ServerHttp2Stream,
} from 'node:http2';
import type { AddressInfo } from 'node:net';

/** gRPC status codes the frontend answers with. */
const UNAUTHENTICATED = 16;
const PERMISSION_DENIED = 7;

export interface TlsFrontendOptions {
  /** Where the plaintext Temporal frontend listens (host:port), e.g. the test run's dev server. */
  upstream: string;
  serverCert: string;
  serverKey: string;
  /** The CA client certificates must chain to. */
  clientCa: string;
  /** The API key each request must carry as `authorization: Bearer <key>`. */
  apiKey: string;
  /** gRPC methods (`/temporal.api.operatorservice.v1.OperatorService/AddSearchAttributes`) answered PERMISSION_DENIED, as Temporal Cloud does for a namespace credential. */
  deny?: string[];
}

export interface TlsFrontend {
  /** host:port to give the service as TEMPORAL_ADDRESS. */
  address: string;
  /** Requests forwarded to the upstream, by gRPC method. */
  forwarded: Map<string, number>;
  /** Requests refused for a missing or wrong API key. */
  refused: number;
  /** gRPC methods answered PERMISSION_DENIED from now on. */
  deny: Set<string>;
  close(): Promise<void>;
}

/** Request headers that belong to one hop, not to the gRPC call. */
const HOP_HEADERS = new Set([':scheme', ':authority', 'authorization', 'connection', 'host']);

/**
 * A Temporal frontend that demands TLS with a client certificate of a known CA and an API key, as a secured
 * cluster or Temporal Cloud does: a TLS-terminating HTTP/2 proxy that checks `authorization` on every gRPC call
 * (a wrong key gets grpc-status 16) and forwards the rest to a plaintext frontend over h2c.
 */
export async function startTlsFrontend(options: TlsFrontendOptions): Promise<TlsFrontend> {
  let upstream: ClientHttp2Session | undefined;
  const session = () => {
    if (!upstream || upstream.closed || upstream.destroyed) {
      upstream = connect(`http://${options.upstream}`);
      upstream.on('error', () => undefined);
    }
    return upstream;
  };
  const forwarded = new Map<string, number>();
  const frontend: TlsFrontend = { address: '', forwarded, refused: 0, deny: new Set(options.deny), close: async () => undefined };

  const server = createSecureServer({
    cert: readFileSync(options.serverCert),
    key: readFileSync(options.serverKey),
    ca: readFileSync(options.clientCa),
    requestCert: true,
    rejectUnauthorized: true,
  });
  server.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    const method = String(headers[':path']);
    if (headers['authorization'] !== `Bearer ${options.apiKey}`) {
      frontend.refused++;
      return answerStatus(stream, UNAUTHENTICATED, 'Request unauthorized.');
    }
    if (frontend.deny.has(method)) return answerStatus(stream, PERMISSION_DENIED, `Request unauthorized: ${method} is not permitted.`);
    forwarded.set(method, (forwarded.get(method) ?? 0) + 1);
    forward(session(), stream, headers);
  });
  server.on('sessionError', () => undefined);
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  frontend.address = `localhost:${(server.address() as AddressInfo).port}`;
  frontend.close = () =>
    new Promise<void>((done) => {
      upstream?.close();
      server.close(() => done());
      // Open sessions (a worker's long polls) would keep close() waiting.
      for (const s of sessions) s.destroy();
    });
  return frontend;
}

/** A trailers-only gRPC answer: the call failed with `code`. */
function answerStatus(stream: ServerHttp2Stream, code: number, message: string): void {
  stream.respond(
    { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(code), 'grpc-message': encodeURIComponent(message) },
    { endStream: true },
  );
}

function forward(upstream: ClientHttp2Session, stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_HEADERS.has(name)) out[name] = value;
  const call = upstream.request(out);
  let trailers: OutgoingHttpHeaders = {};
  call.on('response', (answer) => {
    const reply: OutgoingHttpHeaders = { ...answer };
    // A trailers-only answer (an error status in the headers) ends with them.
    if (answer['grpc-status'] !== undefined) {
      stream.respond(reply, { endStream: true });
      call.resume();
      return;
    }
    stream.respond(reply, { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers(trailers));
    call.pipe(stream);
  });
  call.on('trailers', (t) => (trailers = { ...t }));
  call.on('error', () => {
    if (!stream.destroyed) stream.close(constants.NGHTTP2_INTERNAL_ERROR);
  });
  stream.on('close', () => {
    if (!call.destroyed) call.close(constants.NGHTTP2_CANCEL);
  });
  stream.on('error', () => undefined);
  stream.pipe(call);
}
