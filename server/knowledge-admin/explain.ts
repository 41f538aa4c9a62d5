import type { KnowledgeService } from '../../knowledge/index.ts';
import { normalise } from '../../knowledge/text/normalise.ts';
import type { ExplainResponse, Lang } from '../api/contract.ts';

/** The engine's own `explain(question, lang)` once it has one (the lead's branch adds it). */
type NativeExplain = (question: string, lang?: Lang) => ExplainResponse;

const CANDIDATES = 5;

/**
 * "Try a question": what the visitor would get and why. Uses the engine's
 * `explain` when it exists; until then builds the same shape from today's
 * ranked trace (no typo or lay-term detail, rule ids as labels).
 */
export function explainQuestion(
  knowledge: KnowledgeService,
  question: string,
  lang: Lang,
  titles: ReadonlyMap<string, string>,
): ExplainResponse {
  const native = (knowledge as KnowledgeService & { explain?: NativeExplain }).explain;
  if (typeof native === 'function') return native.call(knowledge, question, lang);

  const explained = knowledge.explainRanked(question);
  const { response } = explained;
  const ids = knowledge.entryIds();
  const rule = explained.rule ? { id: explained.rule, label: explained.rule.replace(/[-_]/g, ' '), words: [] } : undefined;
  const kind =
    response.kind === 'answer' ? 'answer' : response.kind === 'emergency' ? 'urgent' : response.reason === 'out-of-scope' ? 'refused' : 'not-found';
  const candidates = explained.ranked.slice(0, CANDIDATES).map((r) => {
    const id = ids[r.index] ?? String(r.index);
    return { id, title: titles.get(id) ?? id, score: r.score, bm25: r.bm25, phrasing: r.phrasing, coverage: r.coverage, matched: [] };
  });
  const confidence = response.kind === 'answer' ? response.confidence : 0;
  const why = {
    answer: 'the best entry was confident enough to answer',
    urgent: 'an urgent-symptom rule matched before any answer was looked up',
    refused: 'an out-of-scope rule matched, so the visitor is offered a call back',
    'not-found': 'no entry was confident enough, so the visitor is offered a call back',
  }[kind];
  return {
    response,
    decision: {
      kind,
      ...(response.kind === 'answer' ? { entryId: response.answer.id, confidence } : {}),
      ...(rule ? { rule } : {}),
    },
    trace: {
      lang,
      words: normalise(question),
      corrections: [],
      layTerms: [],
      triage: { ...(kind === 'urgent' && rule ? { rule } : {}), notes: [] },
      outOfScope: kind === 'refused' && rule ? { rule } : {},
      candidates,
      reading: { text: question, confidence, why },
    },
  };
}
