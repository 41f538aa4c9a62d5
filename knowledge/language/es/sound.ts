/**
 * How a Spanish word sounds in the Americas, as one spelling: the letters
 * visitors mix up because they sound alike (seseo "c/z/s", silent "h",
 * "b/v", yeísmo "ll/y", "g/j" before e and i, "qu/k/c"), so "inyecsion",
 * "medisina", "aser", "beses" and "yamar" meet "inyeccion", "medicina",
 * "hacer", "veces" and "llamar". Input is normalised (lower case, no accents).
 *
 * @example soundOf('inyecsion') === soundOf('inyeccion') // both 'inieksion'
 */
export function soundOf(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    const next = word[i + 1] ?? '';
    let sound: string;
    if (c === 'c') sound = next === 'h' ? 'C' : FRONT.has(next) ? 's' : 'k';
    else if (c === 'h') sound = '';
    else if (c === 'q') sound = 'k';
    else if (c === 'u' && word[i - 1] === 'q') sound = '';
    else if (c === 'u' && word[i - 1] === 'g' && FRONT.has(next)) sound = '';
    else if (c === 'g') sound = FRONT.has(next) ? 'j' : 'g';
    else if (c === 'z') sound = 's';
    else if (c === 'v' || c === 'w') sound = 'b';
    else if (c === 'l' && next === 'l') {
      sound = 'y';
      i++;
    } else if (c === 'y' && !VOWELS.has(next)) sound = 'i';
    else sound = c;
    // Doubled sounds are one sound ("rr", "cc" -> "ks" keeps both: k then s).
    if (sound && out.endsWith(sound) && sound !== 'k') continue;
    out += sound;
  }
  return out;
}

const FRONT = new Set(['e', 'i']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
