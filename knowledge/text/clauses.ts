/**
 * Splits a long question into its parts: at clause breaks (punctuation,
 * "but") and at "and"/"or"/"also" when a new question starts there ("what is
 * an MBB and why would I need one"). Parts shorter than `minWords` words are
 * dropped, since a fragment like "thanks" answers nothing on its own.
 *
 * @example clauses(['what', 'is', 'it', 'and', 'why', 'do', 'i', 'need', 'it'], new Set())
 * // [{ start: 0, end: 3, asks: true, joined: false }, { start: 4, end: 9, asks: true, joined: true }]
 */
export function clauses(words: readonly string[], breaks: ReadonlySet<number>, minWords = 3): Clause[] {
  const parts: Clause[] = [];
  let start = 0;
  let joined = false;
  const close = (end: number, next: number, joinsNext: boolean) => {
    if (end - start >= minWords) parts.push({ start, end, asks: QUESTION_STARTS.has(words[start]!) || end === words.length, joined });
    start = next;
    joined = joinsNext;
  };
  words.forEach((word, i) => {
    if (breaks.has(i) && i > start) close(i, i, false);
    const next = words[i + 1] ?? '';
    if (JOINERS.has(word) && QUESTION_STARTS.has(next)) close(i, i + 1, word === 'and' && WH_WORDS.has(next));
  });
  close(words.length, words.length, false);
  return parts;
}

/** Word positions of one part: `start` inclusive, `end` exclusive. */
export interface Clause {
  start: number;
  end: number;
  /** Reads as a question: starts with a question word, or ends the message (where a story's question usually is). */
  asks: boolean;
  /**
   * Follows "and" plus a question word: a second question of its own ("and
   * why would I need one"), not the other half of one ("can I walk or do
   * housework after").
   */
  joined: boolean;
}

const WH_WORDS = new Set(['what', 'why', 'how', 'when', 'where', 'who', 'which']);
const JOINERS = new Set(['and', 'or', 'also', 'plus', 'then']);
const QUESTION_STARTS = new Set([
  'what', 'why', 'how', 'when', 'where', 'who', 'which', 'can', 'could', 'do', 'does', 'did', 'is', 'are',
  'will', 'would', 'should', 'shall', 'may', 'am',
]);
