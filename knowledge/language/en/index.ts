import { createLanguage } from '../create.ts';
import { ENGLISH_LEXICON } from './lexicon.ts';
import { stem } from './stem.ts';

/** English: the lexicon plus the light suffix stripper. */
export const english = createLanguage('en', ENGLISH_LEXICON, stem);
