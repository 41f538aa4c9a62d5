/**
 * A deliberately light suffix stripper (plural, -ing, -ed, final e) so that
 * "injections", "injected" and "injecting" meet "injection"/"inject". It only
 * has to be consistent, because entries and questions go through the same
 * function; it never needs to produce real words. A few irregular past
 * forms map to the stem of their present ("wore" meets "wears").
 *
 * @example stem('injections') // 'injection'
 */
export function stem(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular) return irregular;
  if (word.length <= 3 || DIGITS.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !KEEP_S.test(w)) w = w.slice(0, -1);

  if (w.endsWith('ing') && hasVowel(w.slice(0, -3)) && w.length - 3 >= 3) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && !w.endsWith('eed') && hasVowel(w.slice(0, -2)) && w.length - 2 >= 3) w = undouble(w.slice(0, -2));

  if (w.length >= 4 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

const DIGITS = /\d/;
/** Irregular past forms visitors use for after-effects ("it wore off", "I felt fine"), mapped to their stem. */
const IRREGULAR = new Map(
  Object.entries({
    felt: 'feel', wore: 'wear', worn: 'wear', ate: 'eat', eaten: 'eat', drove: 'driv', driven: 'driv',
    took: 'tak', taken: 'tak', gave: 'giv', given: 'giv', came: 'com', slept: 'sleep', kept: 'keep',
    bled: 'bleed', swam: 'swim', swum: 'swim', began: 'begin', begun: 'begin', spoke: 'speak', spoken: 'speak',
  }),
);
const KEEP_S = /(ss|us|is|ys|as|os)$/;
const VOWEL = /[aeiouy]/;
const DOUBLE = /([bdfgmnprt])\1$/;

function hasVowel(text: string): boolean {
  return VOWEL.test(text);
}

function undouble(w: string): string {
  return DOUBLE.test(w) ? w.slice(0, -1) : w;
}
