import { Worker } from 'node:worker_threads';
import { workerEntry } from '../../../knowledge/load/worker-entry.ts';
import { StorageUnavailableError } from '../errors.ts';
import type { WriteCall, WriteOp, WriteOps, WriteReply, WriteRequest } from './write-ops.ts';

export interface WriterThread {
  /** Runs `op` in the writer thread; resolves once the transaction holding it has committed (fsync'd). */
  run<K extends WriteOp>(op: K, ...args: Parameters<WriteOps[K]>): Promise<ReturnType<WriteOps[K]>>;
  /** Lets every write already sent commit, then closes the thread's connection. */
  close(): Promise<void>;
}

/** A failure sent back by the thread, with its SQLite code, so the storage guard can tell a disk problem from a bug. */
function received(error: { message: string; code?: string }): Error {
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
}

/**
 * Starts the writer thread for the database `file` (already migrated). The
 * event loop only posts a message per write and reads the reply: the
 * commit's fsync, which can take tens of milliseconds, happens elsewhere.
 * Should the thread die, its pending writes fail (503: not acknowledged)
 * and the next write starts a new one.
 *
 * @example
 * const writer = startWriterThread(databasePath('./data'));
 * const stored = await writer.run('createCallback', callback);
 */
export function startWriterThread(file: string): WriterThread {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let worker: Worker | null = null;

  const failAll = (error: unknown) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const spawn = (): Worker => {
    const w = new Worker(workerEntry(import.meta.url, 'writer-thread'), { workerData: { file } });
    w.on('message', (reply: WriteReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(received(reply.error));
      // An idle writer must not keep a finished process (a CLI, a test) alive.
      if (pending.size === 0) w.unref();
    });
    w.on('error', (error) => failAll(new StorageUnavailableError('the database writer failed', { cause: error })));
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new StorageUnavailableError('the database writer stopped'));
    });
    w.unref();
    return w;
  };

  return {
    run(op, ...args) {
      worker ??= spawn();
      const w = worker;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        w.ref();
        w.postMessage({ id, op, args } satisfies WriteCall);
      });
    },
    async close() {
      const w = worker;
      if (!w) return;
      worker = null;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.ref();
      w.postMessage({ op: 'close' } satisfies WriteRequest);
      await exited;
    },
  };
}
