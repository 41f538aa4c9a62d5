import { describe, expect, it } from 'vitest';
import { createLayTermMapper } from './lay-terms.ts';
import { english } from '../language/en/index.ts';

const { normalise } = english;

const mapper = createLayTermMapper({
  injection: ['shot', 'jab'],
  sedation: ['put me under', 'knocked out', 'under'],
  'blood thinner': ['eliquis', 'blood thinners'],
}, english);
const map = (text: string) => mapper.map(normalise(text)).join(' ');

describe('lay terms', () => {
  it('replaces single words and multi-word phrases with the canonical term', () => {
    expect(map('Is the shot bad?')).toBe('is the injection bad');
    expect(map('will they put me under')).toBe('will they sedation');
    expect(map('I take Eliquis')).toBe('i take blood thinner');
  });

  it('prefers the longest phrase', () => {
    expect(map('stop my blood thinners')).toBe('stop my blood thinner');
    expect(map('knocked out or under')).toBe('sedation or sedation');
  });

  it('leaves other words untouched and lists every word it knows', () => {
    expect(map('can I drive')).toBe('can i drive');
    expect(mapper.words.has('eliquis')).toBe(true);
    expect(mapper.words.has('injection')).toBe(true);
  });
});

describe('lay terms by stem', () => {
  const stems = createLayTermMapper({
    exercise: ['golf', 'gym'],
    numbness: ['numb'],
    numbing: ['lidocaine'],
    injection: ['jab', 'jabs'],
    ablation: ['burn'],
    hurt: ['burning'],
  }, english);

  it('finds the lay term behind another form of it', () => {
    expect(stems.byStem('golfing')).toEqual(['exercise']);
    expect(stems.byStem('jabbed')).toEqual(['injection']);
  });

  it('never rewrites a canonical word, nor a stem with two meanings', () => {
    expect(stems.byStem('numbing')).toBeUndefined();
    expect(stems.byStem('numbs')).toBeUndefined();
    expect(stems.byStem('burns')).toBeUndefined();
  });

  it('knows nothing about words outside the lay terms', () => {
    expect(stems.byStem('driving')).toBeUndefined();
  });
});
