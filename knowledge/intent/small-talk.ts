import type { SmallTalk } from '../decision.ts';
import type { Language } from '../language/types.ts';
import { createPhraseIndex } from '../text/phrases.ts';

/**
 * Recognises a message that is only small talk ("hi", "thank you so much",
 * "ok bye", "you're useless"): every word belongs to one of the lexicon's
 * small-talk phrases or is filler. Anything else in it ("hi, can I drive
 * after?") makes it a question, so it is never swallowed. When several
 * intents appear, the last one said wins ("thanks, bye" is a goodbye).
 *
 * @example createSmallTalk(english)(english.normalise('thank you so much')) // 'thanks'
 */
export function createSmallTalk(language: Language): (words: readonly string[]) => SmallTalk | undefined {
  const phrases: [string[], SmallTalk][] = [];
  for (const [intent, list] of Object.entries(language.lexicon.smallTalk) as [SmallTalk, readonly string[]][]) {
    for (const phrase of list) phrases.push([language.normalise(phrase), intent]);
  }
  const index = createPhraseIndex(phrases);
  const filler = new Set(language.lexicon.smallTalkFiller);
  return (words) => {
    if (words.length === 0 || words.length > MAX_WORDS) return undefined;
    const hits = index.find(words);
    if (hits.length === 0) return undefined;
    const covered = new Uint8Array(words.length);
    for (const hit of hits) covered.fill(1, hit.start, hit.start + hit.length);
    if (words.some((w, i) => !covered[i] && !filler.has(w))) return undefined;
    return hits[hits.length - 1]!.value;
  };
}

/** Longer messages carry a question or a story, never only small talk. */
const MAX_WORDS = 10;
