/**
 * The answer engine: loads a knowledge base folder, checks urgent symptoms
 * first, then answers from the entries or falls back to "I don't know" with a
 * callback offer. It returns a Decision (what to reply) and, on request, a
 * Trace (why); the server turns the Decision into the wire response.
 *
 * @example
 * const kb = openKnowledge({ dir: bundledKnowledgeDir(), watch: true });
 * kb.decide('can I drive home after?'); // { kind: 'answer', entry: { id: 'driving-after', ... }, confidence: 0.93, ... }
 * kb.explain('can I drive home after?').trace.summary; // 'answer: driving-after at confidence 0.93 from the whole question'
 * kb.close();
 */
import type { Decision, Explanation } from './decision.ts';
import { buildEngineInWorker, WorkerBuildError } from './load/build-in-worker.ts';
import { buildEngine } from './load/open-base.ts';
import { watchKnowledgeDir } from './load/watch.ts';
import { KnowledgeBaseError, type KnowledgeProblem } from './problems.ts';
import type { Lang } from './language/types.ts';
import type { Profile } from './reply/profile.ts';
import type { Router } from './router.ts';
import { loadTriageRules } from './triage/load-rules.ts';

export type { CandidateTrace, Care, Decision, EntryRef, Explanation, Report, RuleHit, SmallTalk, Trace } from './decision.ts';
export type { Lang } from './language/types.ts';
export { LANGS } from './language/types.ts';
export type { Profile } from './reply/profile.ts';
export type { ReplyWording } from './reply/wording.ts';
export { KnowledgeBaseError, formatProblem, type KnowledgeProblem } from './problems.ts';
export { bundledKnowledgeDir } from './locate.ts';

export interface OpenKnowledgeOptions {
  /** Knowledge base folder (entries/, clinic.yaml, lay-terms.yaml, out-of-scope.yaml, urgent.yaml). */
  dir: string;
  /** Reload when files change; an invalid change keeps the last good version. Default false. */
  watch?: boolean;
  /** Where reload results and failures go. Default console.error. */
  log?: (message: string) => void;
  /** Urgent rules for a base without its own `urgent.yaml`. Default: the bundled spine base's. */
  triageRulesFile?: string;
}

/** The current knowledge base's engines (`decide` is synchronous and cheap), surviving reloads. */
export interface KnowledgeService {
  /** `lang`: the interface language, a hint for short or mixed messages; the reply follows the question's language. */
  decide(question: string, lang?: Lang): Decision;
  explain(question: string, lang?: Lang): Explanation;
  profile(lang?: Lang): Profile;
  entryIds(): string[];
  languages(): Lang[];
  /** Per translation, the entries it lacks (they are answered only in English). */
  missingTranslations(): Partial<Record<Lang, string[]>>;
  /** Stops watching. */
  close(): void;
  /**
   * Rebuilds from the folder now, on this thread (it blocks for seconds on a 10k-entry base); an
   * invalid folder keeps the last good version. The fallback when a worker thread cannot build.
   */
  reload(): ReloadResult;
  /**
   * Rebuilds from the folder in a worker thread (as the watcher does) and swaps the new version in
   * at once when it is ready; questions are answered by the current version meanwhile. A call
   * during a build queues one more build after it (the files may have changed again), never more.
   */
  reloadInBackground(): Promise<ReloadResult>;
}

export type ReloadResult = { ok: true; entries: number } | { ok: false; problems: KnowledgeProblem[] };

/** Throws KnowledgeBaseError when the folder (or the triage rules) is invalid at start. */
export function openKnowledge(options: OpenKnowledgeOptions): KnowledgeService {
  const log = options.log ?? ((message: string) => console.error(message));
  const fallbackUrgent = loadTriageRules(options.triageRulesFile);
  let engine: Router = buildEngine(options.dir, { fallbackUrgent });

  // Builds are numbered as they start: one that finishes after a later one (a synchronous reload
  // during a background build) must not swap older files back in.
  let started = 0;
  let swapped = 0;
  const swap = (next: Router, build: number): ReloadResult => {
    if (build < swapped) return { ok: true, entries: engine.entryIds().length };
    swapped = build;
    engine = next;
    log(`knowledge base reloaded from ${options.dir} (${engine.entryIds().length} entries)`);
    return { ok: true, entries: engine.entryIds().length };
  };
  const reject = (error: unknown): ReloadResult => {
    const detail = error instanceof KnowledgeBaseError ? error.message : String(error);
    log(`knowledge base change rejected, still serving the previous version:\n${detail}`);
    return { ok: false, problems: error instanceof KnowledgeBaseError ? error.problems : [{ file: options.dir, reason: String(error) }] };
  };
  const reload = (): ReloadResult => {
    try {
      const build = ++started;
      return swap(buildEngine(options.dir, { fallbackUrgent }), build);
    } catch (error) {
      return reject(error);
    }
  };
  const buildAndSwap = async (): Promise<ReloadResult> => {
    try {
      const build = ++started;
      return swap(await buildEngineInWorker(options.dir, { fallbackUrgent }), build);
    } catch (error) {
      if (!(error instanceof WorkerBuildError)) return reject(error);
      log(`${error.message}; rebuilding on the main thread`);
      return reload();
    }
  };
  let running: Promise<ReloadResult> | undefined;
  let queued: Promise<ReloadResult> | undefined;
  const reloadInBackground = (): Promise<ReloadResult> => {
    if (!running) {
      running = buildAndSwap().finally(() => {
        running = undefined;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = undefined;
      return reloadInBackground();
    });
    return queued;
  };
  const stop = options.watch ? watchKnowledgeDir(options.dir, () => void reloadInBackground()) : () => undefined;

  return {
    decide: (question, lang) => engine.decide(question, lang),
    explain: (question, lang) => engine.explain(question, lang),
    profile: (lang) => engine.profile(lang),
    entryIds: () => engine.entryIds(),
    languages: () => engine.languages(),
    missingTranslations: () => engine.missingTranslations(),
    close: stop,
    reload,
    reloadInBackground,
  };
}
