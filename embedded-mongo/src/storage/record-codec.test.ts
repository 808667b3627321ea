import { describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecord } from './record-codec.ts';

describe('journal records', () => {
  const records = [encodeRecord({ n: 1 }), encodeRecord({ n: 2 }), encodeRecord({ n: 3 })];
  const all = Buffer.concat(records);

  it('decode back in order, consuming every byte', () => {
    const decoded = decodeRecords(all);
    expect(decoded.records.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(decoded.validBytes).toBe(all.length);
  });

  it('a torn last record is dropped, the ones before it kept', () => {
    const torn = all.subarray(0, all.length - 3);
    const decoded = decodeRecords(torn);
    expect(decoded.records.map((r) => r.n)).toEqual([1, 2]);
    expect(decoded.validBytes).toBe(records[0]!.length + records[1]!.length);
  });

  it('a record whose bytes changed fails its checksum and ends the valid data', () => {
    const damaged = Buffer.from(all);
    damaged[records[0]!.length + 12]! ^= 0xff;
    expect(decodeRecords(damaged).records.map((r) => r.n)).toEqual([1]);
  });

  it('a zero-filled tail (preallocated or never written) is not a record', () => {
    expect(decodeRecords(Buffer.concat([all, Buffer.alloc(64)])).records.length).toBe(3);
  });
});
