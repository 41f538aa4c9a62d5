/**
 * Removes contact details people type into questions ("call me at 555 123
 * 4567", "jane@example.com", "jane at example dot com") before the wording is
 * stored for staff. Text is folded first (`foldText`), so other ways of
 * writing the same digits and signs cannot slip past the patterns; the
 * stored wording is the folded text.
 */
import { foldText } from './fold-text.ts';


const EMAIL = /[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}/giu;
const AT = String.raw`(?:at|\(at\)|\[at\]|arroba)`;
const DOT = String.raw`(?:dot|\(dot\)|\[dot\]|punto)`;
/** "jane at example dot com", "jane (at) mail [dot] co [dot] uk", "jane at example.com". */
const SPELLED_EMAIL = new RegExp(
  String.raw`[\p{L}\p{N}._%+-]+\s+${AT}\s+[\p{L}\p{N}-]+(?:(?:\s+${DOT}\s+[\p{L}\p{N}-]+)+|(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}\b)`,
  'giu',
);

const DIGIT_WORDS: Record<string, number> = {
  zero: 1, oh: 1, one: 1, two: 1, three: 1, four: 1, five: 1, six: 1, seven: 1, eight: 1, nine: 1,
  cero: 1, uno: 1, dos: 1, tres: 1, cuatro: 1, cinco: 1, seis: 1, siete: 1, ocho: 1, nueve: 1,
};
const NUMBER_TOKEN = `(?:${Object.keys(DIGIT_WORDS).join('|')}|\\d+)`;
/** A run of digits and spelled digits ("five five five, one two three…"). */
const NUMBER_RUN = new RegExp(String.raw`\b${NUMBER_TOKEN}(?:[\s,.\-/]+${NUMBER_TOKEN})+\b`, 'gi');
/** Digits a run stands for: a spelled digit is one, a written group its length. */
const runDigits = (run: string) =>
  run
    .toLowerCase()
    .split(/[\s,.\-/]+/)
    .reduce((n, token) => n + (DIGIT_WORDS[token] ?? token.length), 0);

// 7+ digits, optionally led by + or (, with the separators people use between groups ("555 - 123 - 4567").
const PHONE = /(?:\+|\()?\d(?:[\s().\-/]{0,3}\d){6,}/g;
const MIN_PHONE_DIGITS = 7;

export function redactContactDetails(text: string): string {
  return foldText(text)
    .replace(EMAIL, '[email]')
    .replace(SPELLED_EMAIL, '[email]')
    .replace(PHONE, '[phone]')
    .replace(NUMBER_RUN, (run) => (runDigits(run) >= MIN_PHONE_DIGITS ? '[phone]' : run));
}

/** Lower-case words without punctuation: repeats of one question share a key. */
export function questionKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}[\]]+/gu, ' ')
    .trim()
    .slice(0, 200);
}

/** A visitor's wording as staff may see it: contact details removed, with the key its repeats share. */
export function staffWording(text: string): { key: string; text: string } {
  const redacted = redactContactDetails(text);
  return { key: questionKey(redacted), text: redacted };
}
