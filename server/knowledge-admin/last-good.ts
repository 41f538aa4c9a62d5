import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLINIC_FILE, ENTRIES_DIR, LAY_TERMS_FILE, OUT_OF_SCOPE_FILE } from '../../knowledge/load/read-base.ts';

/**
 * Copies what the loader reads (the YAML files and `entries/*.md`) from
 * `from` into a fresh folder `to`, replacing it whole: the copy is built
 * beside it and renamed into place.
 */
export function copyKnowledgeFolder(from: string, to: string): void {
  const building = `${to}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(join(building, ENTRIES_DIR), { recursive: true });
  for (const file of [CLINIC_FILE, LAY_TERMS_FILE, OUT_OF_SCOPE_FILE]) {
    if (existsSync(join(from, file))) cpSync(join(from, file), join(building, file));
  }
  for (const name of readdirSync(join(from, ENTRIES_DIR))) {
    if (name.endsWith('.md')) cpSync(join(from, ENTRIES_DIR, name), join(building, ENTRIES_DIR, name));
  }
  rmSync(to, { recursive: true, force: true });
  renameSync(building, to);
}
