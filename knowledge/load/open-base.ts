import type { ConceptRuleSet } from '../concepts/schema.ts';
import { createEngine, type Engine } from '../engine.ts';
import { english } from '../language/en/index.ts';
import { KnowledgeBaseError } from '../problems.ts';
import { readKnowledgeBase } from './read-base.ts';

export interface BuildOptions {
  /**
   * Urgent rules for a base that brings none of its own (`urgent.yaml`).
   * The server passes the bundled spine rules, so a clinic's own folder is
   * never without triage; the eval of a public FAQ set passes none.
   */
  fallbackUrgent?: ConceptRuleSet;
}

/** Reads, validates and indexes a folder; throws KnowledgeBaseError listing every problem. */
export function buildEngine(dir: string, options: BuildOptions = {}): Engine {
  const result = readKnowledgeBase(dir, english);
  if (!result.base) throw new KnowledgeBaseError(result.problems);
  const triage = result.base.urgent ?? options.fallbackUrgent ?? NO_RULES;
  return createEngine({ base: result.base, triage, language: english });
}

const NO_RULES: ConceptRuleSet = { concepts: {}, rules: [] };
