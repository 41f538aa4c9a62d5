import { describe, expect, it } from 'vitest';
import { english } from './en/index.ts';
import { spanish } from './es/index.ts';
import type { Language } from './types.ts';

const everyday = (language: Language, word: string) => language.isEverydayStem(language.stem(word));

/**
 * Lists that must never share a word: each pair names why. A word in both
 * would be read two ways at once (a stop word is never a topic, so it
 * cannot also be a topic word, and so on).
 */
const mustNotOverlap = (language: Language): [string, readonly string[], readonly string[]][] => {
  const l = language.lexicon;
  return [
    ['stop words / intent words: "how many" vs "how much" carries intent', l.stopWords, l.intentWords],
    ['stop words / negations: "no fever" must see its "no"', l.stopWords.filter((w) => w !== 'cannot'), l.negations],
    ['everyday words / topic words: a word either names a topic or does not', l.everydayWords, l.topicWords],
    ['stop words / everyday words: a stop word already counts nothing', l.stopWords, l.everydayWords],
    ['stop words / topic words', l.stopWords, l.topicWords],
  ];
};

describe.each([english, spanish])('the $code lexicon', (language) => {
  it.each(mustNotOverlap(language))('%s', (_why, a, b) => {
    const other = new Set(b);
    expect(a.filter((w) => other.has(w))).toEqual([]);
  });

  it('lists every word once per list', () => {
    const l = language.lexicon;
    for (const list of [l.stopWords, l.everydayWords, l.topicWords]) expect(list.length).toBe(new Set(list).size);
  });
});

describe('English everyday and common words', () => {
  it('knows ordinary words in their simple forms', () => {
    for (const word of ['night', 'nights', 'tried', 'boxes', 'manager', 'wifi', 'hair', 'aside', 'enough', 'washing']) {
      expect(everyday(english, word), word).toBe(true);
    }
  });

  it('leaves out body parts, symptoms, procedures and words urgent rules need', () => {
    for (const word of ['knee', 'replacement', 'throat', 'fever', 'numb', 'worst', 'stiff', 'weak', 'block', 'weather', 'dog', 'hips']) {
      expect(everyday(english, word), word).toBe(false);
    }
  });

  it('common words are the everyday words plus ordinary topic words, in any simple form', () => {
    for (const word of ['tried', 'boxes', 'hips', 'swallow', 'homework']) expect(english.isCommonWord(word), word).toBe(true);
    for (const word of ['brnach', 'injecton', 'sedation']) expect(english.isCommonWord(word), word).toBe(false);
    expect(english.commonVocabulary.has('usually')).toBe(true);
  });
});
