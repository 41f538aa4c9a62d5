import { describe, expect, it } from 'vitest';
import { newCallbackRef, REF_ALPHABET, REF_PATTERN } from './callback-ref.ts';

describe('newCallbackRef', () => {
  it('is two groups of the unambiguous alphabet, like K7-4Q2', () => {
    for (let i = 0; i < 500; i++) expect(newCallbackRef()).toMatch(REF_PATTERN);
    expect(REF_ALPHABET).not.toMatch(/[01OILUV]/);
    expect(newCallbackRef(() => 0)).toBe('22-222');
    expect(newCallbackRef((n) => n - 1)).toBe('ZZ-ZZZ');
  });

  it('differs from call to call', () => {
    expect(new Set(Array.from({ length: 200 }, () => newCallbackRef())).size).toBeGreaterThan(195);
  });
});
