import { Binary, Decimal128, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { canonicalKey } from './canonical-key.ts';

describe('canonicalKey', () => {
  it('gives equal values equal keys: ObjectId by hex, Date by time, numbers by value', () => {
    const id = new ObjectId();
    expect(canonicalKey(new ObjectId(id.toHexString()))).toBe(canonicalKey(id));
    expect(canonicalKey(new Date(5))).toBe(canonicalKey(new Date(5)));
    expect(canonicalKey(1)).toBe(canonicalKey(1.0));
    expect(canonicalKey(-0)).toBe(canonicalKey(0));
  });

  it('keeps types apart: "1" vs 1, null vs false, Date vs its millis', () => {
    expect(canonicalKey('1')).not.toBe(canonicalKey(1));
    expect(canonicalKey(null)).not.toBe(canonicalKey(false));
    expect(canonicalKey(new Date(5))).not.toBe(canonicalKey(5));
    expect(canonicalKey(Decimal128.fromString('1'))).not.toBe(canonicalKey('1'));
  });

  it('treats null and missing alike, as indexes do', () => {
    expect(canonicalKey(undefined)).toBe(canonicalKey(null));
  });

  it('ignores object key order (as mingo equality does) but not array order', () => {
    expect(canonicalKey({ a: 1, b: 2 })).toBe(canonicalKey({ b: 2, a: 1 }));
    expect(canonicalKey([1, 2])).not.toBe(canonicalKey([2, 1]));
  });

  it('distinguishes binaries by bytes and subtype', () => {
    const a = new Binary(Buffer.from([0xff, 0xfe]), 0);
    const b = new Binary(Buffer.from([0xfe, 0xff]), 0);
    const c = new Binary(Buffer.from([0xff, 0xfe]), 4);
    expect(canonicalKey(a)).not.toBe(canonicalKey(b));
    expect(canonicalKey(a)).not.toBe(canonicalKey(c));
    expect(canonicalKey(a)).toBe(canonicalKey(new Binary(Buffer.from([0xff, 0xfe]), 0)));
  });
});
