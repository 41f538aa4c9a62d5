import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { ENTRIES_DIR } from './read-base.ts';

export interface WatchOptions {
  /** Quiet time after the last change before reloading, so a burst of saves reloads once. Default 150 ms. */
  debounceMs?: number;
}

/**
 * Calls `onChange` (debounced) when anything in the knowledge base folder or
 * its `entries/` changes. Returns a function that stops watching.
 */
export function watchKnowledgeDir(dir: string, onChange: () => void, options: WatchOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 150;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const folder of [dir, join(dir, ENTRIES_DIR)]) {
    if (!existsSync(folder)) continue;
    const watcher = watch(folder, schedule);
    // A vanished folder must not crash the server; the next reload reports it.
    watcher.on('error', () => undefined);
    watchers.push(watcher);
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
