import type { Lang, Language } from './types.ts';

/** What the detector saw: a score per language and how it chose. */
export interface Detection {
  lang: Lang;
  /** True when the evidence was thin or split and the hint (or the default) decided. */
  unsure: boolean;
  scores: Partial<Record<Lang, number>>;
  note: string;
}

export interface DetectorLanguage {
  language: Language;
  /** Words this language's knowledge base uses (its own topic words are evidence too). */
  knows(word: string): boolean;
}

/**
 * Which language a question is written in, for short and accent-less
 * messages too: each word scores for every language whose function words
 * (1) or knowledge-base words (0.5) it is, a word both languages share
 * scores for neither, and Spanish marks (á é í ó ú ñ ¿ ¡) add 2. The higher
 * score wins by a margin of 1; otherwise the interface language (`hint`)
 * decides, then the first language.
 *
 * @example createDetector([en, es]).detect('cuanto tiempo dura', 'en').lang // 'es'
 */
export function createDetector(languages: readonly DetectorLanguage[]): { detect(text: string, hint?: Lang): Detection } {
  const stopSets = languages.map(({ language }) => new Set(language.lexicon.stopWords));
  const fallback = languages[0]!.language.code;
  return {
    detect(text, hint) {
      const words = languages[0]!.language.normalise(text);
      const scores = languages.map(() => 0);
      for (const word of words) {
        const stop = stopSets.map((set) => set.has(word));
        const known = languages.map(({ knows }) => knows(word));
        const stopCount = stop.filter(Boolean).length;
        const knownCount = known.filter(Boolean).length;
        languages.forEach((_, i) => {
          if (stop[i] && stopCount === 1) scores[i]! += 1;
          else if (known[i] && knownCount === 1) scores[i]! += 0.5;
        });
      }
      const spanishMarks = (text.match(SPANISH_MARKS) ?? []).length;
      const es = languages.findIndex(({ language }) => language.code === 'es');
      if (es >= 0) scores[es]! += 2 * Math.min(spanishMarks, 2);
      const byScore = scores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score);
      const [best, next] = byScore;
      const record = Object.fromEntries(languages.map(({ language }, i) => [language.code, scores[i]!])) as Detection['scores'];
      if (best && best.score > 0 && best.score - (next?.score ?? 0) >= MARGIN) {
        return { lang: languages[best.i]!.language.code, unsure: false, scores: record, note: 'its words' };
      }
      const lang = hint && languages.some(({ language }) => language.code === hint) ? hint : fallback;
      return { lang, unsure: true, scores: record, note: hint ? 'unclear from its words: the interface language' : 'unclear from its words: the default' };
    },
  };
}

const MARGIN = 1;
const SPANISH_MARKS = /[áéíóúñ¿¡ü]/giu;
