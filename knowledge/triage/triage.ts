import { compileRuleSet, type CompiledRuleSet, type ConceptMatch } from '../concepts/compile.ts';
import type { ConceptRuleSet } from '../concepts/schema.ts';
import type { Report, RuleHit, RuleStageTrace } from '../decision.ts';
import type { Language } from '../language/types.ts';
import { createPhraseIndex, type PhraseIndex } from '../text/phrases.ts';

export interface TriageResult extends RuleStageTrace {
  /** What the message reports about the fired rule's symptom (or the first rule that matched at all). */
  report?: Report;
  /**
   * No rule fired, but one of a rule's weaker `unsure` alternatives matched and
   * is reported happening now: lean to safety ("get checked now").
   */
  unsure?: RuleHit;
}

export interface Triage {
  /** Surface words of the rules, for the typo corrector. */
  vocabulary: ReadonlyMap<string, number>;
  /** Checked before anything else; `fired` means emergency guidance only, `unsure` guidance plus the clinic's numbers. */
  /** `stems`: the words' stems, when the caller has them already. */
  check(text: { words: readonly string[]; breaks: ReadonlySet<number>; sentences: ReadonlySet<number>; stems?: readonly string[] }): TriageResult;
}

type Framing = Exclude<Report, 'now' | 'idiom' | 'denied'>;
const FRAMINGS: readonly Framing[] = ['history', 'hypothetical', 'fear', 'chronic'];

/**
 * The urgent gate: concept rules (see `compileRuleSet`) plus a model of what
 * the message reports. A rule's concepts fire only when told as happening now
 * (or since the injection). Told as a history ("I had a mini-stroke years
 * ago"), a hypothetical or question about risk ("what if I get a fever"), a
 * fear ("I'm terrified I'll be paralysed") or a chronic problem ("numb toes
 * for years"), they do not, unless a `now` word in the same part of the
 * message says it is happening now: that leans to safety. Idioms are
 * `ignore` phrases of the rule set, denials its `negatable` concepts. Who it
 * happens to does not matter: "my husband" counts like "I".
 *
 * A year in that sentence ("back in 2019") reads as a history too, and "for
 * 20 years" or "for 6 months" as a chronic problem.
 *
 * A rule's `unsure` alternatives are weaker evidence (a red-flag word without
 * its severity: "my chest feels weird"). They never fire; when no rule fires,
 * the first one read as now, in a sentence with a `now` or `reported` phrase
 * ("since the shot", "I have", "feels"), is returned as `unsure`.
 *
 * Framing is read in the clauses the rule's words span, from the start of
 * the first to the end of the last: a fear and a report in separate
 * sentences ("I'm scared. I can't feel my legs") still fire.
 *
 * @example
 * const triage = createTriage(rules, english);
 * triage.check(...english.normaliseWithBreaks('I had a seizure as a child')) // { report: 'history', notes: [...] }
 */
export function createTriage(rules: ConceptRuleSet, language: Language): Triage {
  const compiled: CompiledRuleSet = compileRuleSet(rules, language);
  const framing = rules.framing;
  const cues = framing ? compileCues(framing, language) : undefined;
  const vocabulary = new Map(compiled.vocabulary);
  if (framing) {
    for (const list of Object.values(framing)) for (const phrase of list) for (const w of language.normalise(phrase)) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
  }

  return {
    vocabulary,
    check({ words, breaks, sentences, stems = words.map(language.stem) }) {
      const matches = compiled.matchAll(words, breaks, stems);
      if (matches.length === 0) return { notes: [] };
      if (!cues) {
        const strong = matches.find((m) => !m.weak);
        return strong ? { fired: ruleHit(strong), report: 'now', notes: [] } : { unsure: ruleHit(matches[0]!), report: 'now', notes: [] };
      }
      const notes: string[] = [];
      let firstReport: Report | undefined;
      let unsure: RuleHit | undefined;
      for (const match of matches) {
        const { report, said } = readReport(match, words, stems, { breaks, sentences }, cues);
        if (match.weak) {
          // Weak evidence counts only when the message says it is happening: "my chest feels weird", not "chest?".
          const now = report === 'now' && said;
          notes.push(`${match.rule.id} (unsure): ${describe(match)} read as ${report}${report === 'now' && !said ? ' but not said to be happening' : ''}${now ? '' : ', not urgent'}`);
          if (now) unsure ??= ruleHit(match);
          continue;
        }
        const stillUrgent = report === 'now' || match.rule.urgentEvenIf?.includes(report as Framing);
        notes.push(`${match.rule.id}: ${describe(match)} read as ${report}${stillUrgent ? '' : ', not urgent'}`);
        if (stillUrgent) return { fired: ruleHit(match), report, notes };
        firstReport ??= report;
      }
      return { report: firstReport ?? (unsure ? 'now' : undefined), notes, ...(unsure ? { unsure } : {}) };
    },
  };
}

/** One framing's phrases: stemmed ones, and "=" ones matched on the exact words ("=cane" is not "can"). */
interface CueIndex {
  stemmed: PhraseIndex<true>;
  exact: PhraseIndex<true>;
}

interface Cues {
  now: CueIndex;
  /** `now` plus `reported` phrases: what an unsure match needs in its sentence. */
  said: CueIndex;
  framings: [Framing, CueIndex][];
}

function compileCues(framing: NonNullable<ConceptRuleSet['framing']>, language: Language): Cues {
  const index = (phrases: readonly string[]): CueIndex => ({
    stemmed: createPhraseIndex(phrases.filter((p) => !p.startsWith('=')).map((p) => [language.normalise(p).map(language.stem), true as const])),
    exact: createPhraseIndex(phrases.filter((p) => p.startsWith('=')).map((p) => [language.normalise(p), true as const])),
  });
  return { now: index(framing.now), said: index([...framing.now, ...framing.reported]), framings: FRAMINGS.map((f) => [f, index(framing[f])]) };
}

/** The span [from, to) of the parts around a match, widened to the nearest `bounds`. */
function around(match: ConceptMatch, length: number, bounds: ReadonlySet<number>): [number, number] {
  let from = match.start;
  while (from > 0 && !bounds.has(from)) from--;
  let to = match.end;
  while (to < length && !bounds.has(to)) to++;
  return [from, to];
}

/**
 * 'now' unless a framing cue stands around the rule's words and no `now` cue
 * does. Hypotheticals and fears frame what follows them in the same clause
 * ("what if I can't walk"), so they count only before the rule's last word;
 * a history or chronic cue dates the whole sentence and may come after
 * ("numb toes for years", "back in 2009, hives everywhere").
 */
function readReport(
  match: ConceptMatch,
  words: readonly string[],
  stems: readonly string[],
  bounds: { breaks: ReadonlySet<number>; sentences: ReadonlySet<number> },
  cues: Cues,
): { report: Report; said: boolean } {
  const clause = around(match, words.length, bounds.breaks);
  const sentence = around(match, words.length, bounds.sentences);
  // A cue is a phrase inside one clause: "last week, now" is not "weeks now".
  const crossesBreak = (start: number, end: number) => {
    for (let i = start + 1; i < end; i++) if (bounds.breaks.has(i)) return true;
    return false;
  };
  const spans = (index: CueIndex, [from, to]: [number, number]) =>
    [...index.stemmed.findAll(stems.slice(from, to)), ...index.exact.findAll(words.slice(from, to))]
      .map((h) => [h.start + from, h.start + from + h.length] as const)
      .filter(([start, end]) => !crossesBreak(start, end));
  const hits = (index: CueIndex, part: [number, number]) => spans(index, part).map(([start]) => start);
  // A hypothetical or a fear frames what follows it in its clause; a `now` cue after it still reports ("I'm scared: since the shot I can't feel my legs").
  for (const [framing, index] of cues.framings) {
    if (framing === 'history' || framing === 'chronic') continue;
    const at = hits(index, clause).filter((h) => h < match.end);
    if (at.length > 0) return hits(cues.now, clause).some((h) => h > Math.min(...at)) ? { report: 'now', said: true } : { report: framing, said: false };
  }
  // A history or a chronic problem dates the whole sentence, unless it also says what is happening now
  // (a `now` inside a dating phrase, "clean for 8 years now", does not count).
  const dating = cues.framings.filter(([f]) => f === 'history' || f === 'chronic').map(([f, index]) => [f, spans(index, sentence)] as const);
  const insideDating = (h: number) => dating.some(([, list]) => list.some(([start, end]) => h >= start && h < end));
  const now = hits(cues.now, sentence).some((h) => !insideDating(h));
  if (now) return { report: 'now', said: true };
  if (words.slice(sentence[0], sentence[1]).some((w, i) => isYear(w) && DATING.has(words[sentence[0] + i - 1] ?? ''))) return { report: 'history', said: false };
  // "for 20 years", "for 6 months": a long-standing problem, whatever the number (in its own clause:
  // "the worst headache ever, and she's had migraines for 30 years" still reports).
  const part = words.slice(clause[0], clause[1]);
  if (part.some((w, i) => part[i - 1] === 'for' && /^\d+$/.test(w) && LONG_SPANS.has(part[i + 1] ?? ''))) return { report: 'chronic', said: false };
  for (const [framing, list] of dating) if (list.length > 0) return { report: framing, said: false };
  return { report: 'now', said: hits(cues.said, sentence).some((h) => !insideDating(h)) };
}

const isYear = (word: string) => /^(19[4-9]\d|20[0-3]\d)$/.test(word);
/** Words that make a following year a date ("back in 2019"), not a number in a story ("he thinks it's 1985"). */
const DATING = new Set(['in', 'since', 'during', 'from', 'of', 'around', 'en', 'desde', 'durante']);
/** Units that make "for N ..." a long-standing problem; days and hours may be this very episode. */
const LONG_SPANS = new Set(['years', 'year', 'months', 'month', 'decades', 'anos', 'meses', 'ano', 'mes']);

function ruleHit(match: ConceptMatch): RuleHit {
  return { id: match.rule.id, label: match.rule.label, concepts: match.concepts, crisis: match.rule.crisis === true };
}

function describe(match: ConceptMatch): string {
  return Object.entries(match.concepts)
    .map(([concept, words]) => `${concept} "${words}"`)
    .join(' + ');
}
