import type { AskResponse, ConfigResponse, SuggestedQuestion } from '../server/api/contract.ts';
import { compileRuleSet } from './concepts/compile.ts';
import type { ConceptRuleSet } from './concepts/schema.ts';
import type { KnowledgeBase } from './load/read-base.ts';
import { analyseWords } from './match/analyse.ts';
import { buildSearchIndex } from './match/build-index.ts';
import { createRanker, type RankedEntry } from './match/rank.ts';
import { bestReading } from './match/reading.ts';
import { answerReply, emergencyReply, fallbackReply } from './reply/replies.ts';
import { COMMON_WORDS } from './text/everyday-words.ts';
import { createLayTermMapper } from './text/lay-terms.ts';
import { clauses } from './text/clauses.ts';
import { normaliseWithBreaks } from './text/normalise.ts';
import { stem } from './text/stem.ts';
import { createTypoCorrector } from './text/typo.ts';

/** One loaded knowledge base, ready to answer. Rebuilt (not mutated) on reload. */
export interface Engine {
  /** Synchronous and cheap: no index building or regex compilation per call. */
  ask(question: string): AskResponse;
  config(): Omit<ConfigResponse, 'languages'>;
  entryIds(): string[];
}

/** What `ask` decided and why; the eval and tests read it, the server does not. */
export interface Explained {
  response: AskResponse;
  /** Triage or out-of-scope rule id that decided, if any. */
  rule?: string;
  ranked: RankedEntry[];
}

export interface ExplainingEngine extends Engine {
  explain(question: string): Explained;
}

/**
 * Builds everything a question needs once (index, typo vocabulary, compiled
 * rules), so `ask` is: triage -> out-of-scope rules -> rank -> calibrated
 * confidence (of the whole question, or of one of its parts: see
 * `bestReading`) -> answer or fallback.
 */
export function createEngine(base: KnowledgeBase, triageRules: ConceptRuleSet): ExplainingEngine {
  const layTerms = createLayTermMapper(base.layTerms.synonyms);
  const index = buildSearchIndex(base.entries, layTerms);
  const ranker = createRanker(index);
  const triage = compileRuleSet(triageRules);
  const outOfScope = base.outOfScope ? compileRuleSet(base.outOfScope) : undefined;
  // Common English words join the vocabulary with the lowest count: a misspelt one ("usualy") becomes
  // itself, and a tie with a knowledge base word goes to the knowledge base.
  const common = new Map([...COMMON_WORDS].map((w) => [w, 0]));
  const correct = createTypoCorrector(mergeVocabularies(index.vocabulary, triage.vocabulary, outOfScope?.vocabulary, common));
  const byId = new Map(base.entries.map((e) => [e.id, e]));
  const suggestion = (i: number): SuggestedQuestion => ({ id: base.entries[i]!.id, question: base.entries[i]!.title });
  const config: Omit<ConfigResponse, 'languages'> = {
    clinic: { name: base.clinic.name, phone: base.clinic.phone, hours: base.clinic.hours, afterHoursPhone: base.clinic.afterHoursPhone },
    greeting: base.clinic.greeting,
    starters: [...base.clinic.starters],
  };
  const ids = base.entries.map((e) => e.id);
  // A word the knowledge base never uses may be another form of a lay term ("golfing" for "golf");
  // words it does use keep their own sense ("burning" pain is not a nerve burn).
  // One list per word position, so clause positions still apply.
  const withStemSynonyms = (words: readonly string[], fixed: readonly string[]): string[][] =>
    words.map((w, i) => (index.vocabulary.has(w) ? undefined : layTerms.byStem(w)) ?? [fixed[i]!]);

  const explain = (question: string): Explained => {
    const { words, breaks } = normaliseWithBreaks(question);
    const fixed = words.map(correct);
    const urgent = triage.match(fixed, breaks);
    if (urgent) return { response: emergencyReply(urgent, base.clinic), rule: urgent.id, ranked: [] };

    const corrected = new Set<string>();
    fixed.forEach((w, i) => {
      if (w !== words[i]) corrected.add(stem(w));
    });
    const prepared = withStemSynonyms(words, fixed);
    const rankPart = (start: number, end: number) => ranker.rank(analyseWords(prepared.slice(start, end).flat(), layTerms), corrected);
    const ranked = rankPart(0, words.length);
    const suggestions = ranked.slice(0, 3).filter((r) => r.coverage > 0).map((r) => suggestion(r.index));

    const refused = outOfScope?.match(fixed, breaks);
    if (refused) return { response: fallbackReply('out-of-scope', base.clinic, suggestions), rule: refused.id, ranked };

    const parts = clauses(fixed, breaks);
    const best = bestReading(ranked, parts.length > 1 ? parts.map((part) => ({ ...part, ranked: rankPart(part.start, part.end) })) : []);
    if (!best) return { response: fallbackReply('not-found', base.clinic, suggestions), ranked };
    const { top, confidence } = best;
    const entry = base.entries[top.index]!;
    const related = entry.related.flatMap((id) => {
      const other = byId.get(id);
      return other ? [{ id, question: other.title }] : [];
    });
    return { response: answerReply(entry, related, confidence), ranked };
  };

  return {
    ask: (question) => explain(question).response,
    explain,
    config: () => config,
    entryIds: () => [...ids],
  };
}

/** One vocabulary for typo correction, so a word is fixed to its nearest neighbour in any of them. */
function mergeVocabularies(...vocabularies: (ReadonlyMap<string, number> | undefined)[]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const vocabulary of vocabularies) {
    for (const [word, count] of vocabulary ?? []) merged.set(word, (merged.get(word) ?? 0) + count);
  }
  return merged;
}
