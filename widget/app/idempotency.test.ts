import { afterEach, describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './idempotency.ts';

describe('newIdempotencyKey', () => {
  const randomUUID = crypto.randomUUID;
  afterEach(() => {
    crypto.randomUUID = randomUUID;
  });

  it('is a fresh random UUID per call', () => {
    const [a, b] = [newIdempotencyKey(), newIdempotencyKey()];
    expect(a).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('falls back to 128 random bits where randomUUID is missing (plain-http pages)', () => {
    (crypto as { randomUUID?: unknown }).randomUUID = undefined;
    const [a, b] = [newIdempotencyKey(), newIdempotencyKey()];
    expect(a).toMatch(/^[\da-f]{32}$/);
    expect(a).not.toBe(b);
  });
});
