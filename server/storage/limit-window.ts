/**
 * The end of the fixed window of `windowMs` that contains `now`. Windows are
 * aligned to the epoch, not to a client's first hit, so every process
 * sharing a store agrees on them without talking to each other.
 *
 * @example
 * windowEnd(new Date(125_000), 60_000) // 180_000
 */
export function windowEnd(now: Date, windowMs: number): number {
  return (Math.floor(now.getTime() / windowMs) + 1) * windowMs;
}
