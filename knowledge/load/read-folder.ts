import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, MAIN_LANG } from '../language/index.ts';
import { LANGS, type Lang } from '../language/types.ts';
import type { KnowledgeProblem } from '../problems.ts';
import { ENTRIES_DIR, readKnowledgeBase, type KnowledgeBase } from './read-base.ts';

export interface KnowledgeFolder {
  /** The main base (English) and every translation the folder has, by language. */
  bases: Partial<Record<Lang, KnowledgeBase>> & Record<typeof MAIN_LANG, KnowledgeBase>;
  /** Per translation, the main entries it does not translate yet (served in the main language). */
  missing: Partial<Record<Lang, string[]>>;
}

export type FolderResult = { folder: KnowledgeFolder; problems: [] } | { folder: undefined; problems: KnowledgeProblem[] };

/**
 * Reads a knowledge base folder with its translations: the folder itself is
 * the main language (English), and a subfolder per other language (`es/`)
 * holds translated entries with the SAME ids, and optionally its own
 * clinic texts, lay terms, out-of-scope and urgent rules. A translated entry
 * whose id the main base lacks is a problem; a main entry without a
 * translation is only reported (`missing`).
 */
export function readKnowledgeFolder(dir: string): FolderResult {
  const main = readKnowledgeBase(dir, { language: LANGUAGES[MAIN_LANG] });
  if (!main.base) return { folder: undefined, problems: main.problems };
  const bases: KnowledgeFolder['bases'] = { [MAIN_LANG]: main.base } as KnowledgeFolder['bases'];
  const missing: KnowledgeFolder['missing'] = {};
  const problems: KnowledgeProblem[] = [];
  const mainIds = new Set(main.base.entries.map((e) => e.id));
  for (const lang of LANGS) {
    const sub = join(dir, lang);
    if (lang === MAIN_LANG || !existsSync(join(sub, ENTRIES_DIR))) continue;
    const read = readKnowledgeBase(sub, { language: LANGUAGES[lang], parentClinic: main.base.clinic, prefix: `${lang}/` });
    if (!read.base) {
      problems.push(...read.problems);
      continue;
    }
    for (const entry of read.base.entries) {
      if (!mainIds.has(entry.id)) problems.push({ file: `${lang}/${entry.file}`, field: 'id', reason: `no entry "${entry.id}" in the main (English) folder to translate` });
    }
    const translated = new Set(read.base.entries.map((e) => e.id));
    missing[lang] = [...mainIds].filter((id) => !translated.has(id));
    bases[lang] = read.base;
  }
  if (problems.length > 0) return { folder: undefined, problems };
  return { folder: { bases, missing }, problems: [] };
}
