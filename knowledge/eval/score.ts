import type { AskResponse } from '../../server/api/contract.ts';

/** One labelled line of an eval set (`questions.jsonl`). */
export interface EvalQuestion {
  q: string;
  expect: 'answer' | 'fallback' | 'emergency';
  /** For `answer`: the entry ids that count as right. */
  ids?: string[];
}

export interface EvalOutcome {
  question: EvalQuestion;
  /** What came back: the answered entry id, or the kind. */
  got: string;
  ok: boolean;
}

export interface EvalBucket {
  total: number;
  right: number;
  /** right / total, 1 when the bucket is empty. */
  rate: number;
}

export interface EvalSummary {
  answers: EvalBucket;
  outOfScope: EvalBucket;
  urgent: EvalBucket;
}

/**
 * Judges one response: an answer is right only when it is an answer with one
 * of the labelled ids; out-of-scope questions must get a fallback; urgent
 * ones an emergency reply.
 */
export function judge(question: EvalQuestion, response: AskResponse): EvalOutcome {
  const got = response.kind === 'answer' ? response.answer.id : response.kind;
  const ok =
    question.expect === 'answer'
      ? response.kind === 'answer' && (question.ids ?? []).includes(response.answer.id)
      : response.kind === question.expect;
  return { question, got, ok };
}

export function summarise(outcomes: readonly EvalOutcome[]): EvalSummary {
  const bucket = (expect: EvalQuestion['expect']): EvalBucket => {
    const mine = outcomes.filter((o) => o.question.expect === expect);
    const right = mine.filter((o) => o.ok).length;
    return { total: mine.length, right, rate: mine.length ? right / mine.length : 1 };
  };
  return { answers: bucket('answer'), outOfScope: bucket('fallback'), urgent: bucket('emergency') };
}

/** Parses JSON lines, naming the line of any malformed one. */
export function parseEvalSet(text: string): EvalQuestion[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      const value = JSON.parse(line) as EvalQuestion;
      if (typeof value.q !== 'string' || !['answer', 'fallback', 'emergency'].includes(value.expect)) {
        throw new Error(`line ${n}: expected {"q": string, "expect": "answer"|"fallback"|"emergency", "ids"?: string[]}`);
      }
      return value;
    });
}
