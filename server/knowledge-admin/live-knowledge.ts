import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { KnowledgeBaseError, openKnowledge, type KnowledgeProblem, type KnowledgeService, type ReloadResult } from '../../knowledge/index.ts';
import { folderWarnings } from '../../knowledge/load/folder-warnings.ts';
import { placeholderValues } from '../../knowledge/load/placeholders.ts';
import { CLINIC_FILE, readKnowledgeBase } from '../../knowledge/load/read-base.ts';
import { clinicSchema, type ClinicProfile } from '../../knowledge/load/schemas.ts';
import { staffWording } from '../../knowledge/load/staff-wording.ts';
import { watchKnowledgeDir } from '../../knowledge/load/watch.ts';
import { formatProblem } from '../../knowledge/problems.ts';
import type { KbStatus } from '../api/contract.ts';
import type { Clock } from '../clock.ts';
import { entryPath, readRawEntries, writeFileAtomic, type RawEntry } from './entry-files.ts';
import { copyKnowledgeFolder, copyKnowledgeFolderInBackground } from './last-good.ts';

export interface LiveKnowledgeOptions {
  /** The knowledge base folder staff and tools edit. */
  dir: string;
  /** Where the last good copy is kept (`<dataDir>/knowledge-last-good`). */
  dataDir: string;
  clock: Clock;
  /** Reload when files change. Default true. */
  watch?: boolean;
  /**
   * Write the last good copy after each good build. Default true; in a
   * cluster only one worker does, so no two processes rebuild the same folder at once.
   */
  keepLastGood?: boolean;
  log?: (message: string) => void;
}

export type CandidateResult = { ok: true } | { ok: false; problems: KnowledgeProblem[]; elsewhere: boolean };

export interface KnowledgeAdmin {
  /** Answers questions from whatever version is live. */
  readonly service: KnowledgeService;
  status(): KbStatus;
  /** Builds the folder on disk and makes it live if it is valid. */
  refresh(): ReloadResult;
  /** Entries as written on disk. */
  entries(): RawEntry[];
  /** The file text of `entries/<id>.md`, or `null`. */
  entrySource(id: string): string | null;
  /** Problems the folder would have with `text` as `entries/<id>.md`, in staff wording; nothing is written. */
  checkEntry(id: string, text: string): CandidateResult;
  /** Checks, then writes atomically and makes it live (built in a worker thread); on any problem nothing changes. */
  saveEntry(id: string, text: string): Promise<CandidateResult & { created?: boolean }>;
  close(): void;
}

/**
 * The knowledge base as the server serves it while staff change it. A folder
 * that fails to build never stops the server if a last good copy exists (it
 * is kept under DATA_DIR after every good build): that copy is served and the
 * problems are shown on the status panel until the folder is fixed.
 *
 * @example
 * const kb = openLiveKnowledge({ dir: config.knowledgeDir, dataDir: config.dataDir, clock });
 * kb.service.decide('can I drive after?');
 */
export function openLiveKnowledge(options: LiveKnowledgeOptions): KnowledgeAdmin {
  const { dir, clock } = options;
  const log = options.log ?? ((m: string) => console.error(m));
  const lastGood = join(options.dataDir, 'knowledge-last-good');
  const keepLastGood = () => {
    if (options.keepLastGood !== false) copyKnowledgeFolder(dir, lastGood);
  };
  let problems: KnowledgeProblem[] = [];
  let servingLastGood = false;
  let service: KnowledgeService;
  try {
    service = openKnowledge({ dir, log });
    keepLastGood();
  } catch (error) {
    if (!(error instanceof KnowledgeBaseError) || !existsSync(lastGood)) throw error;
    service = openKnowledge({ dir: lastGood, log });
    servingLastGood = true;
    problems = error.problems;
    log(`knowledge base ${dir} is invalid; serving the last good copy from ${lastGood}:\n${error.message}`);
  }
  let lastReload: KbStatus['lastReload'] = { at: clock.now().toISOString(), ok: !servingLastGood, entries: service.entryIds().length };

  const settle = (result: ReloadResult): ReloadResult => {
    problems = result.ok ? [] : result.problems;
    lastReload = { at: clock.now().toISOString(), ok: result.ok, entries: service.entryIds().length };
    return result;
  };
  /** Back from the last good copy to the folder, once it builds. */
  const leaveLastGood = (): ReloadResult => {
    try {
      const fresh = openKnowledge({ dir, log });
      service.close();
      service = fresh;
      servingLastGood = false;
      return { ok: true, entries: fresh.entryIds().length };
    } catch (error) {
      if (!(error instanceof KnowledgeBaseError)) throw error;
      return { ok: false, problems: error.problems };
    }
  };
  const refresh = (): ReloadResult => {
    const result = settle(servingLastGood ? leaveLastGood() : service.reload());
    if (result.ok) keepLastGood();
    return result;
  };
  let copying: Promise<void> = Promise.resolve();
  // The watcher's path: the build runs in a worker thread and the copy in the thread pool, so requests are answered meanwhile.
  const refreshInBackground = async (): Promise<ReloadResult> => {
    const result = settle(servingLastGood ? leaveLastGood() : await service.reloadInBackground());
    if (result.ok && options.keepLastGood !== false) {
      // One copy at a time, in reload order, so the last good copy ends as the latest good folder.
      copying = copying.catch(() => undefined).then(() => copyKnowledgeFolderInBackground(dir, lastGood));
      await copying;
    }
    return result;
  };
  const stopWatching = options.watch === false ? () => undefined : watchKnowledgeDir(dir, () => {
    refreshInBackground().catch((error: unknown) => log(`knowledge base reload failed: ${String(error)}`));
  });

  const wording = (list: KnowledgeProblem[], fileOf: (p: KnowledgeProblem) => string | undefined = () => undefined) => {
    const ids = service.entryIds();
    return list.map((p) => {
      const path = join(dir, p.file);
      const fileText = fileOf(p) ?? (p.file.endsWith('.md') || p.file.endsWith('.yaml') ? safeRead(path) : undefined);
      return staffWording(p, { entryIds: ids, ...(fileText === undefined ? {} : { fileText }) });
    });
  };

  const checkEntry = (id: string, text: string): CandidateResult => {
    const scratch = mkdtempSync(join(options.dataDir, 'kb-check-'));
    try {
      copyKnowledgeFolder(dir, join(scratch, 'kb'));
      writeFileSync(entryPath(join(scratch, 'kb'), id), text);
      const after = readKnowledgeBase(join(scratch, 'kb')).problems;
      if (after.length === 0) return { ok: true };
      // Problems the folder had before this change are not this change's fault: they block it, but elsewhere.
      const before = new Set(readKnowledgeBase(dir).problems.filter((p) => p.file !== `entries/${id}.md`).map(formatProblem));
      const caused = after.filter((p) => !before.has(formatProblem(p)));
      const file = `entries/${id}.md`;
      return {
        ok: false,
        elsewhere: caused.length === 0,
        problems: wording(caused.length > 0 ? caused : after, (p) => (p.file === file ? text : undefined)),
      };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  };

  return {
    service: {
      decide: (question, lang) => service.decide(question, lang),
      explain: (question, lang) => service.explain(question, lang),
      profile: (lang) => service.profile(lang),
      entryIds: () => service.entryIds(),
      languages: () => service.languages(),
      missingTranslations: () => service.missingTranslations(),
      reload: refresh,
      reloadInBackground: refreshInBackground,
      close() {
        stopWatching();
        service.close();
      },
    },
    status() {
      const base = readKnowledgeBase(dir);
      const current = base.problems.length > 0 ? base.problems : problems;
      const clinic = base.base?.clinic ?? readClinic(dir);
      return {
        lastReload,
        servingLastGood,
        problems: wording(current),
        warnings: folderWarnings(dir),
        placeholders: clinic ? [...placeholderValues(clinic)].map(([name, value]) => ({ name, value })) : [],
      };
    },
    refresh,
    entries: () => readRawEntries(dir),
    entrySource: (id) => safeRead(entryPath(dir, id)) ?? null,
    checkEntry,
    async saveEntry(id, text) {
      const check = checkEntry(id, text);
      if (!check.ok) return check;
      const path = entryPath(dir, id);
      const created = !existsSync(path);
      const previous = created ? null : readFileSync(path, 'utf8');
      writeFileAtomic(path, text);
      // Built in the worker thread like a watcher's reload: questions are answered meanwhile.
      const live = await refreshInBackground();
      if (live.ok) return { ok: true, created };
      // Someone changed another file in between: put this one back, so a failed save changes nothing.
      if (previous === null) rmSync(path, { force: true });
      else writeFileAtomic(path, previous);
      await refreshInBackground();
      return { ok: false, elsewhere: true, problems: wording(live.problems) };
    },
    close() {
      stopWatching();
      service.close();
    },
  };
}

/** The clinic profile alone, so placeholders are offered even while another file is broken. */
function readClinic(dir: string): ClinicProfile | undefined {
  try {
    const parsed = clinicSchema.safeParse(parseYaml(readFileSync(join(dir, CLINIC_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
