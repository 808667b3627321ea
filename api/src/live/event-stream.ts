// Server-sent events written on the raw response: the headers, events, heartbeats, and an end that never
// leaves a socket open (client gone, client too slow, or the server shutting down).
import type { FastifyReply } from 'fastify';

export interface EventStream {
  send(message: { event?: string; id?: string; data: unknown }): void;
  /** Ends the response; safe to call more than once. */
  close(): void;
  /** Runs `listener` once the stream is over, at once if it already is. */
  onClose(listener: () => void): void;
  readonly closed: boolean;
}

export interface EventStreamOptions {
  /** A comment line at this interval keeps proxies and load balancers from dropping an idle stream. */
  readonly heartbeatMs: number;
  /** What EventSource waits before reconnecting after the stream ended. */
  readonly retryMs: number;
  /** A client that reads nothing while this much is buffered is dropped; it reconnects and reloads. */
  readonly maxBufferedBytes?: number;
}

export function openEventStream(reply: FastifyReply, options: EventStreamOptions): EventStream {
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const response = reply.raw;
  const listeners: Array<() => void> = [];
  let closed = false;

  reply.hijack();
  // Headers set by earlier hooks (security headers) still apply to the hijacked response.
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) response.setHeader(name, value);
  }
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx and Azure's front ends buffer responses unless told not to.
    'x-accel-buffering': 'no',
  });

  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const listener of listeners.splice(0)) listener();
  };

  const write = (chunk: string) => {
    if (closed) return;
    if (response.writableLength > maxBuffered) {
      close();
      return;
    }
    response.write(chunk);
  };

  const close = () => {
    if (closed) return;
    finish();
    response.end();
  };

  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs);
  heartbeat.unref();
  // The response's close (not the request's, which fires once a GET is read) means the client is gone.
  response.on('close', finish);
  response.on('error', finish);
  write(`retry: ${options.retryMs}\n\n`);

  return {
    send({ event, id, data }) {
      const lines = [
        ...(event ? [`event: ${event}`] : []),
        ...(id ? [`id: ${id}`] : []),
        // JSON has no raw newlines, so one data line carries the whole payload.
        `data: ${JSON.stringify(data)}`,
      ];
      write(`${lines.join('\n')}\n\n`);
    },
    close,
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
    get closed() {
      return closed;
    },
  };
}
