// Encodes a reply document as OP_MSG, or as OP_REPLY when the request was a legacy OP_QUERY.
import { type Document, serialize } from 'bson';
import { HEADER_SIZE, OpCode } from './opcodes.ts';

let nextResponseId = 1;

const serializeOptions = { ignoreUndefined: true } as const;

export function encodeReply(requestOpCode: number, responseTo: number, reply: Document): Buffer {
  const body = serialize(reply, serializeOptions);
  return requestOpCode === OpCode.query ? encodeOpReply(responseTo, body) : encodeOpMsg(responseTo, body);
}

function encodeOpMsg(responseTo: number, body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER_SIZE + 5 + body.length);
  writeHeader(out, responseTo, OpCode.msg);
  out.writeUInt32LE(0, HEADER_SIZE);
  out[HEADER_SIZE + 4] = 0;
  out.set(body, HEADER_SIZE + 5);
  return out;
}

function encodeOpReply(responseTo: number, body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER_SIZE + 20 + body.length);
  writeHeader(out, responseTo, OpCode.reply);
  out.writeInt32LE(0, HEADER_SIZE); // responseFlags
  out.writeBigInt64LE(0n, HEADER_SIZE + 4); // cursorID
  out.writeInt32LE(0, HEADER_SIZE + 12); // startingFrom
  out.writeInt32LE(1, HEADER_SIZE + 16); // numberReturned
  out.set(body, HEADER_SIZE + 20);
  return out;
}

function writeHeader(out: Buffer, responseTo: number, opCode: number): void {
  out.writeInt32LE(out.length, 0);
  out.writeInt32LE(nextResponseId++ & 0x7fffffff, 4);
  out.writeInt32LE(responseTo, 8);
  out.writeInt32LE(opCode, 12);
}
