// Wire protocol constants (MongoDB wire protocol spec): opcodes and OP_MSG flag bits.
export const OpCode = {
  reply: 1,
  query: 2004,
  compressed: 2012,
  msg: 2013,
} as const;

export const MsgFlag = {
  checksumPresent: 1 << 0,
  moreToCome: 1 << 1,
  exhaustAllowed: 1 << 16,
} as const;

export const HEADER_SIZE = 16;
export const MAX_MESSAGE_SIZE = 48_000_000;
export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
