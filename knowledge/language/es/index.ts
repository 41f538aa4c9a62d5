import { newStemmer } from 'snowball-stemmers';
import { createLanguage } from '../create.ts';
import { SPANISH_LEXICON } from './lexicon.ts';

/**
 * Spanish: the lexicon plus the Snowball Spanish stemmer (a maintained port
 * of the reference algorithm: "caminar", "caminando" and "camino" meet).
 * Words arrive without accents; short words stay whole, as in English.
 */
const snowballSpanish = newStemmer('spanish');
const stem = (word: string): string => (word.length <= 3 || /\d/.test(word) ? word : snowballSpanish.stem(word));

export const spanish = createLanguage('es', SPANISH_LEXICON, stem);
