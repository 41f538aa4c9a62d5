import { describe, expect, it } from 'vitest';
import { english } from './index.ts';
import { stem } from './stem.ts';

const { normalise, normaliseWithBreaks } = english;

describe('normalise', () => {
  it('lower-cases, strips accents and punctuation', () => {
    expect(normalise('Anaesthésia, X-Ray & MRI?!')).toEqual(['anaesthesia', 'x', 'ray', 'mri']);
  });

  it('expands contractions with curly or straight apostrophes', () => {
    expect(normalise("I can't, I won’t, I'm sure it's fine")).toEqual(['i', 'cannot', 'i', 'will', 'not', 'i', 'am', 'sure', 'it', 'fine']);
    expect(normalise("don't didn't")).toEqual(['do', 'not', 'did', 'not']);
  });

  it('expands contractions typed without the apostrophe', () => {
    expect(normalise('cant dont im')).toEqual(['cannot', 'do', 'not', 'i', 'am']);
  });

  it('keeps numbers', () => {
    expect(normalise('fever of 102')).toEqual(['fever', 'of', '102']);
  });

  it('writes numbers, ordinals and units one way', () => {
    expect(normalise('two blocks')).toEqual(normalise('2 blocks'));
    expect(normalise('the second block')).toEqual(normalise('the 2nd block'));
    expect(normalise('24hrs')).toEqual(['24', 'hours']);
    expect(normalise('wait 24 hrs')).toEqual(normalise('wait 24 hours'));
    expect(normalise('30 mins, 80%')).toEqual(['30', 'minutes', '80', 'percent']);
    expect(normalise('my dr said alot')).toEqual(['my', 'doctor', 'said', 'a', 'lot']);
  });

  it('keeps "one", spine levels and ordinals whole', () => {
    expect(normalise('no one, L4 L5, 3rd')).toEqual(['no', 'one', 'l4', 'l5', '3rd']);
  });
});

describe('normaliseWithBreaks', () => {
  it('gives the same words and marks where clauses start', () => {
    const text = 'No, I have a fever but it is fine. Really';
    const { words, breaks } = normaliseWithBreaks(text);
    expect(words).toEqual(normalise(text));
    expect([...breaks]).toEqual([1, 5, 9]);
  });
});

describe('stem', () => {
  it('meets plural, -ing and -ed forms', () => {
    expect(stem('injections')).toBe(stem('injection'));
    expect(stem('injected')).toBe(stem('inject'));
    expect(stem('injecting')).toBe(stem('inject'));
    expect(stem('driving')).toBe(stem('drive'));
    expect(stem('stopped')).toBe(stem('stop'));
    expect(stem('injuries')).toBe(stem('injury'));
  });

  it('leaves short words, -ss and -eed words alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('less')).toBe('less');
    expect(stem('bleed')).toBe(stem('bleeding'));
    expect(stem('need')).toBe('need');
  });

  it('meets irregular past forms', () => {
    expect(stem('wore')).toBe(stem('wears'));
    expect(stem('felt')).toBe(stem('feeling'));
    expect(stem('drove')).toBe(stem('driving'));
  });
});
