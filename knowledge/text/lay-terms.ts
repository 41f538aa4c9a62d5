import type { Language } from '../language/types.ts';
import { createPhraseIndex } from './phrases.ts';

/** Rewrites visitors' words into the knowledge base's words. */
export interface LayTermMapper {
  map(tokens: readonly string[]): string[];
  /** What `map` would rewrite, phrase by phrase: for the "why" trace. */
  changes(tokens: readonly string[]): { from: string; to: string }[];
  /** Every word the lay terms mention, so misspellings of them can be corrected. */
  words: ReadonlySet<string>;
  /**
   * The canonical words for another form of a one-word lay term ("golfing"
   * for "golf"), if exactly one meaning has that stem. For words the
   * knowledge base does not use itself (see the engine).
   */
  byStem(word: string): string[] | undefined;
}

/**
 * Compiles staff-editable synonyms (`lay-terms.yaml`) into one phrase pass:
 * "put me under" becomes "sedation", "shot" becomes "injection", "eliquis"
 * becomes "blood thinner". Applied to entries and questions alike, so both
 * sides meet on the canonical words. Longest phrase wins.
 *
 * `byStem` gives a word a second chance through its stem, against the
 * one-word lay terms ("golfing" meets "golf"), unless it is itself a
 * canonical word or its stem is shared by two meanings ("numbing" is the
 * medicine and "numb" the feeling: neither is rewritten into the other).
 *
 * @example createLayTermMapper({ sedation: ['put me under'] }, english).map(['will', 'they', 'put', 'me', 'under'])
 * // ['will', 'they', 'sedation']
 */
export function createLayTermMapper(synonyms: Readonly<Record<string, readonly string[]>>, language: Language): LayTermMapper {
  const { normalise, stem } = language;
  const words = new Set<string>();
  const canonicalWords = new Set<string>();
  const phrases: [string[], string[]][] = [];
  for (const [canonical, lay] of Object.entries(synonyms)) {
    const replacement = normalise(canonical);
    replacement.forEach((w) => {
      words.add(w);
      canonicalWords.add(w);
    });
    for (const phrase of lay) {
      const tokens = normalise(phrase);
      tokens.forEach((w) => words.add(w));
      if (tokens.length > 0) phrases.push([tokens, replacement]);
    }
  }
  const index = createPhraseIndex(phrases);
  const byStem = stemsOfOneWordTerms(phrases, canonicalWords, stem);

  return {
    words,
    byStem: (word) => (canonicalWords.has(word) ? undefined : byStem.get(stem(word))),
    changes: (tokens) =>
      index.find(tokens).map((hit) => ({ from: tokens.slice(hit.start, hit.start + hit.length).join(' '), to: hit.value.join(' ') })),
    map(tokens) {
      const hits = index.find(tokens);
      if (hits.length === 0) return [...tokens];
      const out: string[] = [];
      let at = 0;
      for (const hit of hits) {
        for (let i = at; i < hit.start; i++) out.push(tokens[i]!);
        out.push(...hit.value);
        at = hit.start + hit.length;
      }
      for (let i = at; i < tokens.length; i++) out.push(tokens[i]!);
      return out;
    },
  };
}

/** Stem of each one-word lay term -> its replacement; stems with two meanings are left out. */
function stemsOfOneWordTerms(
  phrases: readonly [string[], string[]][],
  canonicalWords: ReadonlySet<string>,
  stem: (word: string) => string,
): Map<string, string[]> {
  const byStem = new Map<string, string[]>();
  const ambiguous = new Set<string>();
  const claim = (key: string, replacement: string[]) => {
    const seen = byStem.get(key);
    if (seen && seen.join(' ') !== replacement.join(' ')) ambiguous.add(key);
    else byStem.set(key, replacement);
  };
  for (const [tokens, replacement] of phrases) if (tokens.length === 1) claim(stem(tokens[0]!), replacement);
  // A canonical word's own stem belongs to that word: "numbing" keeps "numb" from meaning numbness.
  for (const word of canonicalWords) {
    const key = stem(word);
    const seen = byStem.get(key);
    if (seen && !seen.includes(word)) ambiguous.add(key);
  }
  for (const key of ambiguous) byStem.delete(key);
  return byStem;
}
