import { newStemmer } from 'snowball-stemmers';
import { createLanguage } from '../create.ts';
import { isSpanishWord } from './dictionary.ts';
import { SPANISH_LEXICON } from './lexicon.ts';
import { soundOf } from './sound.ts';

/**
 * Spanish: the lexicon plus the Snowball Spanish stemmer (a maintained port
 * of the reference algorithm: "caminar", "caminando" and "camino" meet).
 * Words arrive without accents; short words stay whole, as in English.
 * Real Spanish words are never typos, and spelling by ear ("inyecsion",
 * "aser") is read by how it sounds.
 */
const snowballSpanish = newStemmer('spanish');
const stem = (word: string): string => (word.length <= 3 || /\d/.test(word) ? word : snowballSpanish.stem(word));

export const spanish = createLanguage('es', SPANISH_LEXICON, stem, { spelling: { soundOf, isWord: isSpanishWord } });
