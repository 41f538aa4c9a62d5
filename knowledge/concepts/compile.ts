import { normalise } from '../text/normalise.ts';
import { createPhraseIndex, type PhraseHit } from '../text/phrases.ts';
import { stem } from '../text/stem.ts';
import type { ConceptRule, ConceptRuleSet } from './schema.ts';

export interface CompiledRuleSet {
  /** Surface words the rules use; misspelt words are corrected towards these. */
  vocabulary: ReadonlyMap<string, number>;
  /**
   * The first rule (in file order) whose concepts all appear in the
   * normalised words, if any. Correct typos first (against `vocabulary`
   * merged with any other known words) so a word is only ever "fixed" into
   * its nearest real neighbour. `breaks` (clause starts, from
   * `normaliseWithBreaks`) keep a denial from reaching into the next clause.
   */
  match(words: readonly string[], breaks?: ReadonlySet<number>): ConceptRule | undefined;
}

/**
 * Compiles a concept rule set once: phrases are normalised and stemmed into a
 * phrase index. Matching a message is then linear in its length.
 * A phrase written with a leading "=" matches the exact words only (no
 * stemming), for cases where the tense matters: "=fainted" but not "faint".
 * A concept listed under `negatable` does not count where the visitor denies
 * it ("no fever", "I don't have a fever"): see `isDenied`. A rule's `unless`
 * concepts stop it when said before its concepts are all present ("what if I
 * get a fever" asks, "I have a fever, what if..." reports).
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
  const negatable = new Set(set.negatable ?? []);

  return {
    vocabulary,
    match(words, breaks = NO_BREAKS) {
      // Each present concept with where it is first said.
      const present = new Map<string, number>();
      const add = (hit: PhraseHit<string>) => {
        if (negatable.has(hit.value) && isDenied(words, hit.start, breaks)) return;
        const first = present.get(hit.value);
        if (first === undefined || hit.start < first) present.set(hit.value, hit.start);
      };
      stemmedIndex.findAll(words.map(stem)).forEach(add);
      exactIndex.findAll(words).forEach(add);
      if (present.size === 0) return undefined;
      const fires = (rule: ConceptRule, alternative: readonly string[]): boolean => {
        if (!alternative.every((c) => present.has(c))) return false;
        if (!rule.unless) return true;
        const complete = Math.max(...alternative.map((c) => present.get(c)!));
        return !rule.unless.some((c) => (present.get(c) ?? Infinity) < complete);
      };
      return set.rules.find((rule) => rule.when.some((alternative) => fires(rule, alternative)));
    },
  };
}

const EXACT = '=';
const NO_BREAKS: ReadonlySet<number> = new Set();

/**
 * True when a negation word ("no", "not", "never", "without") stands shortly
 * before the word at `start` in the same clause, with only words like "have",
 * "a", "any" between: "no fever", "do not have a fever", "never had any
 * fever". Anything else in between ("not sure if fever") and the mention
 * counts, because an urgent rule must rather fire than miss.
 */
export function isDenied(words: readonly string[], start: number, breaks: ReadonlySet<number>): boolean {
  for (let i = start - 1; i >= 0 && start - i <= DENIAL_REACH; i--) {
    if (breaks.has(i + 1)) return false;
    const word = words[i]!;
    if (NEGATIONS.has(word)) return true;
    if (!BETWEEN_DENIAL.has(word)) return false;
  }
  return false;
}

const DENIAL_REACH = 4;
const NEGATIONS = new Set(['no', 'not', 'never', 'without', 'nor']);
const BETWEEN_DENIAL = new Set(['a', 'an', 'any', 'have', 'has', 'had', 'got', 'having', 'been', 'signs', 'sign', 'of', 'really']);
