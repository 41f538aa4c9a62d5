/**
 * The answer engine: loads a knowledge base folder, checks urgent symptoms
 * first, then answers from the entries or falls back to "I don't know" with a
 * callback offer.
 *
 * @example
 * const kb = openKnowledge({ dir: bundledKnowledgeDir(), watch: true });
 * kb.ask('can I drive home after?'); // { kind: 'answer', answer: { id: 'driving-after', ... }, ... }
 * kb.close();
 */
import type { Engine, Explained, ExplainingEngine } from './engine.ts';
import { buildEngine } from './load/open-base.ts';
import { watchKnowledgeDir } from './load/watch.ts';
import { KnowledgeBaseError, type KnowledgeProblem } from './problems.ts';
import { loadTriageRules } from './triage/load-rules.ts';

export { KnowledgeBaseError, formatProblem, type KnowledgeProblem } from './problems.ts';
export type { Explained } from './engine.ts';
export { bundledKnowledgeDir } from './locate.ts';

export interface OpenKnowledgeOptions {
  /** Knowledge base folder (entries/, clinic.yaml, lay-terms.yaml, out-of-scope.yaml). */
  dir: string;
  /** Reload when files change; an invalid change keeps the last good version. Default false. */
  watch?: boolean;
  /** Where reload results and failures go. Default console.error. */
  log?: (message: string) => void;
  /** Urgent triage rules file. Default: the bundled `knowledge/triage/rules.yaml`. */
  triageRulesFile?: string;
}

/** The current knowledge base's engine (`ask` is synchronous and cheap), surviving reloads. */
export interface KnowledgeService extends Engine {
  /** Stops watching. */
  close(): void;
  /** Rebuilds from the folder now (as the watcher does); an invalid folder keeps the last good version. */
  reload(): ReloadResult;
  /** Adapter for the staff "try a question" panel: today's engine trace, until `explain(question, lang)` lands. */
  explainRanked(question: string): Explained;
}

export type ReloadResult = { ok: true; entries: number } | { ok: false; problems: KnowledgeProblem[] };

/** Throws KnowledgeBaseError when the folder (or the triage rules) is invalid at start. */
export function openKnowledge(options: OpenKnowledgeOptions): KnowledgeService {
  const log = options.log ?? ((message: string) => console.error(message));
  const triageRules = loadTriageRules(options.triageRulesFile);
  let engine: ExplainingEngine = buildEngine(options.dir, triageRules);

  const reload = (): ReloadResult => {
    try {
      engine = buildEngine(options.dir, triageRules);
      log(`knowledge base reloaded from ${options.dir} (${engine.entryIds().length} entries)`);
      return { ok: true, entries: engine.entryIds().length };
    } catch (error) {
      const detail = error instanceof KnowledgeBaseError ? error.message : String(error);
      log(`knowledge base change rejected, still serving the previous version:\n${detail}`);
      return { ok: false, problems: error instanceof KnowledgeBaseError ? error.problems : [{ file: options.dir, reason: String(error) }] };
    }
  };
  const stop = options.watch ? watchKnowledgeDir(options.dir, reload) : () => undefined;

  return {
    ask: (question) => engine.ask(question),
    config: () => engine.config(),
    entryIds: () => engine.entryIds(),
    close: stop,
    reload,
    explainRanked: (question) => engine.explain(question),
  };
}
