import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.ts';
import { english } from '../language/en/index.ts';
import { createTypoCorrector } from './typo.ts';

const vocabulary = new Map([
  ['medial', 10],
  ['branch', 10],
  ['block', 20],
  ['book', 1],
  ['sedation', 5],
  ['anaesthetic', 3],
  ['injection', 8],
]);

describe('typo correction', () => {
  it('leaves a known word with an ordinary ending alone: "interpreter" is not a typo of "interpret"', () => {
    const correct = createTypoCorrector(new Map([['interpret', 2]]), { keep: () => false });
    expect(correct('interpreter')).toBe('interpreter');
    expect(correct('interpert')).toBe('interpret');
  });

  const correct = createTypoCorrector(vocabulary, { keep: english.isCommonWord });

  it('fixes near misses against the vocabulary, swaps included', () => {
    expect(correct('brnach')).toBe('branch');
    expect(correct('sedaton')).toBe('sedation');
    expect(correct('anestheticc')).toBe('anaesthetic');
    expect(correct('injecton')).toBe('injection');
  });

  it('prefers the more frequent of equally near words', () => {
    expect(correct('blok')).toBe('block');
  });

  it('leaves known, short, numeric and far-off words alone', () => {
    expect(correct('block')).toBe('block');
    expect(correct('abc')).toBe('abc');
    expect(correct('1024')).toBe('1024');
    expect(correct('weather')).toBe('weather');
    expect(correct('asdfgh')).toBe('asdfgh');
  });

  it('never turns an ordinary English word into a near vocabulary word', () => {
    const near = createTypoCorrector(new Map([['tired', 3], ['bones', 2], ['manage', 4], ['wife', 1]]), { keep: english.isCommonWord });
    expect(['tried', 'boxes', 'manager', 'wifi'].map(near)).toEqual(['tried', 'boxes', 'manager', 'wifi']);
    expect(near('tird')).toBe('tired');
  });

  it('takes the words to keep as an option', () => {
    const keepNothing = createTypoCorrector(new Map([['tired', 3]]), { keep: () => false });
    expect(keepNothing('tried')).toBe('tired');
  });

  it('answers repeats from its cache with the same result', () => {
    expect(correct('brnach')).toBe(correct('brnach'));
  });
});

describe('editDistance', () => {
  it('counts an adjacent swap as one edit and stops past the cap', () => {
    expect(editDistance('brnach', 'branch', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'xyzxyz', 1)).toBe(2);
  });
});
