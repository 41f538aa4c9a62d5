import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Visitor-like questions for load and retrieval runs: every entry's title and
 * alternate phrasings from a knowledge base, so the mix follows the content
 * rather than any labelled test set.
 */
export function questionsFrom(knowledgeDir: string): string[] {
  const dir = join(knowledgeDir, 'entries');
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const front = readFileSync(join(dir, file), 'utf8').split(/^---$/m)[1] ?? '';
    const meta = parse(front) as { title?: string; questions?: string[] };
    if (meta.title) out.push(meta.title);
    out.push(...(meta.questions ?? []));
  }
  return out;
}
