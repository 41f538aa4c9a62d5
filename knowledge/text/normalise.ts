/**
 * Turns free text into comparable word tokens: lower case, accents removed,
 * contractions expanded (with or without the apostrophe, since visitors on
 * phones skip it), punctuation dropped. Every matcher in the engine sees text
 * through this one function, so entries and questions always agree.
 *
 * @example normalise("Can't I eat?") // ['cannot', 'i', 'eat']
 */
export function normalise(text: string): string[] {
  const flat = text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, "'");
  const expanded = CONTRACTIONS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), flat);
  const tokens: string[] = [];
  for (const raw of expanded.split(NON_WORD)) {
    if (!raw) continue;
    const spelled = BARE_CONTRACTIONS.get(raw);
    if (spelled) tokens.push(...spelled);
    else tokens.push(raw);
  }
  return tokens;
}

const MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc`\u00b4]/g;
const NON_WORD = /[^a-z0-9]+/;

// Order matters: the irregular forms before the generic n't.
const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/g, 'cannot'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/'m\b/g, ' am'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/'s\b/g, ''],
];

/** Contractions typed without the apostrophe ("cant", "dont", "im"). */
const BARE_CONTRACTIONS = new Map<string, string[]>(
  Object.entries({
    cant: ['cannot'],
    cannt: ['cannot'],
    dont: ['do', 'not'],
    doesnt: ['does', 'not'],
    didnt: ['did', 'not'],
    wont: ['will', 'not'],
    isnt: ['is', 'not'],
    arent: ['are', 'not'],
    wasnt: ['was', 'not'],
    werent: ['were', 'not'],
    havent: ['have', 'not'],
    hasnt: ['has', 'not'],
    hadnt: ['had', 'not'],
    couldnt: ['could', 'not'],
    shouldnt: ['should', 'not'],
    wouldnt: ['would', 'not'],
    im: ['i', 'am'],
    ive: ['i', 'have'],
    ill: ['i', 'will'],
    id: ['i', 'would'],
    youre: ['you', 'are'],
    whats: ['what', 'is'],
    thats: ['that', 'is'],
    hows: ['how', 'is'],
    wheres: ['where', 'is'],
    u: ['you'],
    ur: ['your'],
  }),
);
