import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tokenWeakness } from './token-strength.ts';

describe('tokenWeakness', () => {
  it.each([
    ['aaaaaaaaaaaaaaaa', /different characters/],
    ['   ', /only whitespace/],
    ['\t', /only whitespace/],
    ['short-token', /at least 16/],
    ['correct horse battery staple', /spaces/],
    ['abcdefghabcdefgh', /repeated/],
    ['abcdefghijklmnopqrstuvwxyz', /runs/],
    ['0123456789abcdefghij', /runs/],
    ['password1password1', /repeated/],
  ])('refuses %j', (token, reason) => {
    const weakness = tokenWeakness(token);
    expect(weakness).toMatch(reason);
    expect(weakness).toContain('openssl rand -hex 32');
  });

  it('accepts the advised random tokens and ordinary long ones', () => {
    for (let i = 0; i < 500; i++) {
      expect(tokenWeakness(randomBytes(32).toString('hex'))).toBeNull();
      expect(tokenWeakness(randomBytes(12).toString('base64url'))).toBeNull();
    }
    expect(tokenWeakness('test-admin-token-0123456789abcdef')).toBeNull();
    expect(tokenWeakness('correct-horse-battery-staple')).toBeNull();
  });
});
