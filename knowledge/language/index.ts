import { english } from './en/index.ts';
import { spanish } from './es/index.ts';
import type { Lang, Language } from './types.ts';

/** Every language the engine speaks. Adding one: a lexicon, a stemmer, an entry here, and its folder in a base. */
export const LANGUAGES: Record<Lang, Language> = { en: english, es: spanish };

/** The main language of a knowledge base folder; the others live in subfolders named by their code (`es/`). */
export const MAIN_LANG: Lang = 'en';
