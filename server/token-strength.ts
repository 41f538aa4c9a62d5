import { ADMIN_TOKEN_RULES } from './api/limits.ts';

/** How to make a token that passes, quoted in every refusal. */
export const TOKEN_ADVICE = 'make one with: openssl rand -hex 32';

/**
 * Steps that continue a run: the same character again, or the next one up
 * or down (aaaa, abcd, 4321). Guessers try these first.
 */
function runSteps(chars: string[]): number {
  let steps = 0;
  for (let i = 2; i < chars.length; i++) {
    const a = chars[i - 2]!.codePointAt(0)!;
    const b = chars[i - 1]!.codePointAt(0)!;
    const c = chars[i]!.codePointAt(0)!;
    if (c - b === b - a && Math.abs(c - b) <= 1) steps++;
  }
  return steps;
}

/** True when the token is one shorter piece repeated (abcabcabc…). */
function isRepeatedPattern(token: string): boolean {
  return (token + token).indexOf(token, 1) < token.length;
}

/**
 * Why a staff token is too weak to accept, or `null` when it is fine. Not
 * an entropy proof, just a refusal of what people type by hand: short,
 * containing whitespace, few distinct characters, one piece repeated, or
 * mostly runs. Every random token of the advised kind passes.
 */
export function tokenWeakness(token: string): string | null {
  const chars = [...token];
  const { minLength, minDistinctCharacters, maxRunShare } = ADMIN_TOKEN_RULES;
  if (token.trim() === '') return `is only whitespace, which would silently lock staff out; ${TOKEN_ADVICE}`;
  if (/\s/.test(token)) return `must not contain spaces or line breaks; ${TOKEN_ADVICE}`;
  if (chars.length < minLength) return `must be at least ${minLength} characters; ${TOKEN_ADVICE}`;
  if (new Set(chars).size < minDistinctCharacters) {
    return `uses fewer than ${minDistinctCharacters} different characters, so it is easy to guess; ${TOKEN_ADVICE}`;
  }
  if (isRepeatedPattern(token)) return `is one short piece repeated, so it is easy to guess; ${TOKEN_ADVICE}`;
  if (runSteps(chars) > chars.length * maxRunShare) return `is mostly runs like "aaaa" or "abcd", so it is easy to guess; ${TOKEN_ADVICE}`;
  return null;
}
