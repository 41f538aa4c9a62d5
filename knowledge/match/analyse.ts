import type { Language } from '../language/types.ts';
import type { LayTermMapper } from '../text/lay-terms.ts';
import { dropSelfDescription } from '../text/self-description.ts';

/** A text seen by the matcher. */
export interface Analysed {
  /** Every word after lay terms, stemmed, stop words kept: for whole-phrasing comparison. */
  all: string[];
  /** Topic words only (no stop words), stemmed, in order, repeats kept. */
  terms: string[];
}

/**
 * normalise -> self-description dropped -> lay terms -> stop words -> stem. Questions are typo-corrected
 * between normalising and lay terms (see `analyseWords`); entries are not.
 */
export function analyse(text: string, layTerms: LayTermMapper, language: Language): Analysed {
  return analyseWords(language.normalise(text), layTerms, language);
}

/** The same, for words already normalised (and corrected) by the caller: all of them, or words[from, to). */
export function analyseWords(words: readonly string[], layTerms: LayTermMapper, language: Language, from = 0, to = words.length): Analysed {
  const mapped = layTerms.map(dropSelfDescription(words, layTerms.words, language.lexicon, from, to));
  const all: string[] = [];
  const terms: string[] = [];
  for (const word of mapped) {
    const stemmed = language.stem(word);
    all.push(stemmed);
    if (!language.isStopWord(word)) terms.push(stemmed);
  }
  return { all, terms };
}
