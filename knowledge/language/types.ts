/** The languages the engine can read and answer in. Declared once; the wire contract re-exports it. */
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * One language's word lists: everything the engine knows about a language
 * besides its stemmer. Lists hold surface words (normalised: lower case, no
 * accents); the engine stems them itself.
 */
export interface Lexicon {
  /** Function words and filler: no topic. */
  stopWords: readonly string[];
  /** Ordinary words that name no topic: never typos, and count little when the base does not use them. */
  everydayWords: readonly string[];
  /** Ordinary words that do name a topic: never typos, but count fully. */
  topicWords: readonly string[];
  /** Applied in order to the lower-cased text before splitting ("can't" -> "cannot"). */
  contractions: readonly (readonly [RegExp, string])[];
  /** One typed word -> the words it stands for ("hrs" -> "hours", "two" -> "2"). */
  spelledOut: Readonly<Record<string, readonly string[]>>;
  /** Words that start a new clause like a comma does ("but"). */
  clauseBreakWords: readonly string[];
  /** Question words that carry intent but no topic. */
  intentWords: readonly string[];
  /** Words that open a wh-question: after "and" they start a second question. */
  whWords: readonly string[];
  /** Words that join two questions ("and", "or"). */
  joiners: readonly string[];
  /** Words a question starts with. */
  questionStarts: readonly string[];
  /** Words that deny what follows ("no fever"). */
  negations: readonly string[];
  /** Words that may stand between a negation and what it denies ("not have a fever"). */
  betweenDenial: readonly string[];
  /**
   * Whole messages that are small talk, not questions: a message made only of
   * these phrases and `smallTalkFiller` words gets a short friendly reply.
   */
  smallTalk: Record<'greeting' | 'thanks' | 'goodbye' | 'complaint', readonly string[]>;
  smallTalkFiller: readonly string[];
  /** How visitors describe themselves ("I'm a nurse", "79 years old"): who asks, not what about. */
  selfDescription: {
    markers: readonly (readonly string[])[];
    ageTails: readonly (readonly string[])[];
    ageWords: readonly string[];
  };
}

/** How a language is spelt by ear (see `createTypoCorrector`). */
export interface Spelling {
  /** One spelling per sound: words that sound alike get the same key. */
  soundOf(word: string): string;
  /** A real word of the language, in any form (its dictionary): never a typo, and the only kind a sound lands on. */
  isWord(word: string): boolean;
}

/** Clause starts and words of a normalised text. */
export interface NormalisedText {
  words: string[];
  /** Indexes of words that begin a new clause (after `.,;:!?` or a clause-break word). */
  breaks: ReadonlySet<number>;
  /** Indexes of words that begin a new sentence (after `.!?` or a new line): a subset of `breaks`. */
  sentences: ReadonlySet<number>;
  /** Indexes of words a question mark touches: the first after "¿", the last before "?". */
  asked: ReadonlySet<number>;
}

/**
 * A language as the engine uses it: built once from a lexicon and a stemmer
 * (see `createLanguage`), so every stage tokenises and stems one way.
 */
export interface Language {
  code: Lang;
  lexicon: Lexicon;
  normalise(text: string): string[];
  normaliseWithBreaks(text: string): NormalisedText;
  stem(word: string): string;
  isStopWord(word: string): boolean;
  /** An ordinary word in any simple form ("tried", "boxes", "hips"): the typo corrector keeps it. */
  isCommonWord(word: string): boolean;
  /** The stem of an everyday word ("night", "tried"), as the matcher sees it. */
  isEverydayStem(stemmed: string): boolean;
  /** Stems of the intent words. */
  isIntentStem(stemmed: string): boolean;
  /** Every word the normaliser writes out: real words, never typos to correct. */
  writtenOutWords: ReadonlySet<string>;
  /** For a language spelt by ear: the typo corrector reads words by sound too. */
  spelling?: Spelling;
  /** Common words as a typo vocabulary (count 0: a tie goes to the knowledge base's own word). */
  commonVocabulary: ReadonlyMap<string, number>;
}
