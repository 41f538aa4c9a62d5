/**
 * The writer thread's entry (bundled on its own as dist/server/writer-thread.js).
 * Runs the request path's writes on its own connection with group commit:
 * everything that arrived while the previous commit was syncing goes into
 * one transaction, one fsync, and each caller hears back only after it.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { connectDatabase } from './open-database.ts';
import { writeOperations, type SentError, type WriteCall, type WriteReply, type WriteRequest } from './write-ops.ts';

const port = parentPort!;
const { file } = workerData as { file: string };
// Opened on the first batch, so a failure to open is answered like any other failed write.
let state: { db: ReturnType<typeof connectDatabase>; ops: ReturnType<typeof writeOperations> } | null = null;

const sent = (error: unknown): SentError => {
  const { message, code } = error as { message?: unknown; code?: unknown };
  return { message: String(message ?? error), ...(typeof code === 'string' ? { code } : {}) };
};

/** One transaction for the whole batch; a request that fails alone is rolled back to its savepoint. */
function commit(batch: WriteCall[]): WriteReply[] {
  let current: NonNullable<typeof state>;
  try {
    current = state ??= (() => {
      const db = connectDatabase(file);
      return { db, ops: writeOperations(db) };
    })();
  } catch (error) {
    return batch.map(({ id }) => ({ id, ok: false, error: sent(error) }));
  }
  const { db, ops } = current;
  const run = db.transaction(() =>
    batch.map(({ id, op, args }): WriteReply => {
      try {
        return { id, ok: true, value: (ops[op] as (...a: unknown[]) => unknown)(...args) };
      } catch (error) {
        // Some errors (a full disk, I/O) make SQLite roll back the whole transaction: then nothing in the batch is kept.
        if (!db.inTransaction) throw error;
        return { id, ok: false, error: sent(error) };
      }
    }),
  );
  try {
    return run.immediate();
  } catch (error) {
    return batch.map(({ id }) => ({ id, ok: false, error: sent(error) }));
  }
}

port.on('message', (first: WriteRequest) => {
  const batch: WriteRequest[] = [first];
  for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) batch.push(next.message as WriteRequest);
  const writes = batch.filter((r): r is WriteCall => r.op !== 'close');
  if (writes.length > 0) for (const reply of commit(writes)) port.postMessage(reply);
  if (writes.length < batch.length) {
    state?.db.close();
    port.close();
  }
});
