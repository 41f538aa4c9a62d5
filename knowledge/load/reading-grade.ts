import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/** Counts behind a reading grade, kept so a report can show why a text scores high. */
export interface ReadingGrade {
  /** Flesch-Kincaid grade level (US school grade), rounded to one decimal. */
  grade: number;
  sentences: number;
  words: number;
  syllables: number;
}

/**
 * Markdown answer text as a patient reads it: no emphasis marks, link targets
 * or list bullets. Each list item counts as its own sentence, since a reader
 * takes it as one even without a full stop.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/^\s*(?:[-+]|\d+\.)\s+(.*)$/gm, (_line, item: string) => (/[.!?:]$/.test(item) ? item : `${item}.`));
}

const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const SENTENCE_END = /[.!?:]+(?=\s|$)|\n+/g;

/**
 * Flesch-Kincaid grade of an answer (Markdown allowed). Syllables come from
 * the `syllable` package; a token with no vowels to count, like "38" or "L4",
 * counts as one syllable, as it is usually read as one short word.
 *
 * @example readingGrade('Rest today. Most people feel fine tomorrow.').grade // about 3
 */
export function readingGrade(markdown: string): ReadingGrade {
  const text = plainText(markdown);
  const words = text.match(WORD) ?? [];
  const sentences = Math.max(1, text.split(SENTENCE_END).filter((part) => HAS_WORD.test(part)).length);
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  const counts = { sentence: sentences, word: Math.max(1, words.length), syllable: syllables };
  return { grade: Math.round(fleschKincaid(counts) * 10) / 10, sentences, words: words.length, syllables };
}
