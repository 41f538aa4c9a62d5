import { statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { MAIN_LANG } from '../language/index.ts';
import { LANGS } from '../language/types.ts';
import { ENTRIES_DIR } from './read-base.ts';

export interface WatchOptions {
  /** Quiet time after the last change before reloading, so a burst of saves reloads once. Default 150 ms. */
  debounceMs?: number;
  /** How often the folders behind the configured path are checked for a swap. Default 1000 ms. */
  pathCheckMs?: number;
}

/** Which folder (device and inode) a path names now; `null` when it names none. */
function folderAt(path: string): string | null {
  try {
    const s = statSync(path);
    return s.isDirectory() ? `${s.dev}:${s.ino}` : null;
  } catch {
    return null;
  }
}

/**
 * Calls `onChange` (debounced) when anything in the knowledge base folder,
 * its `entries/`, or a translation's folder and entries (`es/`) changes. Follows the configured path, not the folder first
 * found there: a deploy that swaps folders (`mv live old; mv new live`)
 * leaves an OS watcher on the old one, so the path is checked every
 * `pathCheckMs` and, when it names another folder, watching moves over and
 * a reload follows. Returns a function that stops watching.
 */
export function watchKnowledgeDir(dir: string, onChange: () => void, options: WatchOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 150;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  // The main folder, its entries, and each translation's folder and entries (`es/`, `es/entries/`).
  const folders = [dir, ...LANGS.filter((lang) => lang !== MAIN_LANG).map((lang) => join(dir, lang))].flatMap((folder) => [folder, join(folder, ENTRIES_DIR)]);
  let watched: { path: string; folder: string | null; watcher: FSWatcher | null }[] = [];

  const watchAll = () => {
    for (const w of watched) w.watcher?.close();
    watched = folders.map((path) => {
      const folder = folderAt(path);
      if (folder === null) return { path, folder, watcher: null };
      const watcher = watch(path, schedule);
      // A vanished folder must not crash the server; the next reload reports it.
      watcher.on('error', () => undefined);
      return { path, folder, watcher };
    });
  };
  watchAll();

  const pathCheck = setInterval(() => {
    if (watched.some((w) => folderAt(w.path) !== w.folder)) {
      watchAll();
      schedule();
    }
  }, options.pathCheckMs ?? 1000);
  pathCheck.unref();

  return () => {
    clearTimeout(timer);
    clearInterval(pathCheck);
    for (const w of watched) w.watcher?.close();
  };
}
