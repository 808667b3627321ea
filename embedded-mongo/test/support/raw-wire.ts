// A bare-socket MongoDB wire client for protocol tests: builds OP_MSG/OP_QUERY bytes, reads replies.
import { connect, type Socket } from 'node:net';
import { type Document, deserialize, serialize } from 'bson';

let nextRequestId = 1000;

export type Section = { kind: 0; doc: Document } | { kind: 1; id: string; docs: Document[] };

export function opMsg(
  sections: Section[],
  flags = 0,
  withChecksum = false,
): { bytes: Buffer; requestId: number } {
  const parts: Buffer[] = [];
  for (const section of sections) {
    if (section.kind === 0) {
      parts.push(Buffer.from([0]), Buffer.from(serialize(section.doc)));
      continue;
    }
    const docs = section.docs.map((doc) => Buffer.from(serialize(doc)));
    const id = Buffer.from(`${section.id}\0`);
    const size = Buffer.alloc(4);
    size.writeInt32LE(4 + id.length + docs.reduce((sum, d) => sum + d.length, 0));
    parts.push(Buffer.from([1]), size, id, ...docs);
  }
  const body = Buffer.concat(parts);
  const requestId = nextRequestId++;
  const header = Buffer.alloc(20);
  header.writeInt32LE(20 + body.length + (withChecksum ? 4 : 0), 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(2013, 12);
  header.writeUInt32LE(flags | (withChecksum ? 1 : 0), 16);
  const message = Buffer.concat([header, body]);
  if (!withChecksum) return { bytes: message, requestId };
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32LE(crc32c(message));
  return { bytes: Buffer.concat([message, checksum]), requestId };
}

export function opQuery(fullCollectionName: string, query: Document): { bytes: Buffer; requestId: number } {
  const name = Buffer.from(`${fullCollectionName}\0`);
  const doc = Buffer.from(serialize(query));
  const requestId = nextRequestId++;
  const header = Buffer.alloc(20);
  header.writeInt32LE(20 + name.length + 8 + doc.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(2004, 12);
  header.writeInt32LE(0, 16);
  const skipReturn = Buffer.alloc(8);
  skipReturn.writeInt32LE(-1, 4);
  return { bytes: Buffer.concat([header, name, skipReturn, doc]), requestId };
}

export type Reply = { responseTo: number; opCode: number; doc: Document };

/** A socket that collects whole replies in arrival order. */
export class RawConnection {
  readonly #socket: Socket;
  #buffer = Buffer.alloc(0);
  readonly #replies: Reply[] = [];
  readonly #waiters: Array<(reply: Reply) => void> = [];

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
  }

  static open(uri: string): Promise<RawConnection> {
    const { hostname, port } = new URL(uri);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port || 27017), hostname.replace(/^\[|\]$/g, ''), () =>
        resolve(new RawConnection(socket)),
      );
      socket.once('error', reject);
    });
  }

  write(bytes: Buffer): void {
    this.#socket.write(bytes);
  }

  next(): Promise<Reply> {
    const ready = this.#replies.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  close(): void {
    this.#socket.destroy();
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    while (this.#buffer.length >= 4 && this.#buffer.length >= this.#buffer.readInt32LE(0)) {
      const size = this.#buffer.readInt32LE(0);
      const message = this.#buffer.subarray(0, size);
      this.#buffer = this.#buffer.subarray(size);
      const reply = decode(message);
      const waiter = this.#waiters.shift();
      if (waiter) waiter(reply);
      else this.#replies.push(reply);
    }
  }
}

function decode(message: Buffer): Reply {
  const responseTo = message.readInt32LE(8);
  const opCode = message.readInt32LE(12);
  const docStart = opCode === 1 ? 36 : 21;
  const size = message.readInt32LE(docStart);
  return { responseTo, opCode, doc: deserialize(message.subarray(docStart, docStart + size)) };
}

const CRC32C_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32c(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC32C_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
