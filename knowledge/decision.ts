/**
 * The answer engine's boundary: what it decided (a Decision) and what each
 * stage saw on the way (a Trace). The server turns a Decision into the wire
 * response; staff tools and tests read the Trace to see why.
 */
import type { Lang } from './language/types.ts';
import type { KnowledgeEntry } from './load/read-base.ts';

/** An entry named by a decision: enough to offer it as a next question. */
export interface EntryRef {
  id: string;
  title: string;
}

/** A staff-reviewable rule that fired, with the words of the message that made it fire. */
export interface RuleHit {
  id: string;
  label: string;
  /** Each concept of the alternative that fired, with the words that matched it. */
  concepts: Record<string, string>;
  /** The 988 crisis line first (self-harm). */
  crisis: boolean;
}

/**
 * What the urgent gate asks of the visitor: `emergency` 911 and the
 * after-hours line; `crisis` the 988 Lifeline first; `unsure` (a red flag
 * reported now, but weakly evidenced) emergency guidance together with the
 * clinic's numbers: get checked now.
 */
export type Care = 'emergency' | 'crisis' | 'unsure';

/** How the urgent gate read what a message reports. */
export type Report = 'now' | 'history' | 'hypothetical' | 'fear' | 'idiom' | 'chronic' | 'denied';

export type Decision =
  /**
   * Urgent symptoms: emergency guidance only, never a FAQ answer. `unsure`: a
   * red flag reported now on weak evidence (see `Care`).
   */
  | { kind: 'urgent'; lang: Lang; rule: RuleHit; care: Care }
  /** A kind of question the chat must not answer (booking, a bill, dosing...): callback form. */
  | { kind: 'refused'; lang: Lang; rule: RuleHit; suggestions: EntryRef[] }
  /** Greetings, thanks, goodbyes and complaints: a short friendly reply. */
  | { kind: 'small-talk'; lang: Lang; intent: SmallTalk }
  /** Nothing confident: "I don't know" plus the callback form, never a guess. */
  | { kind: 'not-found'; lang: Lang; suggestions: EntryRef[] }
  | { kind: 'answer'; lang: Lang; entry: KnowledgeEntry; related: EntryRef[]; confidence: number };

export type SmallTalk = 'greeting' | 'thanks' | 'goodbye' | 'complaint';

/** One word the typo corrector or the lay terms changed. */
export interface WordChange {
  from: string;
  to: string;
}

/** A candidate entry with every signal the decision weighed. */
export interface CandidateTrace {
  id: string;
  title: string;
  /** Combined lexical score the candidates are ordered by. */
  score: number;
  /** BM25 share of the question's informative mass. */
  bm25: number;
  /** Best overlap with one of the entry's own phrasings, 0..1. */
  phrasing: number;
  /** Share of the question's informative mass this entry contains, 0..1. */
  coverage: number;
  /** Sentence similarity to the entry's nearest phrasing, 0..1, when the semantic stage ran. */
  semantic?: number;
  /** False when only ordinary words it does not name matched. */
  onTopic: boolean;
  /** The question's (stemmed) words this entry contains. */
  matched: string[];
}

/** One way of reading the question: the whole of it, or one of its parts. */
export interface ReadingTrace {
  text: string;
  /** Best entry for this reading. */
  top?: string;
  confidence: number;
  /** The signals the confidence was computed from. */
  signals?: { coverage: number; phrasing: number; margin: number };
  /** Why this reading was or was not the one answered. */
  note: string;
}

export interface RuleStageTrace {
  fired?: RuleHit;
  notes: string[];
}

export interface Trace {
  question: string;
  lang: { chosen: Lang; hint?: Lang; detected?: Lang; note: string };
  /** The question as normalised words. */
  words: string[];
  corrections: WordChange[];
  layTerms: WordChange[];
  triage: RuleStageTrace & { report?: Report; unsure?: RuleHit };
  outOfScope: RuleStageTrace;
  candidates: CandidateTrace[];
  readings: ReadingTrace[];
  semantic?: { ran: boolean; note: string };
  /** One line: why this decision. */
  summary: string;
}

export interface Explanation {
  decision: Decision;
  trace: Trace;
}
