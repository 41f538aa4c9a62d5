import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
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
  copyReadable(from, building);
  for (const lang of LANGS) {
    if (lang !== MAIN_LANG && existsSync(join(from, lang, ENTRIES_DIR))) copyReadable(join(from, lang), join(building, lang));
  }
  rmSync(to, { recursive: true, force: true });
  renameSync(building, to);
}

function copyReadable(from: string, to: string): void {
  mkdirSync(join(to, ENTRIES_DIR), { recursive: true });
  for (const file of [CLINIC_FILE, LAY_TERMS_FILE, OUT_OF_SCOPE_FILE, URGENT_FILE]) {
    if (existsSync(join(from, file))) cpSync(join(from, file), join(to, file));
  }
  for (const name of readdirSync(join(from, ENTRIES_DIR))) {
    if (name.endsWith('.md')) cpSync(join(from, ENTRIES_DIR, name), join(to, ENTRIES_DIR, name));
  }
}
