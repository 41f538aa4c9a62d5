import type Database from 'better-sqlite3';
import { analyticsWrites } from './analytics.ts';
import { callbackWrites } from './callbacks.ts';

/**
 * The writes the writer thread runs for the request path, by name: the
 * durable callback insert and the statistics. Each is a better-sqlite3
 * transaction function, so nested in a group commit it is a savepoint.
 */
export function writeOperations(db: Database.Database) {
  const { createCallback } = callbackWrites(db);
  const { recordQuestions, recordFeedback } = analyticsWrites(db);
  return { createCallback, recordQuestions, recordFeedback };
}

export type WriteOps = ReturnType<typeof writeOperations>;
export type WriteOp = keyof WriteOps;

/** One write, main thread → writer thread. */
export interface WriteCall {
  id: number;
  op: WriteOp;
  args: unknown[];
}

/** Main thread → writer thread: a write, or "finish and close the connection". */
export type WriteRequest = WriteCall | { op: 'close' };

/** A failure as it crosses the thread boundary: the SQLite code decides 503 or 500 on the other side. */
export interface SentError {
  message: string;
  code?: string;
}

/** Writer thread → main thread, once the batch holding the request has committed (or failed). */
export type WriteReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SentError };
