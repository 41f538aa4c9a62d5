import type { ConceptRuleSet } from '../concepts/schema.ts';
import { createEngine, type ExplainingEngine } from '../engine.ts';
import { KnowledgeBaseError } from '../problems.ts';
import { readKnowledgeBase } from './read-base.ts';

/** Reads, validates and indexes a folder; throws KnowledgeBaseError listing every problem. */
export function buildEngine(dir: string, triageRules: ConceptRuleSet): ExplainingEngine {
  const result = readKnowledgeBase(dir);
  if (!result.base) throw new KnowledgeBaseError(result.problems);
  return createEngine(result.base, triageRules);
}
