import type { Lang } from '../language/types.ts';
import type { Router } from '../router.ts';
import { CONFIDENCE_THRESHOLD, type ConfidenceWeights } from '../match/confidence.ts';
import { answers, type FitRow } from './fit.ts';
import { judge, summarise, type EvalOutcome, type EvalQuestion, type EvalSummary } from './score.ts';

export interface ExplainedOutcome extends EvalOutcome {
  /** Triage or out-of-scope rule that decided, if any. */
  rule?: string;
  confidence?: number;
  /** The engine's one-line reason. */
  summary: string;
  /** For questions the confidence decides: its signals and whether the top entry is right. */
  row?: FitRow;
}

/** Asks every question (a labelled language is the interface-language hint) and keeps what the confidence fit needs. */
export function runSet(engine: Pick<Router, 'explain'>, questions: readonly EvalQuestion[]): ExplainedOutcome[] {
  return questions.map((question) => {
    const { decision, trace } = engine.explain(question.q, question.lang as Lang | undefined);
    const rule = decision.kind === 'urgent' || decision.kind === 'refused' ? decision.rule.id : undefined;
    const reading = trace.readings.find((r) => r.note.startsWith('chosen')) ?? trace.readings.find((r) => r.text === 'the whole question');
    const row =
      decision.kind === 'answer' || decision.kind === 'not-found'
        ? reading?.signals && reading.top
          ? { signals: reading.signals, right: question.expect === 'answer' && (question.ids ?? []).includes(reading.top) }
          : undefined
        : undefined;
    return {
      ...judge(question, decision),
      rule,
      confidence: decision.kind === 'answer' ? decision.confidence : undefined,
      summary: trace.summary,
      row,
    };
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
      if (o.rule || o.question.expect === 'emergency' || o.question.expect === 'ordinary') return o;
      const answered = o.row !== undefined && answers(o.row.signals, weights, CONFIDENCE_THRESHOLD);
      const ok = o.question.expect === 'answer' ? answered && o.row!.right : !answered;
      return { ...o, ok };
    }),
  );
}
