// On-disk record framing shared by journal and snapshot: [u32 length][u32 crc32][BSON payload].
// A torn or corrupt record fails its length or checksum test, which marks the end of valid data.
import { crc32 } from 'node:zlib';
import { type Document, deserialize, serialize } from 'bson';

const HEADER = 8;
const readOptions = { promoteLongs: true, promoteValues: true } as const;
const writeOptions = { ignoreUndefined: true } as const;

export function encodeRecord(payload: Document): Buffer {
  const body = serialize(payload, writeOptions);
  const record = Buffer.allocUnsafe(HEADER + body.length);
  record.writeUInt32LE(body.length, 0);
  record.writeUInt32LE(crc32(body), 4);
  record.set(body, HEADER);
  return record;
}

export type DecodedRecords = {
  records: Document[];
  /** Bytes holding whole, valid records; anything after is a torn tail. */
  validBytes: number;
};

export function decodeRecords(data: Buffer): DecodedRecords {
  const records: Document[] = [];
  let offset = 0;
  while (offset + HEADER <= data.length) {
    const length = data.readUInt32LE(offset);
    const end = offset + HEADER + length;
    if (length < 5 || end > data.length) break;
    const body = data.subarray(offset + HEADER, end);
    if (crc32(body) !== data.readUInt32LE(offset + 4)) break;
    records.push(deserialize(body, readOptions));
    offset = end;
  }
  return { records, validBytes: offset };
}
