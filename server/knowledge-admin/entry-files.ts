import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { splitFrontMatter } from '../../knowledge/load/front-matter.ts';
import { ENTRIES_DIR } from '../../knowledge/load/read-base.ts';
import { entrySchema } from '../../knowledge/load/schemas.ts';
import type { EntryInput } from '../api/contract.ts';

/** An entry as written on disk: placeholders unfilled, so staff edit what the file says. */
export interface RawEntry extends Required<EntryInput> {
  id: string;
  reviewed: string | null;
}

export const entryPath = (dir: string, id: string) => join(dir, ENTRIES_DIR, `${id}.md`);

/** Parses one entry file's text; `null` when it is not a readable entry (the status panel says why). */
export function parseEntry(text: string): RawEntry | null {
  const parts = splitFrontMatter(text);
  if (typeof parts === 'string') return null;
  let data: unknown;
  try {
    data = parseYaml(parts.yaml);
  } catch {
    return null;
  }
  const parsed = entrySchema.safeParse(data ?? {});
  if (!parsed.success) return null;
  const { id, title, questions, tags, related, sources, reviewed } = parsed.data;
  return { id, title, questions, tags, related, sources, reviewed, body: parts.body };
}

/** Every readable entry in the folder, by id order. */
export function readRawEntries(dir: string): RawEntry[] {
  const entriesDir = join(dir, ENTRIES_DIR);
  if (!existsSync(entriesDir)) return [];
  return readdirSync(entriesDir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .flatMap((n) => parseEntry(readFileSync(join(entriesDir, n), 'utf8')) ?? []);
}

/** The file text for an entry, front matter in the order the bundled files use. */
export function entryMarkdown(id: string, input: EntryInput, reviewed: string): string {
  const front = {
    id,
    title: input.title,
    questions: input.questions,
    tags: input.tags ?? [],
    related: input.related ?? [],
    sources: input.sources.map(({ title, url }) => ({ title, url })),
    reviewed,
  };
  return `---\n${stringify(front, { lineWidth: 0 })}---\n${input.body.trim()}\n`;
}

/**
 * Writes `text` to `path` so readers see the old file or the new one, never
 * half of it: a temp file beside it (a dot-name the loader skips), synced,
 * then renamed over it, then the folder synced so the rename survives a crash.
 */
export function writeFileAtomic(path: string, text: string): void {
  const folder = path.slice(0, path.lastIndexOf('/'));
  const temp = join(folder, `.${path.slice(folder.length + 1)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  const dirFd = openSync(folder, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
