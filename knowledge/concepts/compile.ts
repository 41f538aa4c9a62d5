import type { Language } from '../language/types.ts';
import { createPhraseIndex, type PhraseHit } from '../text/phrases.ts';
import type { ConceptRule, ConceptRuleSet } from './schema.ts';

/** A rule that fired: which alternative's concepts, on which words, and where in the message. */
export interface ConceptMatch {
  rule: ConceptRule;
  /** Each concept of the alternative that fired -> the words of the message that matched it. */
  concepts: Record<string, string>;
  /** Word positions the concepts cover: first word, and one past the last. */
  start: number;
  end: number;
  /** Only one of the rule's `unsure` alternatives matched: weak evidence. */
  weak?: true;
}

export interface CompiledRuleSet {
  /** Surface words the rules use; misspelt words are corrected towards these. */
  vocabulary: ReadonlyMap<string, number>;
  /**
   * Every rule (in file order) whose concepts all appear in the normalised
   * words, each once, with its first complete alternative (a `when` one, else
   * an `unsure` one, marked `weak`). Correct typos
   * first (against `vocabulary` merged with any other known words) so a word
   * is only ever "fixed" into its nearest real neighbour. `breaks` (clause
   * starts) keep a denial from reaching into the next clause. `stems`: the
   * words' stems, when the caller has them already (one analysis per message).
   */
  matchAll(words: readonly string[], breaks?: ReadonlySet<number>, stems?: readonly string[]): ConceptMatch[];
  /** The first of `matchAll`. */
  match(words: readonly string[], breaks?: ReadonlySet<number>, stems?: readonly string[]): ConceptMatch | undefined;
}

/**
 * Compiles a concept rule set once: phrases are normalised and stemmed into a
 * phrase index. Matching a message is then linear in its length. One matcher
 * serves urgent triage and the out-of-scope rules.
 * A phrase written with a leading "=" matches the exact words only (no
 * stemming), for cases where the tense matters: "=fainted" but not "faint".
 * A concept listed under `negatable` does not count where the visitor denies
 * it ("no fever", "I don't have a fever"): see `isDenied`. A rule's `unless`
 * concepts stop it when said before its concepts are all present ("what if I
 * get a fever" asks, "I have a fever, what if..." reports). Words of an
 * `ignore` phrase (an idiom) count for no concept.
 *
 * @example
 * const rules = compileRuleSet({ concepts: { cannot: ['cannot'], breathe: ['breathe'] },
 *   rules: [{ id: 'breathing', label: 'Trouble breathing', when: [['cannot', 'breathe']] }] }, english);
 * rules.match(english.normalise("I can't breathe"))?.rule.id // 'breathing'
 */
export function compileRuleSet(set: ConceptRuleSet, language: Language): CompiledRuleSet {
  const { stem } = language;
  const vocabulary = new Map<string, number>();
  const stemmed: [string[], string][] = [];
  const exact: [string[], string][] = [];
  const addPhrase = (phrase: string, value: string) => {
    const words = language.normalise(phrase);
    for (const w of words) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
    if (phrase.startsWith(EXACT)) exact.push([words, value]);
    else stemmed.push([words.map(stem), value]);
  };
  for (const [concept, list] of Object.entries(set.concepts)) for (const phrase of list) addPhrase(phrase, concept);
  for (const phrase of set.ignore ?? []) addPhrase(phrase, IGNORED);
  const stemmedIndex = createPhraseIndex(stemmed);
  const exactIndex = createPhraseIndex(exact);
  const negatable = new Set(set.negatable ?? []);
  const negations = new Set(language.lexicon.negations);
  const between = new Set(language.lexicon.betweenDenial);

  const matchAll = (words: readonly string[], breaks: ReadonlySet<number> = NO_BREAKS, stems: readonly string[] = words.map(stem)): ConceptMatch[] => {
    const hits = [...stemmedIndex.findAll(stems), ...exactIndex.findAll(words)];
    const ignored = new Uint8Array(words.length);
    for (const hit of hits) if (hit.value === IGNORED) ignored.fill(1, hit.start, hit.start + hit.length);
    // Each present concept with its first hit.
    const present = new Map<string, PhraseHit<string>>();
    for (const hit of hits) {
      if (hit.value === IGNORED || ignored.subarray(hit.start, hit.start + hit.length).includes(1)) continue;
      if (negatable.has(hit.value) && isDenied(words, hit.start, breaks, negations, between)) continue;
      const first = present.get(hit.value);
      if (first === undefined || hit.start < first.start) present.set(hit.value, hit);
    }
    if (present.size === 0) return [];
    const matches: ConceptMatch[] = [];
    for (const rule of set.rules) {
      const strong = rule.when.find((concepts) => fires(rule, concepts, present));
      const alternative = strong ?? rule.unsure?.find((concepts) => fires(rule, concepts, present));
      if (!alternative) continue;
      const used = alternative.map((c) => present.get(c)!);
      matches.push({
        rule,
        concepts: Object.fromEntries(used.map((hit) => [hit.value, words.slice(hit.start, hit.start + hit.length).join(' ')])),
        start: Math.min(...used.map((h) => h.start)),
        end: Math.max(...used.map((h) => h.start + h.length)),
        ...(strong ? {} : { weak: true as const }),
      });
    }
    return matches;
  };

  return { vocabulary, matchAll, match: (words, breaks, stems) => matchAll(words, breaks, stems)[0] };
}

function fires(rule: ConceptRule, alternative: readonly string[], present: ReadonlyMap<string, PhraseHit<string>>): boolean {
  if (!alternative.every((c) => present.has(c))) return false;
  if (!rule.unless) return true;
  const complete = Math.max(...alternative.map((c) => present.get(c)!.start));
  return !rule.unless.some((c) => (present.get(c)?.start ?? Infinity) < complete);
}

const EXACT = '=';
const IGNORED = '\0ignored';
const NO_BREAKS: ReadonlySet<number> = new Set();

/**
 * True when a negation word ("no", "not", "never", "without") stands shortly
 * before the word at `start` in the same clause, with only words like "have",
 * "a", "any" between: "no fever", "do not have a fever", "never had any
 * fever". Anything else in between ("not sure if fever") and the mention
 * counts, because an urgent rule must rather fire than miss.
 */
export function isDenied(
  words: readonly string[],
  start: number,
  breaks: ReadonlySet<number>,
  negations: ReadonlySet<string>,
  between: ReadonlySet<string>,
): boolean {
  for (let i = start - 1; i >= 0 && start - i <= DENIAL_REACH; i--) {
    if (breaks.has(i + 1)) return false;
    const word = words[i]!;
    if (negations.has(word)) return true;
    if (!between.has(word)) return false;
  }
  return false;
}

const DENIAL_REACH = 4;
