import type { Clause } from '../text/clauses.ts';
import { confidenceOf, confidenceSignals, CONFIDENCE_THRESHOLD, type ConfidenceSignals } from './confidence.ts';
import type { RankedEntry } from './rank.ts';

/** One way to read the question: the whole of it (no `start`), or one part. */
export interface Reading {
  top: RankedEntry;
  confidence: number;
  /** What the confidence was computed from (`npm run eval -- --fit` refits on these). */
  signals: ConfidenceSignals;
  start?: number;
  end?: number;
}

/** A reading as the trace shows it, chosen or not. */
export interface ConsideredReading {
  top?: RankedEntry;
  confidence: number;
  signals?: ConfidenceSignals;
  start?: number;
  end?: number;
  note: string;
}

/**
 * The reading of the question to answer from. Two questions joined by "and"
 * ("what is an MBB and why would I need one"): the first, the one the
 * visitor leads with, when it asks and is clear on its own. Otherwise the whole
 * question, or, when that is not confident, its most confident part that
 * reads as a question (a long story with one question in it), so context
 * like "my wife is getting the MBB Monday" does not answer for the question.
 * Returns every reading it weighed, for the trace.
 */
export function readings(
  whole: readonly RankedEntry[],
  parts: readonly (Clause & { ranked: readonly RankedEntry[] })[],
): { chosen: Reading | undefined; considered: ConsideredReading[] } {
  const considered: ConsideredReading[] = [];
  const pick = (reading: Reading, note: string) => {
    considered.push({ ...reading, note });
    return { chosen: reading, considered };
  };
  const first = parts.findIndex((_, i) => parts[i + 1]?.joined);
  // Only a lead that asks: "my wife has the MBB monday and what should she eat" leads with context.
  const leadPart = first >= 0 && parts[first]!.asks ? parts[first]! : undefined;
  const lead = leadPart && read(leadPart.ranked, leadPart);
  if (lead && lead.confidence >= PART_THRESHOLD) return pick(lead, 'chosen: the first of two questions, clear on its own');
  if (lead) considered.push({ ...lead, note: `the first of two questions, below the part threshold ${PART_THRESHOLD}` });

  const wholeReading = read(whole);
  if (wholeReading && wholeReading.confidence >= CONFIDENCE_THRESHOLD) return pick(wholeReading, 'chosen: the whole question is confident');
  considered.push({ ...(wholeReading ?? { confidence: 0 }), note: `the whole question, below the threshold ${CONFIDENCE_THRESHOLD}` });

  const partReadings = parts.map((part) => ({ part, reading: read(part.ranked, part) }));
  const surest = () =>
    partReadings
      .filter(({ part, reading }) => part.asks && reading !== undefined && reading.confidence >= PART_THRESHOLD)
      .sort((a, b) => b.reading!.confidence - a.reading!.confidence)[0]?.reading;
  // Only a part that asks: a part that tells ("she had her shots this morning") is context, never the question.
  const asked = surest();
  if (asked) return pick(asked, 'chosen: the most confident part that asks');
  for (const { reading } of partReadings) if (reading) considered.push({ ...reading, note: `a part, below the part threshold ${PART_THRESHOLD}` });
  return { chosen: undefined, considered };
}

function read(ranked: readonly RankedEntry[], part?: Clause): Reading | undefined {
  const [top, second] = ranked;
  if (!top) return undefined;
  // An entry that shares only ordinary words it does not name is no answer, however close the wording;
  // nor is a part that shares only words nearly every entry uses ("igual voy al bloqueo").
  const confidence = top.onTopic && (!part || top.bm25 >= PART_MIN_BM25) ? confidenceOf(top, second) : 0;
  const signals = confidenceSignals(top, second);
  return part ? { top, confidence, signals, start: part.start, end: part.end } : { top, confidence, signals };
}

/** A part alone must be surer than a whole question: it ignores the rest of what was said. */
export const PART_THRESHOLD = 0.7;

/**
 * A part's top entry must hold at least this BM25 share of the part's words: a part whose only topic
 * word is the base's own subject ("bloqueo" is in every entry) has a close phrasing in many entries
 * and says nothing about which. The whole question keeps no such floor: its context is all there.
 */
const PART_MIN_BM25 = 0.2;
