// What a request looks like in a log line: never a credential, also not the live stream's `access_token`
// query parameter (EventSource cannot send headers, so the stream takes its token in the URL).
import type { FastifyRequest } from 'fastify';

const secretParams = /([?&](?:access_token|code|state|validationToken)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(secretParams, '$1[redacted]');
}

/** Fastify's default request serializer, with the URL's secrets redacted. */
export function requestLogView(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
