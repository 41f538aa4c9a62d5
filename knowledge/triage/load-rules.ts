import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { conceptRuleSetSchema, type ConceptRuleSet } from '../concepts/schema.ts';
import { zodProblems } from '../load/zod-problems.ts';
import { locateBundled } from '../locate.ts';
import { KnowledgeBaseError } from '../problems.ts';

/** The bundled spine base's urgent rules: the default for a base that brings none. */
export function bundledTriageRulesFile(): string {
  return locateBundled('knowledge/base/urgent.yaml');
}

/** Reads and validates a triage rules file; throws KnowledgeBaseError naming what is wrong. */
export function loadTriageRules(file: string = bundledTriageRulesFile()): ConceptRuleSet {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KnowledgeBaseError([{ file, reason: `cannot read triage rules: ${(error as Error).message.split('\n')[0]}` }]);
  }
  const parsed = conceptRuleSetSchema.safeParse(data);
  if (!parsed.success) throw new KnowledgeBaseError(zodProblems(file, parsed.error));
  return parsed.data;
}
