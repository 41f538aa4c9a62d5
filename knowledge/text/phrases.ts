/**
 * Finds known multi-word phrases in a token list in one left-to-right pass,
 * longest phrase first at each position. Built once per rule set or lay-term
 * list, so a question costs one map lookup per token.
 */
export interface PhraseHit<T> {
  start: number;
  length: number;
  value: T;
}

export interface PhraseIndex<T> {
  /** Non-overlapping hits, earliest and longest first. */
  find(tokens: readonly string[]): PhraseHit<T>[];
  /** Every hit, overlapping ones included (a token may belong to several concepts). */
  findAll(tokens: readonly string[]): PhraseHit<T>[];
}

export function createPhraseIndex<T>(phrases: Iterable<[words: readonly string[], value: T]>): PhraseIndex<T> {
  const byFirst = new Map<string, { words: readonly string[]; value: T }[]>();
  for (const [words, value] of phrases) {
    const first = words[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push({ words, value });
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  const matchesAt = (tokens: readonly string[], i: number, words: readonly string[]): boolean => {
    if (i + words.length > tokens.length) return false;
    for (let k = 1; k < words.length; k++) if (tokens[i + k] !== words[k]) return false;
    return true;
  };

  return {
    find(tokens) {
      const hits: PhraseHit<T>[] = [];
      for (let i = 0; i < tokens.length; ) {
        const hit = byFirst.get(tokens[i]!)?.find((p) => matchesAt(tokens, i, p.words));
        if (hit) {
          hits.push({ start: i, length: hit.words.length, value: hit.value });
          i += hit.words.length;
        } else i++;
      }
      return hits;
    },
    findAll(tokens) {
      const hits: PhraseHit<T>[] = [];
      tokens.forEach((token, i) => {
        for (const p of byFirst.get(token) ?? []) {
          if (matchesAt(tokens, i, p.words)) hits.push({ start: i, length: p.words.length, value: p.value });
        }
      });
      return hits;
    },
  };
}
