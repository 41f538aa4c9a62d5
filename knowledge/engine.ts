import { compileRuleSet, type ConceptMatch } from './concepts/compile.ts';
import type { ConceptRuleSet } from './concepts/schema.ts';
import type { CandidateTrace, Decision, EntryRef, Explanation, ReadingTrace, RuleHit, Trace } from './decision.ts';
import { createSmallTalk } from './intent/small-talk.ts';
import type { Lang, Language } from './language/types.ts';
import type { KnowledgeBase, KnowledgeEntry } from './load/read-base.ts';
import { analyseWords } from './match/analyse.ts';
import { buildSearchIndex, openSearchIndex, type IndexData, type SearchIndex } from './match/build-index.ts';
import { createRanker, type RankedEntry } from './match/rank.ts';
import { readings, type Reading } from './match/reading.ts';
import { replyWording, type Profile } from './reply/profile.ts';
import { createTriage, type TriageResult } from './triage/triage.ts';
import { clauses } from './text/clauses.ts';
import { createLayTermMapper } from './text/lay-terms.ts';
import { createTypoCorrector } from './text/typo.ts';

/** One loaded knowledge base, ready to answer. Rebuilt (not mutated) on reload. */
export interface Engine {
  /** Synchronous and cheap: no index building or regex compilation per call. */
  decide(question: string): Decision;
  /** The same decision, with what every stage saw: "why did this answer win" in one call. */
  explain(question: string): Explanation;
  /** Clinic details, greeting, starters and the chat's own reply lines. */
  profile(): Profile;
  entryIds(): string[];
  /** Only the urgent gate, in this engine's language: the router asks every language, for safety. */
  checkUrgent(question: string): TriageResult;
  /** True for a word this base's entries, rules or lexicon use: the language detector's evidence. */
  knows(word: string): boolean;
  language: Lang;
}

export interface EngineInput {
  base: KnowledgeBase;
  /** Urgent rules: the base's own, or the bundled ones. */
  triage: ConceptRuleSet;
  language: Language;
  /** The search index's data when already built (in a worker thread, see `load/build-in-worker.ts`). */
  index?: IndexData;
}

/**
 * Builds everything a question needs once (index, typo vocabulary, compiled
 * rules), so a question is: normalise -> fix typos -> urgent triage -> small
 * talk -> out-of-scope rules -> rank -> read (whole question or the part
 * that asks) -> calibrated confidence -> answer or "I don't know".
 */
export function createEngine({ base, triage: triageRules, language, index: built }: EngineInput): Engine {
  const lang: Lang = language.code;
  const layTerms = createLayTermMapper(base.layTerms.synonyms, language);
  const index = built ? openSearchIndex(built, base.entries, layTerms, language) : buildSearchIndex(base.entries, layTerms, language);
  const ranker = createRanker(index);
  const triage = createTriage(triageRules, language);
  const outOfScope = base.outOfScope ? compileRuleSet(base.outOfScope, language) : undefined;
  const smallTalk = createSmallTalk(language);
  // Common words join the vocabulary with the lowest count: a misspelt one ("usualy") becomes
  // itself, and a tie with a knowledge base word goes to the knowledge base.
  const correct = createTypoCorrector(
    mergeVocabularies(index.vocabulary, triage.vocabulary, outOfScope?.vocabulary, language.commonVocabulary),
    { keep: language.isCommonWord, ...(language.spelling ? { spelling: language.spelling } : {}) },
  );
  const byId = new Map(base.entries.map((e) => [e.id, e]));
  const ref = (entry: KnowledgeEntry): EntryRef => ({ id: entry.id, title: entry.title });
  const profile = replyWording(base.clinic, lang);
  const ids = base.entries.map((e) => e.id);
  // A word the knowledge base never uses may be another form of a lay term ("golfing" for "golf");
  // words it does use keep their own sense ("burning" pain is not a nerve burn).
  // The words to rank, flat, with where each message word's share starts, so clause positions still apply.
  const rankWords = (words: readonly string[], fixed: readonly string[]): { flat: string[]; startOf: Int32Array } => {
    const flat: string[] = [];
    const startOf = new Int32Array(words.length + 1);
    words.forEach((w, i) => {
      startOf[i] = flat.length;
      const synonyms = index.vocabulary.has(w) ? undefined : layTerms.byStem(w);
      if (synonyms) flat.push(...synonyms);
      else flat.push(fixed[i]!);
    });
    startOf[words.length] = flat.length;
    return { flat, startOf };
  };
  const run = (question: string, traced: boolean): Explanation => {
    const { words, breaks, sentences, asked } = language.normaliseWithBreaks(question);
    const fixed = words.map(correct);
    const trace: Trace = {
      question,
      lang: { chosen: lang, note: 'the knowledge base language' },
      words,
      corrections: traced ? words.flatMap((w, i) => (w !== fixed[i] ? [{ from: w, to: fixed[i]! }] : [])) : [],
      layTerms: traced ? layTerms.changes(fixed) : [],
      triage: { notes: [] },
      outOfScope: { notes: [] },
      candidates: [],
      readings: [],
      summary: '',
    };
    const done = (decision: Decision, summary: string): Explanation => {
      trace.summary = summary;
      return { decision, trace };
    };

    // Each word stemmed once, for triage and the out-of-scope rules alike.
    const stems = fixed.map(language.stem);
    const urgent = triage.check({ words: fixed, breaks, sentences, stems });
    trace.triage = urgent;
    if (urgent.fired) {
      return done(
        { kind: 'urgent', lang, rule: urgent.fired, care: urgent.fired.crisis ? 'crisis' : 'emergency' },
        `urgent: rule ${urgent.fired.id} fired on ${describeHit(urgent.fired)}`,
      );
    }
    if (urgent.unsure) {
      return done({ kind: 'urgent', lang, rule: urgent.unsure, care: 'unsure' }, `urgent (unsure): rule ${urgent.unsure.id} partly matched on ${describeHit(urgent.unsure)}, reported now`);
    }

    const chat = smallTalk(fixed);
    if (chat) return done({ kind: 'small-talk', lang, intent: chat }, `small talk: ${chat}`);

    const corrected = new Set<string>();
    fixed.forEach((w, i) => {
      if (w !== words[i]) corrected.add(stems[i]!);
    });
    const { flat, startOf } = rankWords(words, fixed);
    const rankPart = (start: number, end: number) => ranker.rank(analyseWords(flat, layTerms, language, startOf[start], startOf[end]), corrected);
    const whole = analyseWords(flat, layTerms, language);
    const ranked = ranker.rank(whole, corrected);
    if (traced) trace.candidates = ranked.slice(0, TRACE_CANDIDATES).map((r) => candidateTrace(r, index, whole.terms));
    const suggestions = ranked
      .slice(0, 3)
      .filter((r) => r.coverage > 0)
      .map((r) => ref(base.entries[r.index]!));

    const refused = outOfScope?.match(fixed, breaks, stems);
    if (refused) {
      const hit = toRuleHit(refused);
      trace.outOfScope = { fired: hit, notes: [] };
      return done({ kind: 'refused', lang, rule: hit, suggestions }, `refused: out-of-scope rule ${hit.id} fired on ${describeHit(hit)}`);
    }

    const parts = clauses(fixed, breaks, language.lexicon, asked);
    const partReadings = parts.length > 1 ? parts.map((part) => ({ ...part, ranked: rankPart(part.start, part.end) })) : [];
    const { chosen, considered } = readings(ranked, partReadings);
    if (traced) {
      trace.readings = considered.map((r): ReadingTrace => ({
        text: r.start === undefined ? 'the whole question' : words.slice(r.start, r.end).join(' '),
        top: r.top ? ids[r.top.index] : undefined,
        confidence: r.confidence,
        ...(r.signals ? { signals: r.signals } : {}),
        note: r.note,
      }));
    }
    if (!chosen) return done({ kind: 'not-found', lang, suggestions }, 'not found: no reading was confident enough');
    const entry = base.entries[chosen.top.index]!;
    const related = entry.related.flatMap((id) => {
      const other = byId.get(id);
      return other ? [ref(other)] : [];
    });
    return done(
      { kind: 'answer', lang, entry, related, confidence: chosen.confidence },
      `answer: ${entry.id} at confidence ${chosen.confidence} from ${describeReading(chosen, words)}`,
    );
  };

  return {
    decide: (question) => run(question, false).decision,
    explain: (question) => run(question, true),
    profile: () => profile,
    entryIds: () => [...ids],
    checkUrgent: (question) => {
      const { words, breaks, sentences } = language.normaliseWithBreaks(question);
      return triage.check({ words: words.map(correct), breaks, sentences });
    },
    knows: (word) => index.vocabulary.has(word),
    language: lang,
  };
}

const TRACE_CANDIDATES = 5;

function candidateTrace(r: RankedEntry, index: SearchIndex, terms: readonly string[]): CandidateTrace {
  const entry = index.entries[r.index]!;
  const matched = [...new Set(terms)].filter((t) => {
    const id = index.termIds.get(t);
    return id !== undefined && index.contains(id, r.index);
  });
  return {
    id: entry.id,
    title: entry.title,
    score: round(r.score),
    bm25: round(r.bm25),
    phrasing: round(r.phrasing),
    coverage: round(r.coverage),
    onTopic: r.onTopic,
    matched,
  };
}

export function toRuleHit(match: ConceptMatch): RuleHit {
  return { id: match.rule.id, label: match.rule.label, concepts: match.concepts, crisis: match.rule.crisis === true };
}

function describeHit(hit: RuleHit): string {
  return Object.entries(hit.concepts)
    .map(([concept, words]) => `${concept} "${words}"`)
    .join(' + ');
}

function describeReading(reading: Reading, words: readonly string[]): string {
  return reading.start === undefined ? 'the whole question' : `the part "${words.slice(reading.start, reading.end).join(' ')}"`;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** One vocabulary for typo correction, so a word is fixed to its nearest neighbour in any of them. */
function mergeVocabularies(...vocabularies: (ReadonlyMap<string, number> | undefined)[]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const vocabulary of vocabularies) {
    for (const [word, count] of vocabulary ?? []) merged.set(word, (merged.get(word) ?? 0) + count);
  }
  return merged;
}
