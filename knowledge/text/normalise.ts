/**
 * Turns free text into comparable word tokens: lower case, accents removed,
 * contractions expanded (with or without the apostrophe, since visitors on
 * phones skip it), punctuation dropped. Every matcher in the engine sees text
 * through this one function, so entries and questions always agree.
 *
 * @example normalise("Can't I eat?") // ['cannot', 'i', 'eat']
 */
export function normalise(text: string): string[] {
  return normaliseWithBreaks(text).words;
}

/** Normalised words plus where clauses start, for rules whose scope ends at punctuation. */
export interface NormalisedText {
  words: string[];
  /** Indexes of words that begin a new clause (after `.,;:!?` or "but"). */
  breaks: ReadonlySet<number>;
}

/**
 * The same words as `normalise`, plus clause starts, so a denial like "no,
 * fever and..." is not read as "no fever".
 */
export function normaliseWithBreaks(text: string): NormalisedText {
  const flat = text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(PERCENT, ' percent ');
  const expanded = CONTRACTIONS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), flat);
  const words: string[] = [];
  const breaks = new Set<number>();
  const parts = expanded.split(SEPARATOR);
  for (let i = 0; i < parts.length; i += 2) {
    const separator = parts[i - 1];
    if (separator !== undefined && CLAUSE_END.test(separator)) breaks.add(words.length);
    for (const raw of splitUnits(parts[i]!)) {
      if (raw === 'but') breaks.add(words.length);
      words.push(...(SPELLED_OUT.get(raw) ?? [raw]));
    }
  }
  return { words, breaks };
}

/** "24hrs" -> "24", "hrs" and "5pm" -> "5", "pm"; ordinals ("2nd") and spine levels ("l4") stay whole. */
function splitUnits(raw: string): string[] {
  if (!raw) return [];
  const unit = NUMBER_THEN_LETTERS.exec(raw);
  if (!unit || ORDINAL.test(raw)) return [raw];
  return [unit[1]!, unit[2]!];
}

const MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc`\u00b4]/g;
const SEPARATOR = /([^a-z0-9]+)/;
const CLAUSE_END = /[.,;:!?()\n]/;
const PERCENT = /%/g;
const NUMBER_THEN_LETTERS = /^(\d+)([a-z]+)$/;
const ORDINAL = /^\d+(st|nd|rd|th)$/;

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

// Counts from two up: "one" stays a word, since "no one", "which one" and
// "one side" are not counts.
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
function ordinalSuffix(n: number): string {
  return n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th';
}

/**
 * Words typed in a short or run-together form, written out so entries and
 * questions meet: contractions without the apostrophe ("cant", "im"), chat
 * and unit abbreviations ("hrs", "dr", "alot"), and small numbers in words,
 * which become digits ("two" and "2", "second" and "2nd").
 */
const SPELLED_OUT: ReadonlyMap<string, string[]> = new Map<string, string[]>(
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
    wat: ['what'],
    wht: ['what'],
    shud: ['should'],
    shld: ['should'],
    wud: ['would'],
    cud: ['could'],
    ur: ['your'],
    alot: ['a', 'lot'],
    abt: ['about'],
    b4: ['before'],
    bc: ['because'],
    cuz: ['because'],
    coz: ['because'],
    thru: ['through'],
    w: ['with'],
    wo: ['without'],
    dr: ['doctor'],
    drs: ['doctors'],
    doc: ['doctor'],
    appt: ['appointment'],
    appts: ['appointments'],
    hr: ['hour'],
    hrs: ['hours'],
    min: ['minute'],
    mins: ['minutes'],
    sec: ['second'],
    secs: ['seconds'],
    wk: ['week'],
    wks: ['weeks'],
    yr: ['year'],
    yrs: ['years'],
    tmrw: ['tomorrow'],
    tmr: ['tomorrow'],
    pct: ['percent'],
    ...Object.fromEntries(NUMBER_WORDS.map((word, n) => [word, [String(n + 2)]])),
    ...Object.fromEntries(ORDINAL_WORDS.map((word, n) => [word, [`${n + 1}${ordinalSuffix(n + 1)}`]])),
  }),
);

/** Every word the normaliser writes out ("years", "doctor"): real words, never typos to correct. */
export const WRITTEN_OUT_WORDS: ReadonlySet<string> = new Set([...SPELLED_OUT.values()].flat());
