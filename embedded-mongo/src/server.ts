// The TCP side: accepts driver connections, runs each command synchronously against the catalog,
// and replies once the command's changes are durable.
import { createServer, type Server, type Socket } from 'node:net';
import type { Document } from 'bson';
import type { CommandContext } from './commands/command-context.ts';
import { runCommand } from './commands/registry.ts';
import { CursorStore } from './cursor-store.ts';
import type { Catalog } from './engine/catalog.ts';
import type { StoreOp } from './engine/store-op.ts';
import { CommandError, ErrorCode } from './errors.ts';
import { expireDocuments, TTL_MONITOR_INTERVAL_MS } from './ttl-monitor.ts';
import { MessageFramer } from './wire/framer.ts';
import { OpCode } from './wire/opcodes.ts';
import { encodeReply } from './wire/reply.ts';
import { decodeRequest } from './wire/request.ts';

/** Persists one command's changes; undefined when there is nothing to wait for (in-memory). */
export type Commit = (ops: StoreOp[]) => Promise<void> | undefined;

/** Storage as the server sees it: how to persist, and whether persisting has failed for good. */
export type Persistence = { commit: Commit; failure(): Error | undefined };

const CURSOR_SWEEP_MS = 60_000;

export type ServerOptions = { ttlMonitorMs?: number };

export class WireServer {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #catalog: Catalog;
  readonly #persistence: Persistence;
  readonly #cursors = new CursorStore();
  readonly #startedAt = new Date();
  readonly #sweeper: NodeJS.Timeout;
  readonly #ttlMonitor: NodeJS.Timeout;
  #nextConnectionId = 1;

  constructor(catalog: Catalog, persistence: Persistence, options: ServerOptions = {}) {
    this.#catalog = catalog;
    this.#persistence = persistence;
    this.#server = createServer((socket) => this.#accept(socket));
    this.#sweeper = setInterval(() => this.#cursors.sweep(Date.now()), CURSOR_SWEEP_MS);
    this.#sweeper.unref();
    this.#ttlMonitor = setInterval(() => this.#expire(), options.ttlMonitorMs ?? TTL_MONITOR_INTERVAL_MS);
    this.#ttlMonitor.unref();
  }

  // Runs between commands (they are synchronous), so the changes taken are the expiry's alone.
  #expire(): void {
    if (this.#persistence.failure()) return;
    expireDocuments(this.#catalog, new Date());
    const ops = this.#catalog.takeOps();
    if (ops.length > 0) this.#persistence.commit(ops)?.catch(() => undefined);
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => {
        this.#server.off('error', reject);
        const address = this.#server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Stops accepting, drops client connections (as a stopping mongod does). */
  close(): Promise<void> {
    clearInterval(this.#sweeper);
    clearInterval(this.#ttlMonitor);
    for (const socket of this.#sockets) socket.destroy();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: Socket): void {
    const connectionId = this.#nextConnectionId++;
    const framer = new MessageFramer();
    this.#sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      let messages: Buffer[];
      try {
        messages = framer.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const message of messages) this.#handle(socket, connectionId, message);
    });
  }

  #handle(socket: Socket, connectionId: number, message: Buffer): void {
    const requestId = message.readInt32LE(4);
    let opCode = message.readInt32LE(12);
    let reply: Document;
    let moreToCome = false;
    try {
      const request = decodeRequest(message);
      opCode = request.opCode;
      moreToCome = request.moreToCome;
      reply = this.#execute(request.command, connectionId);
    } catch (error) {
      reply = toErrorReply(error);
      if (opCode !== OpCode.query) opCode = OpCode.msg;
    }
    const ops = this.#catalog.takeOps();
    const durable = ops.length > 0 ? this.#persistence.commit(ops) : undefined;
    const send = (body: Document): void => {
      if (moreToCome || socket.destroyed) return;
      socket.write(encodeReply(opCode, requestId, body));
    };
    if (!durable) {
      send(reply);
      return;
    }
    durable.then(
      () => send(reply),
      (error: unknown) => send(toErrorReply(error)),
    );
  }

  #execute(command: Document, connectionId: number): Document {
    // After a failed journal write memory may be ahead of the disk: answer nothing from it.
    const failure = this.#persistence.failure();
    if (failure)
      throw new CommandError(
        ErrorCode.InternalError,
        `storage failed, restart the server: ${failure.message}`,
      );
    const db = command.$db;
    if (typeof db !== 'string' || db.length === 0) {
      throw new CommandError(40571, 'OP_MSG requests require a $db argument');
    }
    const context: CommandContext = {
      catalog: this.#catalog,
      cursors: this.#cursors,
      db,
      connectionId,
      startedAt: this.#startedAt,
    };
    return runCommand(command, context);
  }
}

function toErrorReply(error: unknown): Document {
  if (error instanceof CommandError) return error.toReply();
  const message = error instanceof Error ? error.message : String(error);
  return new CommandError(ErrorCode.InternalError, message).toReply();
}
