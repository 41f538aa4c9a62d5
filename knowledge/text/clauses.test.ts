import { describe, expect, it } from 'vitest';
import { clauses } from './clauses.ts';
import { english } from '../language/en/index.ts';
import { spanish } from '../language/es/index.ts';

const parts = (text: string) => {
  const { words, breaks } = english.normaliseWithBreaks(text);
  return clauses(words, breaks, english.lexicon).map(({ start, end }) => words.slice(start, end).join(' '));
};

describe('clauses', () => {
  it('splits at punctuation and "but"', () => {
    expect(parts('I had back pain for years, my GP sent me here. Can I eat before?')).toEqual([
      'i had back pain for years',
      'my gp sent me here',
      'can i eat before',
    ]);
    expect(parts('the pain went away but now it is back again')).toEqual(['the pain went away', 'but now it is back again']);
  });

  it('splits two questions joined by "and" or "or"', () => {
    expect(parts('what is an mbb and why would i need one')).toEqual(['what is an mbb', 'why would i need one']);
    expect(parts('is it quick or does it take all day')).toEqual(['is it quick', 'does it take all day']);
  });

  it('marks a second question of its own, and parts that read as questions', () => {
    const flags = (text: string) => {
      const { words, breaks } = english.normaliseWithBreaks(text);
      return clauses(words, breaks, english.lexicon).map(({ asks, joined }) => [asks, joined]);
    };
    expect(flags('what is an mbb and why would i need one')).toEqual([[true, false], [true, true]]);
    expect(flags('can i walk or do housework after')).toEqual([[true, false], [true, false]]);
    expect(flags('my wife has the block monday, how long should she fast')).toEqual([[false, false], [true, false]]);
  });

  it('keeps "and" inside one question, and drops fragments', () => {
    expect(parts('can I eat and drink before')).toEqual(['can i eat and drink before']);
    expect(parts('thanks! can I drive home after')).toEqual(['can i drive home after']);
  });

  it('reads the parts a visitor marks with "?" or "¿" as the questions, and the rest as telling', () => {
    const asks = (text: string) => {
      const { words, breaks, asked } = spanish.normaliseWithBreaks(text);
      return clauses(words, breaks, spanish.lexicon, asked).map((part) => [words.slice(part.start, part.end).join(' '), part.asks]);
    };
    // A yes/no question starts with its verb, not a question word: the mark says it asks.
    expect(asks('¿Duele mucho la inyección? Siendo honesta estoy bien asustada')).toEqual([
      ['duele mucho la inyeccion', true],
      ['siendo honesta estoy bien asustada', false],
    ]);
    expect(asks('la inyeccion lleva cortisona? me la pusieron en la rodilla')).toEqual([
      ['la inyeccion lleva cortisona', true],
      ['me la pusieron en la rodilla', false],
    ]);
    // A joiner inside one marked question leaves both halves marked.
    expect(asks('Funciona el bloqueo o es perder el tiempo? mi hermana dice que no')).toEqual([
      ['funciona el bloqueo', true],
      ['es perder el tiempo', true],
      ['mi hermana dice que no', false],
    ]);
    // Without any mark, the old cues decide: a question word first, or the end of the message.
    expect(asks('mi esposa va el lunes, cuanto tiempo tiene que estar en ayunas')).toEqual([
      ['mi esposa va el lunes', false],
      ['cuanto tiempo tiene que estar en ayunas', true],
    ]);
  });
});
