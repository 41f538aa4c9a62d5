import { describe, expect, it } from 'vitest';
import { COMMON_WORDS, isCommonWord, isEverydayStem } from './everyday-words.ts';
import { stem } from './stem.ts';

const everyday = (word: string) => isEverydayStem(stem(word));

describe('everyday words', () => {
  it('knows ordinary words in their simple forms', () => {
    for (const word of ['night', 'nights', 'tried', 'boxes', 'manager', 'wifi', 'hair', 'aside', 'enough', 'washing']) {
      expect(everyday(word), word).toBe(true);
    }
  });

  it('leaves out body parts, symptoms, procedures and words urgent rules need', () => {
    for (const word of ['knee', 'replacement', 'throat', 'fever', 'numb', 'worst', 'stiff', 'weak', 'block', 'weather', 'dog', 'hips']) {
      expect(everyday(word), word).toBe(false);
    }
  });
});

describe('common words', () => {
  it('are the everyday words plus ordinary topic words, in any simple form', () => {
    for (const word of ['tried', 'boxes', 'hips', 'swallow', 'homework']) expect(isCommonWord(word), word).toBe(true);
    for (const word of ['brnach', 'injecton', 'sedation']) expect(isCommonWord(word), word).toBe(false);
  });

  it('lists surface words for the typo vocabulary', () => {
    expect(COMMON_WORDS.has('usually')).toBe(true);
    expect(COMMON_WORDS.has('knee')).toBe(true);
  });
});
