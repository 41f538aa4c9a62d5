import type { Lang } from './api/contract.ts';
import type { Clock } from './clock.ts';
import { staffWording } from './redact.ts';
import type { AnalyticsStore, QuestionEvent, QuestionKind } from './storage/types.ts';

export interface QuestionLog {
  /** Counts a question; keeps the (redacted) wording of fallbacks for staff. Never blocks the reply. */
  record(kind: QuestionKind, question: string, lang?: Lang): void;
  /** Writes everything buffered so far. */
  flush(): Promise<void>;
}

export interface QuestionLogOptions {
  store: AnalyticsStore;
  clock: Clock;
  /** How long events may wait before being written. Default 1000 ms. */
  flushMs?: number;
  /** Buffer size that triggers an immediate write. Default 500. */
  maxBuffer?: number;
  log?: (message: string) => void;
}

/**
 * Question statistics are written in batches: a durable (fsync'd) write per
 * question would cap /api/ask at the disk's sync rate. A crash can lose at
 * most the last `flushMs` of counts, never a callback request.
 */
export function createQuestionLog(options: QuestionLogOptions): QuestionLog {
  const { store, clock } = options;
  const flushMs = options.flushMs ?? 1000;
  const maxBuffer = options.maxBuffer ?? 500;
  const log = options.log ?? ((m: string) => console.error(m));
  let buffer: QuestionEvent[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    try {
      await store.recordQuestions(batch);
    } catch (error) {
      log(`question log: dropped ${batch.length} events: ${(error as Error).message}`);
    }
  };

  return {
    record(kind, question, lang) {
      const event: QuestionEvent = { at: clock.now(), kind, ...(lang ? { lang } : {}) };
      if (kind === 'fallback') {
        const unanswered = staffWording(question);
        // Wording with no words in it ("???") tells staff nothing and would list under an empty key.
        if (unanswered.key !== '') event.unanswered = unanswered;
      }
      buffer.push(event);
      if (buffer.length >= maxBuffer) void flush();
      else timer ??= setTimeout(() => void flush(), flushMs).unref();
    },
    flush,
  };
}
