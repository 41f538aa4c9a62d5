import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MAIN_LANG } from '../../knowledge/language/index.ts';
import { LANGS } from '../../knowledge/language/types.ts';
import { CLINIC_FILE, ENTRIES_DIR, LAY_TERMS_FILE, OUT_OF_SCOPE_FILE, URGENT_FILE } from '../../knowledge/load/read-base.ts';

/**
 * Copies what the loader reads (the YAML files and `entries/*.md`, and the
 * same in each translation's folder, `es/`) from `from` into a fresh folder
 * `to`, replacing it whole: the copy is built beside it and renamed into place.
 */
export function copyKnowledgeFolder(from: string, to: string): void {
  const building = `${to}.building`;
  rmSync(building, { recursive: true, force: true });
  const { folders, files } = readableFiles(from);
  for (const folder of folders) mkdirSync(join(building, folder), { recursive: true });
  for (const file of files) cpSync(join(from, file), join(building, file));
  rmSync(to, { recursive: true, force: true });
  renameSync(building, to);
}

/**
 * The same copy without holding the main thread: a 10k-entry folder takes
 * about 2 s to copy file by file, so after a hot reload the copies run in
 * libuv's thread pool, a few at a time.
 */
export async function copyKnowledgeFolderInBackground(from: string, to: string): Promise<void> {
  // Its own scratch name: a synchronous copy may start while this one runs.
  const building = `${to}.building-${++backgroundCopies}`;
  await rm(building, { recursive: true, force: true });
  const { folders, files } = readableFiles(from);
  for (const folder of folders) await mkdir(join(building, folder), { recursive: true });
  let next = 0;
  const copyNext = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!;
      await copyFile(join(from, file), join(building, file));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_COPIES }, copyNext));
  await rm(to, { recursive: true, force: true });
  await rename(building, to);
}

const PARALLEL_COPIES = 8;
let backgroundCopies = 0;

/** What the loader reads, relative to the folder: the folders to create and the files to copy. */
function readableFiles(from: string): { folders: string[]; files: string[] } {
  const folders: string[] = [];
  const files: string[] = [];
  const add = (sub: string) => {
    folders.push(join(sub, ENTRIES_DIR));
    for (const file of [CLINIC_FILE, LAY_TERMS_FILE, OUT_OF_SCOPE_FILE, URGENT_FILE]) {
      if (existsSync(join(from, sub, file))) files.push(join(sub, file));
    }
    for (const name of readdirSync(join(from, sub, ENTRIES_DIR))) {
      if (name.endsWith('.md')) files.push(join(sub, ENTRIES_DIR, name));
    }
  };
  add('');
  for (const lang of LANGS) {
    if (lang !== MAIN_LANG && existsSync(join(from, lang, ENTRIES_DIR))) add(lang);
  }
  return { folders, files };
}
