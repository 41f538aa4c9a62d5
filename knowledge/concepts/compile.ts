import { normalise } from '../text/normalise.ts';
import { createPhraseIndex } from '../text/phrases.ts';
import { stem } from '../text/stem.ts';
import type { ConceptRule, ConceptRuleSet } from './schema.ts';

export interface CompiledRuleSet {
  /** Surface words the rules use; misspelt words are corrected towards these. */
  vocabulary: ReadonlyMap<string, number>;
  /**
   * The first rule (in file order) whose concepts all appear in the
   * normalised words, if any. Correct typos first (against `vocabulary`
   * merged with any other known words) so a word is only ever "fixed" into
   * its nearest real neighbour.
   */
  match(words: readonly string[]): ConceptRule | undefined;
}

/**
 * Compiles a concept rule set once: phrases are normalised and stemmed into a
 * phrase index. Matching a message is then linear in its length.
 * A phrase written with a leading "=" matches the exact words only (no
 * stemming), for cases where the tense matters: "=fainted" but not "faint".
 *
 * @example
 * const rules = compileRuleSet({ concepts: { cannot: ['cannot'], breathe: ['breathe'] },
 *   rules: [{ id: 'breathing', label: 'Trouble breathing', when: [['cannot', 'breathe']] }] });
 * rules.match(normalise("I can't breathe"))?.id // 'breathing'
 */
export function compileRuleSet(set: ConceptRuleSet): CompiledRuleSet {
  const vocabulary = new Map<string, number>();
  const stemmed: [string[], string][] = [];
  const exact: [string[], string][] = [];
  for (const [concept, list] of Object.entries(set.concepts)) {
    for (const phrase of list) {
      const words = normalise(phrase);
      for (const w of words) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
      if (phrase.startsWith(EXACT)) exact.push([words, concept]);
      else stemmed.push([words.map(stem), concept]);
    }
  }
  const stemmedIndex = createPhraseIndex(stemmed);
  const exactIndex = createPhraseIndex(exact);

  return {
    vocabulary,
    match(words) {
      const present = new Set<string>();
      for (const hit of stemmedIndex.findAll(words.map(stem))) present.add(hit.value);
      for (const hit of exactIndex.findAll(words)) present.add(hit.value);
      if (present.size === 0) return undefined;
      return set.rules.find((rule) => rule.when.some((alternative) => alternative.every((c) => present.has(c))));
    },
  };
}

const EXACT = '=';
