import type { ConceptRuleSet } from '../concepts/schema.ts';
import { createEngine, type Engine } from '../engine.ts';
import { LANGUAGES } from '../language/index.ts';
import type { Lang } from '../language/types.ts';
import { KnowledgeBaseError } from '../problems.ts';
import { createRouter, type Router } from '../router.ts';
import type { IndexData } from '../match/build-index.ts';
import { readKnowledgeFolder, type KnowledgeFolder } from './read-folder.ts';

export interface BuildOptions {
  /**
   * Urgent rules for a base that brings none of its own (`urgent.yaml`).
   * The server passes the bundled spine rules, so a clinic's own folder is
   * never without triage; the eval of a public FAQ set passes none.
   */
  fallbackUrgent?: ConceptRuleSet;
}

/**
 * Reads, validates and indexes a folder and its translations into one
 * engine per language behind a router; throws KnowledgeBaseError listing
 * every problem. A translation without its own urgent rules uses the main
 * folder's: an emergency is never missed for want of a file.
 */
export function buildEngine(dir: string, options: BuildOptions = {}): Router {
  const result = readKnowledgeFolder(dir);
  if (!result.folder) throw new KnowledgeBaseError(result.problems);
  return engineFromFolder(result.folder, options);
}

/** The engines of a folder already read; `indexes`: search index data already built per language. */
export function engineFromFolder(folder: KnowledgeFolder, options: BuildOptions = {}, indexes: Partial<Record<Lang, IndexData>> = {}): Router {
  const { bases, missing } = folder;
  const mainUrgent = bases.en.urgent ?? options.fallbackUrgent ?? NO_RULES;
  const engines = new Map<Lang, Engine>();
  for (const [lang, base] of Object.entries(bases) as [Lang, NonNullable<(typeof bases)[Lang]>][]) {
    engines.set(lang, createEngine({ base, triage: base.urgent ?? mainUrgent, language: LANGUAGES[lang], index: indexes[lang] }));
  }
  return createRouter(engines, missing);
}

const NO_RULES: ConceptRuleSet = { concepts: {}, rules: [] };
