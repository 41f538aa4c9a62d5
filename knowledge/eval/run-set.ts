import type { ExplainingEngine } from '../engine.ts';
import { CONFIDENCE_THRESHOLD, confidenceSignals, type ConfidenceWeights } from '../match/confidence.ts';
import { answers, type FitRow } from './fit.ts';
import { judge, summarise, type EvalOutcome, type EvalQuestion, type EvalSummary } from './score.ts';

export interface ExplainedOutcome extends EvalOutcome {
  /** Triage or out-of-scope rule that decided, if any. */
  rule?: string;
  confidence?: number;
  /** For questions the confidence decides: its signals and whether the top entry is right. */
  row?: FitRow;
}

/** Asks every question and keeps what the confidence fit needs. */
export function runSet(engine: ExplainingEngine, questions: readonly EvalQuestion[]): ExplainedOutcome[] {
  const ids = engine.entryIds();
  return questions.map((question) => {
    const { response, rule, ranked } = engine.explain(question.q);
    const [top, second] = ranked;
    const row =
      !rule && top ? { signals: confidenceSignals(top, second), right: question.expect === 'answer' && (question.ids ?? []).includes(ids[top.index]!) } : undefined;
    return { ...judge(question, response), rule, confidence: response.kind === 'answer' ? response.confidence : undefined, row };
  });
}

/**
 * Scores outcomes as if the engine used `weights`: rule decisions stay, the
 * rest answer when the re-computed confidence clears the threshold. Used to
 * measure a fit on a set it was not fitted on.
 */
export function rescore(outcomes: readonly ExplainedOutcome[], weights: ConfidenceWeights): EvalSummary {
  return summarise(
    outcomes.map((o) => {
      if (o.rule || o.question.expect === 'emergency') return o;
      const answered = o.row !== undefined && answers(o.row.signals, weights, CONFIDENCE_THRESHOLD);
      const ok = o.question.expect === 'answer' ? answered && o.row!.right : !answered;
      return { ...o, ok };
    }),
  );
}
