import type { ConceptRuleSet } from '../concepts/schema.ts';
import { createEngine, type ExplainingEngine } from '../engine.ts';
import { KnowledgeBaseError } from '../problems.ts';
import { readKnowledgeBase } from './read-base.ts';

/** Reads, validates and indexes a folder; throws KnowledgeBaseError listing every problem. */
export function buildEngine(dir: string, triageRules: ConceptRuleSet): ExplainingEngine {
  const result = readKnowledgeBase(dir);
  if (!result.base) throw new KnowledgeBaseError(result.problems);
  const engine = createEngine(result.base, triageRules);
  const { openingHours } = result.base.clinic;
  if (!openingHours) return engine;
  // The engine's config names its clinic fields one by one; structured hours ride along from here.
  const config = engine.config();
  const withHours = { ...config, clinic: { ...config.clinic, openingHours } };
  return { ...engine, config: () => withHours };
}
