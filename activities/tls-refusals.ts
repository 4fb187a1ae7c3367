import type { Socket } from 'node:net';

/**
 * Why a receiver refused a TLS connection, by socket. Under TLS 1.3 the client's handshake is over before the
 * server judges its certificate: the refusal arrives later, as an alert on the socket (no certificate) or as a
 * bare close (a certificate it does not trust), and undici reports either as `other side closed`. The socket's
 * own events keep the cause, so the attempt can say `tls` rather than `connection`.
 */
const refusals = new WeakMap<Socket, string>();

/** Called by the connectors for each new TLS socket; `presentsCertificate`: it carries a client certificate. */
export function watchTlsRefusal(socket: Socket, presentsCertificate: boolean): void {
  let answered = false;
  socket.prependListener('data', () => (answered = true));
  socket.prependListener('error', (err: NodeJS.ErrnoException) => {
    if (!answered && /^ERR_SSL/.test(err.code ?? ''))
      refusals.set(socket, `the receiver refused the TLS connection: ${err.message.split('\n')[0]}`);
  });
  // A close before any answer, on a connection that offered a certificate, is how TLS 1.3 servers refuse one.
  if (presentsCertificate)
    socket.prependListener('end', () => {
      if (!answered && !refusals.has(socket))
        refusals.set(
          socket,
          'the receiver closed the connection before answering, right after the TLS handshake: it refused the client certificate',
        );
    });
}

export const tlsRefusalOf = (socket: Socket): string | null => refusals.get(socket) ?? null;
