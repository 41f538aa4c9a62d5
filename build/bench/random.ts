/** Seeded PRNG (mulberry32) so every run asks the same questions with the same typos. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** One visitor-style typo: drop, double, swap or replace a letter in one word of four letters or more. */
export function withTypo(question: string, rand: () => number): string {
  const words = question.split(' ');
  const candidates = words.map((w, i) => (/^[a-z]{4,}$/i.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return question;
  const i = pick(rand, candidates);
  const w = words[i]!;
  const at = 1 + Math.floor(rand() * (w.length - 2));
  const kind = Math.floor(rand() * 4);
  words[i] =
    kind === 0 ? w.slice(0, at) + w.slice(at + 1)
    : kind === 1 ? w.slice(0, at) + w[at] + w.slice(at)
    : kind === 2 ? w.slice(0, at - 1) + w[at] + w[at - 1] + w.slice(at + 1)
    : w.slice(0, at) + pick(rand, [...'aeioustrnl']) + w.slice(at + 1);
  return words.join(' ');
}
