// SPEC.md "Calendar": tokens are stored encrypted (AES-256-GCM, key from TOKEN_ENCRYPTION_KEY).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openCredentials, sealCredentials } from './credentials.ts';
import { decryptToken, encryptToken } from './token-crypto.ts';

const key = randomBytes(32);

describe('token encryption', () => {
  it('round-trips and never stores the plaintext', () => {
    const sealed = encryptToken(key, 'refresh-token-123', 'purpose');
    expect(sealed).not.toContain('refresh-token-123');
    expect(decryptToken(key, sealed, 'purpose')).toBe('refresh-token-123');
  });

  it('refuses a tampered blob, another key, or another purpose', () => {
    const sealed = encryptToken(key, 'secret', 'user-1');
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    const tampered = [parts[0], parts[1], parts[2], data.toString('base64url')].join('.');
    expect(() => decryptToken(key, tampered, 'user-1')).toThrow();
    expect(() => decryptToken(randomBytes(32), sealed, 'user-1')).toThrow();
    expect(() => decryptToken(key, sealed, 'user-2')).toThrow();
  });

  it("binds stored credentials to their user: one user's blob does not open as another's", () => {
    const sealed = sealCredentials(key, 'u1', { kind: 'google', refreshToken: 'r' });
    expect(openCredentials(key, 'u1', sealed)).toEqual({ kind: 'google', refreshToken: 'r' });
    expect(() => openCredentials(key, 'u2', sealed)).toThrow();
  });
});
