const DECIMAL_DIGIT = /\p{Nd}/u;
const digitCache = new Map<string, string>();

/**
 * The ASCII digit for any script's decimal digit (٣, ۳, ३, 𝟑 → 3). Unicode
 * assigns decimal digits only in runs of ten, 0 to 9, so a digit's value is
 * its distance from the start of its run, modulo 10.
 */
function asciiDigit(ch: string): string {
  let digit = digitCache.get(ch);
  if (digit === undefined) {
    const cp = ch.codePointAt(0)!;
    let start = cp;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    digit = String((cp - start) % 10);
    digitCache.set(ch, digit);
  }
  return digit;
}

/**
 * One way of writing what people type several ways: NFKC (full-width ５ and
 * ＠ become 5 and @), every script's decimal digits as 0-9, and invisible
 * format characters (zero-width spaces, direction marks) dropped. For
 * matching patterns (phone numbers, emails), not for display.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[^\x00-\x7f]/gu, (ch) => (DECIMAL_DIGIT.test(ch) ? asciiDigit(ch) : ch));
}
