import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * What the service reads of a request, the same under Fastify (FastifyRequest) and Express (Request): the
 * benchmark runs both (HTTP_ADAPTER), so nothing here names one of them.
 */
export interface HttpRequest {
  headers: IncomingHttpHeaders;
  /** The socket's peer: neither adapter is told to trust X-Forwarded-For. */
  ip?: string;
  socket?: { remoteAddress?: string };
  protocol: string;
  /** Fastify's Node request, which pino-http logs (Express hands the Node request itself). */
  raw?: IncomingMessage;
}

/** What the service does to a response, the same on a FastifyReply and an Express Response. */
export interface HttpReply {
  status(code: number): unknown;
  type(contentType: string): unknown;
  header(name: string, value: string): unknown;
  getHeader(name: string): unknown;
  send(body?: unknown): unknown;
  /** Fastify: the reply went out. */
  sent?: boolean;
  /** Express: the headers went out. */
  headersSent?: boolean;
}

export const replySent = (res: HttpReply) => res.sent === true || res.headersSent === true;
