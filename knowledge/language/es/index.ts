import { newStemmer } from 'snowball-stemmers';
import { createLanguage } from '../create.ts';
import { ENGLISH_LEXICON } from '../en/lexicon.ts';
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
const stem = (word: string): string => {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const own = STEM_EXCEPTIONS.get(word);
  if (own) return own;
  // Snowball's "-ación" rule needs its accent, which the normaliser removed: without it
  // "articulacion" and "articulaciones" (no accent in the plural) would not meet.
  return snowballSpanish.stem((diminutiveBase(word) ?? word).replace(UNACCENTED_ION, '$1ión'));
};

/**
 * Stems Snowball would share between two meanings: "como" (how) is not "comer" (eat), the plan
 * "medicare" is not "médico" (its "-are" reads as a verb ending), and "medicación" is medicine.
 * Diminutives with a meaning of their own keep it: "piquetitos" are pins and needles, not shots
 * ("piquete"), and a "cortita" breath is short, not a cut.
 */
const STEM_EXCEPTIONS = new Map([
  ['como', 'como'],
  ['piquetito', 'piquetit'],
  ['piquetitos', 'piquetit'],
  ['cortita', 'cortit'],
  ['cortitas', 'cortit'],
  ['cortito', 'cortit'],
  ['cortitos', 'cortit'],
  ['medicare', 'medicare'],
  ['medicaid', 'medicaid'],
  ['medicacion', 'medicin'],
  ['medicaciones', 'medicin'],
]);
const UNACCENTED_ION = /([cs])ion$/;

/**
 * The word a diminutive is made from, when it is no dictionary word itself
 * ("dolorcito", "cervecita", "traguito", "igualito", "bloqueito"): it means
 * what its base means. Real words that only look like one ("bonito",
 * "visita", "vomito", "necesito") are in the dictionary and stay whole.
 */
export function diminutiveBase(word: string): string | undefined {
  const match = DIMINUTIVE.exec(word);
  if (!match || isSpanishWord(word)) return undefined;
  const root = match[1]!;
  const ending = match[2]!.startsWith('a') ? 'a' : 'o';
  const roots = [root, root.replace(/c$/, ''), root.replace(/ec$/, ''), root.replace(/qu$/, 'c'), root.replace(/gu$/, 'g'), root.replace(/c$/, 'z')];
  for (const r of new Set(roots)) {
    if (r.length < 3) continue;
    for (const candidate of [r + ending, r, r + 'e', r + (ending === 'a' ? 'o' : 'a')]) if (isSpanishWord(candidate)) return candidate;
  }
  return undefined;
}

const DIMINUTIVE = /^(.+?)(?:it|ill)(os?|as?)$/;

/** Spanglish: English function words ("the", "that", "is") are words too, never typos of Spanish ones ("te", "chat"). */
const ENGLISH_FUNCTION_WORDS = new Set(ENGLISH_LEXICON.stopWords);
const isWord = (word: string) => isSpanishWord(word) || ENGLISH_FUNCTION_WORDS.has(word);

export const spanish = createLanguage('es', SPANISH_LEXICON, stem, { spelling: { soundOf, isWord } });
