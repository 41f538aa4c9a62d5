import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUri, totp, verifyTotp } from './totp.ts';

// RFC 6238 appendix B: the seeds are the ASCII digits, repeated to the hash's key length.
const SEED_SHA1 = Buffer.from('12345678901234567890');
const SEED_SHA256 = Buffer.from('12345678901234567890123456789012');
const SEED_SHA512 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234');

describe('TOTP (RFC 6238 test vectors)', () => {
  it.each([
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ])('at %i s', (seconds, sha1, sha256, sha512) => {
    const at = new Date(seconds * 1000);
    expect(totp(SEED_SHA1, at, { digits: 8 })).toBe(sha1);
    expect(totp(SEED_SHA256, at, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
    expect(totp(SEED_SHA512, at, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
  });

  it('matches RFC 4226 HOTP values', () => {
    expect([0, 1, 2, 9].map((c) => hotp(SEED_SHA1, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('round-trips base32 (RFC 4648 vectors)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb oi====').toString()).toBe('foobar');
    expect(() => base32Decode('M1')).toThrow(/base32/);
  });

  it('accepts the current code and one step of drift, and says which step it was', () => {
    const secret = base32Encode(SEED_SHA1);
    const at = new Date(1_111_111_111_000);
    const code = totp(SEED_SHA1, at);
    expect(verifyTotp(secret, code, at)).toBe(Math.floor(1_111_111_111 / 30));
    expect(verifyTotp(secret, code, new Date(at.getTime() + 30_000))).not.toBeNull();
    expect(verifyTotp(secret, code, new Date(at.getTime() + 90_000))).toBeNull();
    expect(verifyTotp(secret, '12345', at)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', at)).toBeNull();
  });

  it('builds an otpauth URI an authenticator app reads', () => {
    expect(otpauthUri('ABC', 'jane@clinic.org')).toBe('otpauth://totp/Clinic%20chat%3Ajane%40clinic.org?secret=ABC&issuer=Clinic%20chat&algorithm=SHA1&digits=6&period=30');
  });
});
