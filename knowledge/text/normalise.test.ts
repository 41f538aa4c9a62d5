import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.ts';
import { stem } from './stem.ts';

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
});
