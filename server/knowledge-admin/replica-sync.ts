import type { RevisionStore, Storage } from '../storage/types.ts';
import type { KnowledgeAdmin } from './live-knowledge.ts';

export interface KnowledgeSyncOptions {
  kb: Pick<KnowledgeAdmin, 'entrySource' | 'saveEntry'>;
  revisions: Pick<RevisionStore, 'lastRevisions' | 'getRevision'>;
  /** The store's change feed (PostgreSQL LISTEN/NOTIFY). */
  watch: NonNullable<Storage['watchRevisions']>;
  log: (message: string) => void;
}

export interface KnowledgeSync {
  /** Resolves once the latest revisions known now are live here (tests, start-up). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps this replica's knowledge base folder in step with the answers saved
 * on any replica. Revisions live in the shared database and a save is
 * announced on its change feed; on each announcement (and on every connect
 * of the feed, since announcements may have been missed) the newest
 * revision of each answer that differs from this replica's file is written
 * into the folder through the same check-and-reload path as a save here.
 *
 * So the database is where browser-edited answers live; the folder is the
 * import (answers never edited in the browser come from it) and the export
 * (every replica's folder holds what is served). The newest revision wins
 * when two replicas save the same answer at once.
 *
 * @example
 * const sync = startKnowledgeSync({ kb, revisions: storage, watch: storage.watchRevisions!, log });
 */
export function startKnowledgeSync({ kb, revisions, watch, log }: KnowledgeSyncOptions): KnowledgeSync {
  const applied = new Map<string, number>();
  let running: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;

  const applyLatest = async () => {
    for (const [entryId, latest] of await revisions.lastRevisions()) {
      if (applied.get(entryId) === latest.id) continue;
      const revision = await revisions.getRevision(entryId, latest.id);
      if (revision && kb.entrySource(entryId) !== revision.source) {
        const result = await kb.saveEntry(entryId, revision.source);
        if (!result.ok) {
          log(`knowledge sync: revision ${revision.id} of ${entryId} is not live here: ${result.problems.map((p) => p.reason).join('; ')}`);
          continue;
        }
        log(`knowledge sync: ${entryId} is now revision ${revision.id} (saved by another replica)`);
      }
      applied.set(entryId, latest.id);
    }
  };

  // One pass at a time; announcements during a pass fold into one more pass after it.
  const sync = (): Promise<void> => {
    queued ??= running.then(() => {
      queued = null;
      return applyLatest().catch((error: Error) => log(`knowledge sync failed, retrying at the next change: ${error.message}`));
    });
    running = queued;
    return queued;
  };

  const stopWatching = watch(() => void sync());
  return {
    settled: () => sync(),
    stop: async () => {
      await stopWatching();
      await running;
    },
  };
}
