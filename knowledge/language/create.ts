import type { Lang, Language, Lexicon, NormalisedText } from './types.ts';

/**
 * Builds a Language from its lexicon and stemmer: one tokeniser for entries,
 * questions and rules alike, so they always agree. Lower case, accents
 * removed (visitors on phones skip them), the lexicon's contractions
 * expanded, punctuation dropped, short forms written out.
 *
 * @example createLanguage('en', ENGLISH_LEXICON, stem).normalise("Can't I eat?") // ['cannot', 'i', 'eat']
 */
export function createLanguage(
  code: Lang,
  lexicon: Lexicon,
  stemWord: (word: string) => string,
  extras: Pick<Language, 'spelling'> = {},
): Language {
  const stem = memoised(stemWord, STEM_CACHE_SIZE);
  const spelledOut = new Map(Object.entries(lexicon.spelledOut));
  const clauseBreakWords = new Set(lexicon.clauseBreakWords);
  const stopWords = new Set(lexicon.stopWords);
  const everydayStems = new Set(lexicon.everydayWords.map(stem));
  const commonWords = [...lexicon.everydayWords, ...lexicon.topicWords];
  const commonStems = new Set(commonWords.map(stem));
  const intentStems = new Set(lexicon.intentWords.map(stem));

  const tokenise = (text: string): NormalisedText => {
    const flat = text
      .normalize('NFKD')
      .replace(MARKS, '')
      .toLowerCase()
      .replace(APOSTROPHES, "'")
      .replace(PERCENT, ' percent ');
    const expanded = lexicon.contractions.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), flat);
    const words: string[] = [];
    const breaks = new Set<number>();
    const sentences = new Set<number>();
    const asked = new Set<number>();
    const parts = expanded.split(SEPARATOR);
    for (let i = 0; i < parts.length; i += 2) {
      const separator = parts[i - 1];
      // "100.4" and "39,5" are numbers, not two clauses.
      const decimal = separator !== undefined && DECIMAL_POINT.test(separator) && DIGIT_END.test(parts[i - 2] ?? '') && DIGIT_START.test(parts[i]!);
      if (separator !== undefined && !decimal && CLAUSE_END.test(separator)) breaks.add(words.length);
      if (separator !== undefined && !decimal && SENTENCE_END.test(separator)) sentences.add(words.length);
      if (separator !== undefined && QUESTION_END.test(separator) && words.length > 0) asked.add(words.length - 1);
      if (separator !== undefined && QUESTION_START.test(separator)) asked.add(words.length);
      for (const raw of splitUnits(parts[i]!)) {
        if (clauseBreakWords.has(raw)) breaks.add(words.length);
        words.push(...(spelledOut.get(raw) ?? [raw]));
      }
    }
    return { words, breaks, sentences, asked };
  };
  // One message is normalised several times in a row (the language detector, this language's
  // engine, the urgent check of every language), so the last one is remembered. Each caller gets
  // its own word list; the break sets are read-only.
  let last: { text: string; normalised: NormalisedText } | undefined;
  const normaliseWithBreaks = (text: string): NormalisedText => {
    if (last?.text !== text) last = { text, normalised: tokenise(text) };
    const { words, breaks, sentences, asked } = last.normalised;
    return { words: [...words], breaks, sentences, asked };
  };

  return {
    ...extras,
    code,
    lexicon,
    normaliseWithBreaks,
    normalise: (text) => normaliseWithBreaks(text).words,
    stem,
    isStopWord: (word) => stopWords.has(word),
    isCommonWord: (word) => commonStems.has(stem(word)) || extras.spelling?.isWord(word) === true,
    isEverydayStem: (stemmed) => everydayStems.has(stemmed),
    isIntentStem: (stemmed) => intentStems.has(stemmed),
    writtenOutWords: new Set([...spelledOut.values()].flat()),
    // The self-description words ("aged", "years old") are real words too, never typos of a rule's word.
    commonVocabulary: new Map(
      [...commonWords, ...lexicon.selfDescription.ageWords, ...lexicon.selfDescription.ageTails.flat(), ...lexicon.selfDescription.markers.flat()].map((w) => [w, 0]),
    ),
  };
}

/**
 * Stems repeat: every stage of a question (triage, out-of-scope, ranking, each clause) and every
 * entry at build time stems the same few thousand words, so each is stemmed once and remembered.
 */
const STEM_CACHE_SIZE = 50_000;

/** `fn` with its results remembered; past `size` distinct words the oldest is forgotten first. */
function memoised(fn: (word: string) => string, size: number): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let result = cache.get(word);
    if (result === undefined) {
      result = fn(word);
      // Maps iterate in insertion order, so the first key is the oldest word.
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
      cache.set(word, result);
    }
    return result;
  };
}

/** "24hrs" -> "24", "hrs" and "5pm" -> "5", "pm"; ordinals ("2nd") and spine levels ("l4") stay whole. */
function splitUnits(raw: string): string[] {
  if (!raw) return [];
  const unit = NUMBER_THEN_LETTERS.exec(raw);
  if (!unit || ORDINAL.test(raw)) return [raw];
  return [unit[1]!, unit[2]!];
}

const MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc`\u00b4]/g;
const SEPARATOR = /([^a-z0-9]+)/;
const CLAUSE_END = /[.,;:!?()\n¿¡]/;
const SENTENCE_END = /[.!?\n¿¡]/;
const QUESTION_END = /\?/;
const QUESTION_START = /¿/;
const DECIMAL_POINT = /^[.,]$/;
const DIGIT_END = /\d$/;
const DIGIT_START = /^\d/;
const PERCENT = /%/g;
const NUMBER_THEN_LETTERS = /^(\d+)([a-z]+)$/;
const ORDINAL = /^\d+(st|nd|rd|th|o|a|er|ro|do|to|vo|no)$/;
