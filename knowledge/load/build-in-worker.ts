import { Worker } from 'node:worker_threads';
import type { Lang } from '../language/types.ts';
import type { IndexData } from '../match/build-index.ts';
import { KnowledgeBaseError, type KnowledgeProblem } from '../problems.ts';
import type { Router } from '../router.ts';
import { engineFromFolder, type BuildOptions } from './open-base.ts';
import type { KnowledgeFolder } from './read-folder.ts';
import { workerEntry } from './worker-entry.ts';

export interface BuildRequest {
  dir: string;
}

export type BuildReply =
  | { ok: true; folder: KnowledgeFolder; indexes: Partial<Record<Lang, IndexData>> }
  | { ok: false; problems: KnowledgeProblem[] };

/** The worker could not build (it failed to start, crashed or ran out of memory): not a problem of the folder. */
export class WorkerBuildError extends Error {}

/**
 * `buildEngine` with the slow part (reading, validating and indexing every
 * file) in a worker thread, so the main thread keeps answering. What is left
 * here runs when the worker replies: the folder and index data arrive (typed
 * arrays transferred), then the rule sets, typo corrector and ranker tables
 * are built from them. One worker per build, ended when it replies, so its
 * memory is returned at once. Rejects with KnowledgeBaseError for an invalid
 * folder and WorkerBuildError when the worker itself failed.
 */
export function buildEngineInWorker(dir: string, options: BuildOptions = {}): Promise<Router> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerEntry(import.meta.url, 'kb-build-worker'), { workerData: { dir } satisfies BuildRequest, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    } catch (error) {
      reject(new WorkerBuildError(`cannot start the knowledge base build worker: ${(error as Error).message}`));
      return;
    }
    let settled = false;
    worker.once('message', (reply: BuildReply) => {
      settled = true;
      void worker.terminate();
      if (!reply.ok) reject(new KnowledgeBaseError(reply.problems));
      else {
        try {
          resolve(engineFromFolder(reply.folder, options, reply.indexes));
        } catch (error) {
          reject(error);
        }
      }
    });
    worker.once('error', (error) => {
      settled = true;
      reject(new WorkerBuildError(`knowledge base build worker failed: ${error.message}`));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new WorkerBuildError(`knowledge base build worker exited (code ${code}) without a result`));
    });
  });
}

/** A cap on the worker's heap, far above what a folder at the entry limit needs (a 10k-entry build peaks at about 150 MB more RSS). */
const WORKER_HEAP_MB = 2048;
