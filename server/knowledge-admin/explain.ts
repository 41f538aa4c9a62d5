import type { KnowledgeService } from '../../knowledge/index.ts';
import { summariseDecision } from '../answer/explain.ts';
import { toAskResponse } from '../answer/respond.ts';
import type { ExplainResponse, Lang } from '../api/contract.ts';

/** "Try a question": what the visitor would get, the decision in brief, and what every stage of the engine saw. */
export function explainQuestion(knowledge: KnowledgeService, question: string, lang?: Lang): ExplainResponse {
  const { decision, trace } = knowledge.explain(question, lang);
  return { response: toAskResponse(decision, knowledge.profile(decision.lang)), decision: summariseDecision(decision), trace };
}
