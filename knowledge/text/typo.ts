import Fuse from 'fuse.js';
import type { Spelling } from '../language/types.ts';
import { editDistance } from './edit-distance.ts';

export interface TypoCorrectorOptions {
  /** Words shorter than this are never corrected (too many near neighbours). Default 4. */
  minLength?: number;
  /** Most distinct corrections remembered; past it the oldest is forgotten first. Default 20000 (a few MB). */
  cacheSize?: number;
  /**
   * Real words outside the vocabulary that must stay as typed: one edit from a
   * known word is not a typo when the word is itself ordinary English ("tried"
   * is not "tired"): the language's `isCommonWord`.
   */
  keep: (word: string) => boolean;
  /**
   * For a language spelt by ear ("inyecsion", "aser", "beses" for "inyeccion", "hacer", "veces"): a
   * word that sounds exactly like a vocabulary word that is a real word of the language is that
   * word, even when it is itself a rare real word or too far off in letters. The language's
   * `spelling`, when it has one.
   */
  spelling?: Spelling;
}

/** Maps a word to the closest word of a fixed vocabulary, or back to itself. */
export type TypoCorrector = (word: string) => string;

/**
 * Corrects misspelt words against a known vocabulary (a knowledge base's own
 * words, or the triage rules' words). Most typos are one edit away: an index
 * of every vocabulary word's one-letter deletions finds all of those words in
 * a few map lookups (the visitor's word and its deletions meet a known word's
 * deletions). Long words may be two edits off; for those fuse.js searches
 * words of similar length and the same first (or second) letter, short lists
 * where its fuzzy search is strong. An edit-distance check accepts only near
 * misses (1 edit up to 7 letters, 2 beyond), and the most frequent of equally
 * close words wins. Corrections are remembered per word.
 *
 * @example
 * const correct = createTypoCorrector(new Map([['branch', 3], ['block', 9]]), { keep: english.isCommonWord });
 * correct('brnach') // 'branch'
 */
export function createTypoCorrector(
  vocabulary: ReadonlyMap<string, number>,
  options: TypoCorrectorOptions,
): TypoCorrector {
  const minLength = options.minLength ?? 4;
  const cacheSize = options.cacheSize ?? 20_000;
  const { keep } = options;
  const cache = new Map<string, string>();
  const byInitial = new Map<string, string[]>();
  for (const word of vocabulary.keys()) {
    const list = byInitial.get(word[0]!) ?? [];
    list.push(word);
    byInitial.set(word[0]!, list);
  }
  // Words sharing an initial and a similar length: small lists, so one fuse
  // search stays well under a millisecond even for a 10k-entry vocabulary.
  // Each is built the first time a word needs it (under a millisecond), not
  // up front: a reload swaps in a new corrector without holding the main
  // thread for the few hundred of them a large vocabulary has.
  const buckets = new Map<string, Fuse<string> | null>();
  const bucketFor = (initial: string, length: number): Fuse<string> | undefined => {
    const key = `${initial}${length}`;
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      const reach = maxEdits(length);
      const near = length >= minLength ? (byInitial.get(initial) ?? []).filter((w) => Math.abs(w.length - length) <= reach) : [];
      bucket = near.length > 0 ? new Fuse(near, { threshold: 0.45, ignoreLocation: true, isCaseSensitive: true }) : null;
      buckets.set(key, bucket);
    }
    return bucket ?? undefined;
  };
  const oneEdit = new Map<string, string[]>();
  for (const word of vocabulary.keys()) {
    for (const variant of new Set([word, ...deletions(word)])) {
      const list = oneEdit.get(variant);
      if (list) list.push(word);
      else oneEdit.set(variant, [word]);
    }
  }
  const oneEditCandidates = (word: string) => [word, ...deletions(word)].flatMap((v) => oneEdit.get(v) ?? []);
  const { spelling } = options;
  const bySound = new Map<string, string>();
  if (spelling) {
    for (const [word, count] of vocabulary) {
      if (!spelling.isWord(word)) continue;
      const key = spelling.soundOf(word);
      const seen = bySound.get(key);
      if (seen === undefined || count > (vocabulary.get(seen) ?? 0)) bySound.set(key, word);
    }
  }
  const remember = (word: string, best: string) => {
    // Maps iterate in insertion order, so the first key is the oldest correction.
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
    cache.set(word, best);
    return best;
  };

  return (word) => {
    if (word.length < SOUND_MIN_LENGTH || vocabulary.has(word) || /\d/.test(word)) return word;
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const sounded = spelling && bySound.get(spelling.soundOf(word));
    if (sounded) return remember(word, sounded);
    if (word.length < minLength || keep(word)) return word;
    const max = maxEdits(word.length);
    let best = word;
    let bestDistance = max + 1;
    let bestCount = 0;
    const consider = (item: string) => {
      // A known word plus an ordinary ending ("interpret" + "er") is another real word, not a typo of it.
      if (word.startsWith(item) && ENDING.test(word.slice(item.length))) return;
      const distance = editDistance(word, item, max);
      const count = vocabulary.get(item) ?? 0;
      if (distance < bestDistance || (distance === bestDistance && distance <= max && count > bestCount)) {
        best = item;
        bestDistance = distance;
        bestCount = count;
      }
    };
    oneEditCandidates(word).forEach(consider);
    if (bestDistance > 1 && max > 1) {
      // The second letter as initial too: it catches a swapped or dropped first letter.
      for (const initial of [word[0]!, word[1]!]) bucketFor(initial, word.length)?.search(word, { limit: 8 }).forEach((r) => consider(r.item));
    }
    return remember(word, best);
  };
}

/** Spelling by ear reaches shorter words than letter edits do: "ago" is "hago". */
const SOUND_MIN_LENGTH = 3;

const ENDING = /^(er|ers|ing|ings|ed|ness|ment|ments|ly|ist|ists|ian|ians|ation|ations)$/;

/** The word with one letter dropped, at each position. */
function deletions(word: string): string[] {
  return Array.from(word, (_, i) => word.slice(0, i) + word.slice(i + 1));
}

function maxEdits(length: number): number {
  return length >= 8 ? 2 : 1;
}
