import type { Clause } from '../text/clauses.ts';
import { confidenceOf, CONFIDENCE_THRESHOLD } from './confidence.ts';
import type { RankedEntry } from './rank.ts';

/**
 * The reading of the question to answer from. Two questions joined by "and"
 * ("what is an MBB and why would I need one"): the first, the one the
 * visitor leads with, when it asks and is clear on its own. Otherwise the whole
 * question, or, when that is not confident, its most confident part that
 * reads as a question (a long story with one question in it), so context
 * like "my wife is getting the MBB Monday" does not answer for the question.
 */
export function bestReading(whole: readonly RankedEntry[], parts: readonly (Clause & { ranked: readonly RankedEntry[] })[]): Reading | undefined {
  const first = parts.findIndex((_, i) => parts[i + 1]?.joined);
  // Only a lead that asks: "my wife has the MBB monday and what should she eat" leads with context.
  const lead = first >= 0 && parts[first]!.asks ? read(parts[first]!.ranked) : undefined;
  if (lead && lead.confidence >= PART_THRESHOLD) return lead;
  const wholeReading = read(whole);
  if (wholeReading && wholeReading.confidence >= CONFIDENCE_THRESHOLD) return wholeReading;
  const surest = (candidates: typeof parts) =>
    candidates
      .map((part) => read(part.ranked))
      .filter((r): r is Reading => r !== undefined && r.confidence >= PART_THRESHOLD)
      .sort((a, b) => b.confidence - a.confidence)[0];
  return surest(parts.filter((part) => part.asks)) ?? surest(parts);
}

export interface Reading {
  top: RankedEntry;
  confidence: number;
}

function read(ranked: readonly RankedEntry[]): Reading | undefined {
  const [top, second] = ranked;
  // An entry that shares only ordinary words it does not name is no answer, however close the wording.
  return top ? { top, confidence: top.onTopic ? confidenceOf(top, second) : 0 } : undefined;
}

/** A part alone must be surer than a whole question: it ignores the rest of what was said. */
export const PART_THRESHOLD = 0.7;
