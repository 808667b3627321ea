import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairKey } from './pair-key.ts';
import { RuleError } from './rule-error.ts';

describe('pairKey (one series per pair)', () => {
  it('is the same whichever of the two created the 1:1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(pairKey(a, b)).toBe(pairKey(b, a));
      }),
    );
  });

  it('differs between different pairs', () => {
    expect(pairKey('u1', 'u2')).not.toBe(pairKey('u1', 'u3'));
    expect(pairKey('65f0a1', '65f0b2')).toBe('65f0a1:65f0b2');
  });

  it('a 1:1 needs two different people', () => {
    expect(() => pairKey('u1', 'u1')).toThrow(expect.objectContaining({ code: 'SAME_PARTICIPANT' }));
    expect(() => pairKey('u1', 'u1')).toThrow(RuleError);
  });
});
