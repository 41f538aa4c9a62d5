import type { Lexicon } from '../language/types.ts';

/**
 * Splits a long question into its parts: at clause breaks (punctuation,
 * "but") and at "and"/"or"/"also" when a new question starts there ("what is
 * an MBB and why would I need one"). Parts shorter than `minWords` words are
 * dropped, since a fragment like "thanks" answers nothing on its own.
 *
 * @example clauses(['what', 'is', 'it', 'and', 'why', 'do', 'i', 'need', 'it'], new Set(), ENGLISH_LEXICON)
 * // [{ start: 0, end: 3, asks: true, joined: false }, { start: 4, end: 9, asks: true, joined: true }]
 */
export function clauses(
  words: readonly string[],
  breaks: ReadonlySet<number>,
  lexicon: Lexicon,
  asked: ReadonlySet<number> = NONE,
  minWords = 3,
): Clause[] {
  const { questionStarts, joiners, whWords } = cueSets(lexicon);
  const parts: Clause[] = [];
  let start = 0;
  let joined = false;
  // A visitor who marks questions ("?", "¿") marks them all: then an unmarked part only tells
  // ("me lo contó una amiga"), even when it starts like a question or ends the message.
  // The mark belongs to the whole punctuated span: "¿funciona el bloqueo o es perder el tiempo?" is
  // one marked question even where "o" splits it in two parts.
  const marked = asked.size > 0;
  const spanStart = (at: number) => {
    let b = at;
    while (b > 0 && !breaks.has(b)) b--;
    return b;
  };
  const spanEnd = (at: number) => {
    let b = at;
    while (b < words.length && !breaks.has(b)) b++;
    return b;
  };
  const reads = (end: number) =>
    marked ? asked.has(spanStart(start)) || asked.has(spanEnd(end) - 1) : questionStarts.has(words[start]!) || end === words.length;
  const close = (end: number, next: number, joinsNext: boolean) => {
    if (end - start >= minWords) parts.push({ start, end, asks: reads(end), joined });
    start = next;
    joined = joinsNext;
  };
  words.forEach((word, i) => {
    if (breaks.has(i) && i > start) close(i, i, false);
    const next = words[i + 1] ?? '';
    if (joiners.has(word) && questionStarts.has(next)) close(i, i + 1, word === lexicon.joiners[0] && whWords.has(next));
  });
  close(words.length, words.length, false);
  return parts;
}

const NONE: ReadonlySet<number> = new Set();

/** Word positions of one part: `start` inclusive, `end` exclusive. */
export interface Clause {
  start: number;
  end: number;
  /**
   * Reads as a question: marked by "?" or "¿" when the message marks any; otherwise it starts with a
   * question word, or ends the message (where a story's question usually is).
   */
  asks: boolean;
  /**
   * Follows "and" plus a question word: a second question of its own ("and
   * why would I need one"), not the other half of one ("can I walk or do
   * housework after").
   */
  joined: boolean;
}

/** The lexicon's cue lists as sets, built once per lexicon. */
const cueCache = new WeakMap<Lexicon, { questionStarts: Set<string>; joiners: Set<string>; whWords: Set<string> }>();
function cueSets(lexicon: Lexicon) {
  let sets = cueCache.get(lexicon);
  if (!sets) {
    sets = { questionStarts: new Set(lexicon.questionStarts), joiners: new Set(lexicon.joiners), whWords: new Set(lexicon.whWords) };
    cueCache.set(lexicon, sets);
  }
  return sets;
}
