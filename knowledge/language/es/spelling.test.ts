import { describe, expect, it } from 'vitest';
import { createTypoCorrector } from '../../text/typo.ts';
import { isSpanishWord } from './dictionary.ts';
import { diminutiveBase, spanish } from './index.ts';
import { soundOf } from './sound.ts';

describe('Spanish spelling by ear', () => {
  it('gives words that sound alike one key (seseo, silent h, b/v, ll/y, g/j, qu/k)', () => {
    const pairs: [string, string][] = [
      ['inyecsion', 'inyeccion'],
      ['medisina', 'medicina'],
      ['aser', 'hacer'],
      ['beses', 'veces'],
      ['yamar', 'llamar'],
      ['imajen', 'imagen'],
      ['kiropractico', 'quiropractico'],
      ['oras', 'horas'],
    ];
    for (const [typed, word] of pairs) expect(soundOf(typed), typed).toBe(soundOf(word));
    expect(soundOf('casa')).not.toBe(soundOf('cosa'));
    expect(soundOf('pelo')).not.toBe(soundOf('pero'));
  });

  it('knows real Spanish words in any form, accents stripped, and not misspellings', () => {
    for (const word of ['conto', 'vaina', 'acudir', 'despues', 'inyeccion', 'pusieron']) expect(isSpanishWord(word), word).toBe(true);
    for (const word of ['inyecion', 'sedasion', 'bloquio', 'building']) expect(isSpanishWord(word), word).toBe(false);
  });

  it('keeps real words as typed, fixes misspellings, and lands a sound only on a real Spanish word', () => {
    const vocabulary = new Map([['corto', 2], ['sacudir', 1], ['inyeccion', 9], ['hacer', 5], ['veces', 3], ['face', 1]]);
    const correct = createTypoCorrector(vocabulary, { keep: spanish.isCommonWord, spelling: spanish.spelling! });
    expect(['conto', 'acudir'].map(correct)).toEqual(['conto', 'acudir']);
    expect(['inyecion', 'inyecsion', 'aser', 'beses'].map(correct)).toEqual(['inyeccion', 'inyeccion', 'hacer', 'veces']);
    // "fase" sounds like the English lay word "face", which is no Spanish word.
    expect(correct('fase')).toBe('fase');
  });
});

describe('Spanish stems', () => {
  it('reads a diminutive as its base word, and leaves real words that only look like one', () => {
    const bases = ['dolorcito', 'cervecita', 'igualito', 'bloqueito', 'pastillita', 'moretoncito', 'abuelito'].map(diminutiveBase);
    expect(bases).toEqual(['dolor', 'cerveza', 'igualo', 'bloqueo', 'pastilla', 'moreton', 'abuelo']);
    for (const word of ['bonito', 'visita', 'vomito', 'necesito', 'exito']) expect(diminutiveBase(word), word).toBeUndefined();
    expect(spanish.stem('dolorcito')).toBe(spanish.stem('dolor'));
    // Pins and needles ("piquetitos") are no shot ("piquete").
    expect(spanish.stem('piquetitos')).not.toBe(spanish.stem('piquete'));
  });

  it('meets the singular and plural of "-ción" words without their accent', () => {
    expect(spanish.stem('articulacion')).toBe(spanish.stem('articulaciones'));
    expect(spanish.stem('operacion')).toBe(spanish.stem('operaciones'));
    expect(spanish.stem('inyeccion')).toBe(spanish.stem('inyecciones'));
  });

  it('keeps "como" (how) apart from "comer" (eat), and Medicare apart from "medico"', () => {
    expect(spanish.stem('medicare')).not.toBe(spanish.stem('medico'));
    expect(spanish.stem('como')).not.toBe(spanish.stem('comer'));
    expect(spanish.stem('comida')).toBe(spanish.stem('comer'));
  });
});

describe('Spanglish apostrophes', () => {
  it('drops English contractions instead of leaving stray letters', () => {
    expect(spanish.normalise("What's the success rate? it's ok, don't worry")).toEqual(['what', 'the', 'success', 'rate', 'it', 'ok', 'do', 'not', 'worry']);
  });
});
