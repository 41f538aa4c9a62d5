import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 4648 base32 (authenticator apps take secrets in it). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i === -1) throw new Error(`not base32: "${ch}"`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export interface TotpOptions {
  /** Seconds per code. Default 30. */
  step?: number;
  /** Default 6. */
  digits?: number;
  /** Default sha1 (what every authenticator app uses). */
  algorithm?: 'sha1' | 'sha256' | 'sha512';
}

/** RFC 4226 HOTP value for `counter`. */
export function hotp(key: Buffer, counter: number, digits = 6, algorithm: TotpOptions['algorithm'] = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(code).padStart(digits, '0');
}

/** The RFC 6238 time step of `at`. */
export function timeStep(at: Date, step = 30): number {
  return Math.floor(at.getTime() / 1000 / step);
}

/** RFC 6238 TOTP code at `at`. */
export function totp(key: Buffer, at: Date, options: TotpOptions = {}): string {
  return hotp(key, timeStep(at, options.step), options.digits, options.algorithm);
}

/**
 * The time step a `code` belongs to, allowing one step of clock drift either
 * way, or `null`. The caller refuses a step already used (replay).
 *
 * @example
 * const step = verifyTotp(secret, '123456', new Date());
 * if (step !== null && (await accounts.useTotpStep(id, step))) signIn();
 */
export function verifyTotp(secretBase32: string, code: string, at: Date, options: TotpOptions = {}): number | null {
  const digits = options.digits ?? 6;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return null;
  const key = base32Decode(secretBase32);
  const now = timeStep(at, options.step);
  for (const step of [now, now - 1, now + 1]) {
    const expected = Buffer.from(hotp(key, step, digits, options.algorithm));
    if (timingSafeEqual(expected, Buffer.from(code))) return step;
  }
  return null;
}

/** A new 160-bit secret, base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** What an authenticator app scans (as a QR code) or takes typed in. */
export function otpauthUri(secretBase32: string, account: string, issuer = 'Clinic chat'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
