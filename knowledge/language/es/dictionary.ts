import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Every Spanish word form (an-array-of-spanish-words: ~636,000 forms, every
 * conjugation and plural), as the normaliser writes them: lower case, no
 * accents. The typo corrector keeps a real word as typed ("conto" is not
 * "corto", "vaina" not "vagina", "acudir" not "sacudir"), as the English
 * lexicon's everyday words do on a smaller scale, and spelling by ear only
 * ever lands on a real Spanish word ("fase" never becomes the lay term "face").
 *
 * Held as one sorted string with offsets (about 11 MB, against about 80 MB
 * for a Set of the same words), built on first use, once per process.
 */
export function isSpanishWord(word: string): boolean {
  const { text, starts } = (dictionary ??= load());
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = text.slice(starts[mid]!, starts[mid + 1]! - 1);
    if (at === word) return true;
    if (at < word) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

let dictionary: { text: string; starts: Uint32Array } | undefined;

function load(): { text: string; starts: Uint32Array } {
  const file = createRequire(import.meta.url).resolve('an-array-of-spanish-words');
  const json = readFileSync(file, 'utf8');
  // A flat array of plain words: splitting at '","' is several times faster than JSON.parse on 8 MB.
  const raw = json.includes('\\') ? (JSON.parse(json) as string[]) : json.slice(json.indexOf('"') + 1, json.lastIndexOf('"')).split('","');
  const sorted = raw.map((w) => (ASCII.test(w) ? w : w.normalize('NFKD').replace(MARKS, '')).toLowerCase()).sort();
  // Adjacent repeats after sorting: "esta" and "está" are one word here (a Set of 600k strings is slow to build).
  const words = sorted.filter((w, i) => i === 0 || w !== sorted[i - 1]);
  const text = `${words.join('\n')}\n`;
  // One start per word plus the end, so word i is text[starts[i], starts[i + 1] - 1).
  const starts = new Uint32Array(words.length + 1);
  let offset = 0;
  words.forEach((w, i) => {
    starts[i] = offset;
    offset += w.length + 1;
  });
  starts[words.length] = offset;
  return { text, starts };
}

const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}+/gu;
