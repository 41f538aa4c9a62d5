/**
 * The short reference a visitor reads out on the phone ("K7-4Q2") and staff
 * find in the inbox. Letters and digits that look or sound alike (0/O, 1/I/L,
 * U/V) are left out, so it survives being read aloud or copied by hand.
 */
import { randomInt } from 'node:crypto';

export const REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
/** Two groups, "K7-4Q2": 29^5 ≈ 20 million, unique among the requests kept (storage retries a clash). */
export const REF_PATTERN = new RegExp(`^[${REF_ALPHABET}]{2}-[${REF_ALPHABET}]{3}$`);

/** A fresh random reference; `pick(n)` is injectable so tests can force clashes. */
export function newCallbackRef(pick: (n: number) => number = randomInt): string {
  let ref = '';
  for (let i = 0; i < 5; i++) ref += (i === 2 ? '-' : '') + REF_ALPHABET[pick(REF_ALPHABET.length)];
  return ref;
}
