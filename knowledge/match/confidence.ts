import type { RankedEntry } from './rank.ts';

/** Answers are given at or above this confidence; below it the visitor gets "I don't know" + callback. */
export const CONFIDENCE_THRESHOLD = 0.5;

/** The scale-free signals confidence is computed from, each 0..1. */
export interface ConfidenceSignals {
  /** Share of the question's informative (idf) mass that the top entry contains. */
  coverage: number;
  /** How closely one of the top entry's own phrasings matches. */
  phrasing: number;
  /** How clearly the top entry beats the runner-up (relative gap, x4, capped). */
  margin: number;
}

export function confidenceSignals(top: RankedEntry, second: RankedEntry | undefined): ConfidenceSignals {
  const gap = second && top.score > 0 ? Math.max(0, (top.score - second.score) / top.score) : 1;
  return { coverage: top.coverage, phrasing: top.phrasing, margin: Math.min(1, gap * 4) };
}

export type ConfidenceWeights = Record<keyof ConfidenceSignals | 'bias', number>;

/**
 * The engine's own estimate that the top entry answers the question, 0..1: a
 * logistic model over the three signals. The weights are refitted with
 * `npm run eval -- --fit` on every labelled set (shared and knowledge/eval/*.jsonl),
 * a wrong answer counted three times as costly as "I don't know"; the
 * fit's held-out accuracy is what the report quotes, not the training fit.
 */
export function confidenceOf(top: RankedEntry, second: RankedEntry | undefined, weights: ConfidenceWeights = CONFIDENCE_WEIGHTS): number {
  return Math.round(1000 * logistic(linear(confidenceSignals(top, second), weights))) / 1000;
}

export function linear(signals: ConfidenceSignals, weights: ConfidenceWeights): number {
  return weights.coverage * signals.coverage + weights.phrasing * signals.phrasing + weights.margin * signals.margin + weights.bias;
}

export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export const CONFIDENCE_WEIGHTS: ConfidenceWeights = { coverage: 2.66, phrasing: 6.09, margin: 2.22, bias: -5.03 };
