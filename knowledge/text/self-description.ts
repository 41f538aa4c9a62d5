import type { Lexicon } from '../language/types.ts';

/**
 * Drops how a visitor describes themselves: the word after "I'm a", "as a"
 * or "I work in a" ("nurse", "builder", "warehouse") and an age ("79 years
 * of age", "84 year old"). It says who is asking, not what about, so it
 * should neither count as an unknown topic nor pull the question towards an
 * entry that happens to use the word. Words in `keep` (the lay terms' words)
 * stay: "I'm a diabetic", "I'm a wimp with pain".
 *
 * `from` and `to` limit it to part of `words` (a clause), as if that part were all there is.
 *
 * @example dropSelfDescription(['i', 'am', 'a', 'nurse', 'aged', '79'], new Set(), ENGLISH_LEXICON)
 * // ['i', 'am', 'a']
 */
export function dropSelfDescription(
  words: readonly string[],
  keep: ReadonlySet<string>,
  lexicon: Lexicon,
  from = 0,
  to = words.length,
): string[] {
  const { markers, ageTails, ageWords } = lexicon.selfDescription;
  // Only words[from, to) are read: a clause of a longer message, without copying it out.
  const at = (i: number) => (i < to ? words[i] : undefined);
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const word = words[i]!;
    if (NUMBER.test(word)) {
      const age = ageTails.find((tail) => tail.every((w, k) => at(i + 1 + k) === w));
      if (age) {
        i += age.length;
        continue;
      }
    }
    if (ageWords.includes(word) && NUMBER.test(at(i + 1) ?? '')) {
      i++;
      continue;
    }
    if (!keep.has(word) && follows(words, from, i, markers)) continue;
    out.push(word);
  }
  return out;
}

function follows(words: readonly string[], from: number, at: number, markers: readonly (readonly string[])[]): boolean {
  return markers.some((marker) => marker.length <= at - from && marker.every((w, k) => words[at - marker.length + k] === w));
}

const NUMBER = /^\d+$/;

