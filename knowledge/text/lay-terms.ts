import { normalise } from './normalise.ts';
import { createPhraseIndex } from './phrases.ts';

/** Rewrites visitors' words into the knowledge base's words. */
export interface LayTermMapper {
  map(tokens: readonly string[]): string[];
  /** Every word the lay terms mention, so misspellings of them can be corrected. */
  words: ReadonlySet<string>;
}

/**
 * Compiles staff-editable synonyms (`lay-terms.yaml`) into one phrase pass:
 * "put me under" becomes "sedation", "shot" becomes "injection", "eliquis"
 * becomes "blood thinner". Applied to entries and questions alike, so both
 * sides meet on the canonical words. Longest phrase wins.
 *
 * @example createLayTermMapper({ sedation: ['put me under'] }).map(['will', 'they', 'put', 'me', 'under'])
 * // ['will', 'they', 'sedation']
 */
export function createLayTermMapper(synonyms: Readonly<Record<string, readonly string[]>>): LayTermMapper {
  const words = new Set<string>();
  const phrases: [string[], string[]][] = [];
  for (const [canonical, lay] of Object.entries(synonyms)) {
    const replacement = normalise(canonical);
    replacement.forEach((w) => words.add(w));
    for (const phrase of lay) {
      const tokens = normalise(phrase);
      tokens.forEach((w) => words.add(w));
      if (tokens.length > 0) phrases.push([tokens, replacement]);
    }
  }
  const index = createPhraseIndex(phrases);
  return {
    words,
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
