import type { Decision } from '../../knowledge/index.ts';
import type { DecisionSummary } from '../api/contract.ts';

/** The decision without the entry's whole text: what staff need to read at a glance. */
export function summariseDecision(decision: Decision): DecisionSummary {
  switch (decision.kind) {
    case 'answer':
      return { kind: 'answer', entryId: decision.entry.id, confidence: decision.confidence };
    case 'urgent':
    case 'refused':
      return { kind: decision.kind, rule: { id: decision.rule.id, label: decision.rule.label, words: Object.values(decision.rule.concepts) } };
    default:
      return { kind: decision.kind };
  }
}
