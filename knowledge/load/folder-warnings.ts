import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeProblem } from '../problems.ts';
import { ENTRIES_DIR } from './read-base.ts';

/**
 * Files in `entries/` that are never read because of their name (only
 * `<id>.md` is): not an error, since a valid folder stays valid, but almost
 * always a mistake ("driving.markdown", "Sedation.MD", "faq.md.txt").
 */
export function folderWarnings(dir: string): KnowledgeProblem[] {
  const entriesDir = join(dir, ENTRIES_DIR);
  if (!existsSync(entriesDir)) return [];
  return readdirSync(entriesDir, { withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith('.') && !d.name.endsWith('.md'))
    .map((d) => {
      const stem = d.name.replace(/\.[^.]*$/, '').replace(/\.md$/i, '');
      return { file: `${ENTRIES_DIR}/${d.name}`, reason: `is not read: only files ending in .md are answers (rename it to ${stem.toLowerCase()}.md if it is one)` };
    });
}
