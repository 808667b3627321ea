// Decodes one framed wire message (OP_MSG or legacy OP_QUERY) into a command document.
import { type Document, deserialize } from 'bson';
import { CommandError, ErrorCode } from '../errors.ts';
import { HEADER_SIZE, MsgFlag, OpCode } from './opcodes.ts';

export type WireRequest = {
  requestId: number;
  opCode: number;
  /** The command document, with OP_MSG kind-1 document sequences merged in as arrays. */
  command: Document;
  /** OP_MSG sender does not expect a reply (w:0 writes). */
  moreToCome: boolean;
};

// int64 values that fit a double become numbers so that mingo compares them with other numbers.
const deserializeOptions = { promoteLongs: true, promoteValues: true } as const;

export function decodeRequest(message: Buffer): WireRequest {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OpCode.msg) return decodeOpMsg(message, requestId);
  if (opCode === OpCode.query) return decodeOpQuery(message, requestId);
  throw new CommandError(ErrorCode.FailedToParse, `unsupported wire opcode ${opCode}`);
}

function decodeOpMsg(message: Buffer, requestId: number): WireRequest {
  const flags = message.readUInt32LE(HEADER_SIZE);
  const end = flags & MsgFlag.checksumPresent ? message.length - 4 : message.length;
  let offset = HEADER_SIZE + 4;
  let command: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = message[offset];
    offset += 1;
    if (kind === 0) {
      const size = message.readInt32LE(offset);
      command = deserialize(message.subarray(offset, offset + size), deserializeOptions);
      offset += size;
      continue;
    }
    if (kind !== 1) throw new CommandError(ErrorCode.FailedToParse, `unknown OP_MSG section kind ${kind}`);
    const size = message.readInt32LE(offset);
    const sectionEnd = offset + size;
    const nameEnd = message.indexOf(0, offset + 4);
    const name = message.toString('utf8', offset + 4, nameEnd);
    sequences.push([name, readDocuments(message, nameEnd + 1, sectionEnd)]);
    offset = sectionEnd;
  }
  if (!command) throw new CommandError(ErrorCode.FailedToParse, 'OP_MSG without a body section');
  for (const [name, docs] of sequences) command[name] = docs;
  return { requestId, opCode: OpCode.msg, command, moreToCome: (flags & MsgFlag.moreToCome) !== 0 };
}

function readDocuments(message: Buffer, start: number, end: number): Document[] {
  const docs: Document[] = [];
  let offset = start;
  while (offset < end) {
    const size = message.readInt32LE(offset);
    docs.push(deserialize(message.subarray(offset, offset + size), deserializeOptions));
    offset += size;
  }
  return docs;
}

// Drivers only use OP_QUERY for the first handshake, against `<db>.$cmd`.
function decodeOpQuery(message: Buffer, requestId: number): WireRequest {
  let offset = HEADER_SIZE + 4;
  const nameEnd = message.indexOf(0, offset);
  const fullName = message.toString('utf8', offset, nameEnd);
  offset = nameEnd + 1 + 8;
  const size = message.readInt32LE(offset);
  let command = deserialize(message.subarray(offset, offset + size), deserializeOptions);
  if (command.$query && typeof command.$query === 'object') command = command.$query as Document;
  const db = fullName.slice(0, fullName.indexOf('.'));
  if (command.$db === undefined) command.$db = db;
  return { requestId, opCode: OpCode.query, command, moreToCome: false };
}
