/**
 * Adds phrasings written by independent authors to the entries they belong to.
 *
 *   npm run kb:add-phrasings -- authors.jsonl [--base knowledge/base]
 *
 * Each line is `{"id": "<entry id>", "lang": "en" | "es", "q": "..."}`. A line
 * goes to the end of that entry's `questions` list (`entries/<id>.md` for the
 * base's first language, `<lang>/entries/<id>.md` for another), unless the
 * entry already asks it (compared folded: case, accents and punctuation
 * ignored). The rest of the file is left byte for byte, so the diff shows only
 * the new lines. Lines with id `out-of-scope` are not phrasings of any entry:
 * they are counted and left for an eval set. Run `npm run kb:check` after.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { splitFrontMatter } from '../load/front-matter.js';
import { KNOWLEDGE_LIMITS } from '../load/limits.js';

interface Phrasing {
  id: string;
  lang: string;
  q: string;
}

const OUT_OF_SCOPE = 'out-of-scope';

/** "¿Me DUELE?" and "me duele" are the same question. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function readPhrasings(file: string): Phrasing[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => {
      const row = JSON.parse(line) as Partial<Phrasing>;
      for (const field of ['id', 'lang', 'q'] as const) {
        if (typeof row[field] !== 'string' || row[field] === '') {
          throw new Error(`${file}:${number}: field "${field}" must be a non-empty string`);
        }
      }
      return row as Phrasing;
    });
}

/** Inserts `items` after the last item of the front matter's `questions:` list. */
function appendQuestions(source: string, items: string[]): string {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => /^questions:\s*$/.test(line));
  if (start === -1) throw new Error('front matter has no block "questions:" list');
  let end = start + 1;
  while (end < lines.length && /^\s+- /.test(lines[end]!)) end += 1;
  // A JSON string is a valid YAML double-quoted scalar: no escaping rules of our own.
  lines.splice(end, 0, ...items.map((item) => `  - ${JSON.stringify(item)}`));
  return lines.join('\n');
}

function main(argv: string[]): void {
  const file = argv.find((arg) => !arg.startsWith('--'));
  const baseFlag = argv.indexOf('--base');
  const base = resolve(baseFlag === -1 ? 'knowledge/base' : argv[baseFlag + 1]!);
  if (!file) throw new Error('usage: npm run kb:add-phrasings -- FILE.jsonl [--base DIR]');
  const firstLanguage = (parse(readFileSync(join(base, 'clinic.yaml'), 'utf8')) as { language?: string }).language ?? 'en';

  const byEntry = new Map<string, string[]>();
  let outOfScope = 0;
  for (const row of readPhrasings(file)) {
    if (row.id === OUT_OF_SCOPE) {
      outOfScope += 1;
      continue;
    }
    const folder = row.lang === firstLanguage ? base : join(base, row.lang);
    const path = join(folder, 'entries', `${row.id}.md`);
    byEntry.set(path, [...(byEntry.get(path) ?? []), row.q]);
  }

  let added = 0;
  let repeated = 0;
  for (const [path, phrasings] of byEntry) {
    if (!existsSync(path)) throw new Error(`${path}: no such entry (id and lang come from ${file})`);
    const source = readFileSync(path, 'utf8');
    const parts = splitFrontMatter(source);
    if (typeof parts === 'string') throw new Error(`${path}: ${parts}`);
    const existing = (parse(parts.yaml) as { questions?: string[] }).questions ?? [];
    const seen = new Set(existing.map(fold));
    const fresh: string[] = [];
    for (const phrasing of phrasings) {
      const key = fold(phrasing);
      if (seen.has(key) || phrasing.length > KNOWLEDGE_LIMITS.questionCharacters) {
        repeated += 1;
        continue;
      }
      seen.add(key);
      fresh.push(phrasing);
    }
    const room = KNOWLEDGE_LIMITS.questionsPerEntry - existing.length;
    if (fresh.length > room) throw new Error(`${path}: questions would exceed ${KNOWLEDGE_LIMITS.questionsPerEntry}`);
    if (fresh.length > 0) writeFileSync(path, appendQuestions(source, fresh));
    added += fresh.length;
  }
  console.log(`added ${added} phrasings to ${byEntry.size} entries; ${repeated} already asked or too long; ${outOfScope} out-of-scope lines left for an eval set`);
}

main(process.argv.slice(2));
