import { ERROR_LOG_LIMITS } from './api/limits.ts';

export interface ThrottledLogOptions {
  /** Where lines go. */
  write: (line: string) => void;
  /** Lines of one kind per window. Default ERROR_LOG_LIMITS.linesPerWindow. */
  linesPerWindow?: number;
  /** Default ERROR_LOG_LIMITS.windowMs. */
  windowMs?: number;
  /** Most kinds tracked at once. Default 100. */
  maxKinds?: number;
  /** Clock in ms, for tests. Default Date.now. */
  now?: () => number;
}

/** `log(kind, line)`: writes `line` unless lines of `kind` already filled the current window. */
export type ThrottledLog = (kind: string, line: string) => void;

/**
 * A log that stays readable when one thing fails thousands of times (a full
 * disk fails every request): each kind of message is written at most
 * `linesPerWindow` times per window, and the first line of the next window
 * says how many were skipped.
 *
 * @example
 * const log = throttledLog({ write: console.error })
 * log('storage', 'POST /api/callback: storage unavailable: the disk is full')
 */
export function throttledLog(options: ThrottledLogOptions): ThrottledLog {
  const { write } = options;
  const linesPerWindow = options.linesPerWindow ?? ERROR_LOG_LIMITS.linesPerWindow;
  const windowMs = options.windowMs ?? ERROR_LOG_LIMITS.windowMs;
  const maxKinds = options.maxKinds ?? 100;
  const now = options.now ?? Date.now;
  const kinds = new Map<string, { start: number; written: number; skipped: number }>();

  return (kind, line) => {
    const t = now();
    let w = kinds.get(kind);
    if (w === undefined || t - w.start >= windowMs) {
      const skipped = w?.skipped ?? 0;
      if (w === undefined && kinds.size >= maxKinds) kinds.delete(kinds.keys().next().value!);
      w = { start: t, written: 0, skipped: 0 };
      kinds.set(kind, w);
      if (skipped > 0) write(`(${skipped} more like the next line were not logged in the last ${Math.round(windowMs / 1000)} s)`);
    }
    if (w.written < linesPerWindow) {
      w.written++;
      write(line);
    } else w.skipped++;
  };
}

/**
 * One line for an error: its name, code and message, its cause's message,
 * and where the root of it was thrown (no multi-line stack).
 */
export function oneLine(error: Error): string {
  const code = (error as { code?: unknown }).code;
  const root = error.cause instanceof Error ? error.cause : error;
  const at = root.stack?.split('\n').find((l) => l.trimStart().startsWith('at '))?.trim();
  const cause = root !== error ? ` (cause: ${root.message.split('\n')[0]})` : '';
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message.split('\n')[0]}${cause}${at ? ` ${at}` : ''}`;
}
