import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pick, seededRandom } from './random.ts';

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sto', 'vel', 'dra', 'pun', 'tes', 'gor', 'bli', 'nax', 'qui', 'zem', 'fo', 'har'];
const COMMON = ['pain', 'back', 'neck', 'injection', 'nerve', 'joint', 'relief', 'doctor', 'clinic', 'after', 'before', 'block', 'test', 'needle', 'numbing', 'sore', 'drive', 'work', 'sleep', 'walk'];

export interface GeneratedKb {
  dir: string;
  /** Each entry's first alternate phrasing, for asking. */
  questions: string[];
}

/**
 * Writes a synthetic knowledge base of `size` valid entries: made-up topic
 * words mixed with common visitor words, so the index sees a realistic
 * vocabulary growth and common words stay common.
 */
export function generateKnowledgeBase(size: number, bundledDir: string, seed = 7): GeneratedKb {
  const dir = mkdtempSync(join(tmpdir(), `kb-${size}-`));
  mkdirSync(join(dir, 'entries'));
  for (const file of ['clinic.yaml', 'lay-terms.yaml']) {
    if (existsSync(join(bundledDir, file))) copyFileSync(join(bundledDir, file), join(dir, file));
  }
  const { entries, questions } = generateEntries(size, seed);
  for (const entry of entries) {
    writeFileSync(
      join(dir, 'entries', `${entry.id}.md`),
      [
        '---',
        `id: ${entry.id}`,
        `title: "${entry.title}"`,
        'questions:',
        ...entry.questions.map((q) => `  - "${q}"`),
        `tags: [${entry.tags.join(', ')}]`,
        'related: []',
        'sources:',
        '  - title: "Synthetic source"',
        `    url: https://example.org/${entry.id}`,
        'reviewed: 2026-11-27',
        '---',
        `${entry.body}`,
        '',
      ].join('\n'),
    );
  }
  return { dir, questions };
}

/** One synthetic entry, before it is written as a file. */
export interface GeneratedEntry {
  id: string;
  title: string;
  questions: string[];
  tags: string[];
  body: string;
}

/**
 * The entries `generateKnowledgeBase` writes, in memory: for bases over the folder's entry limit
 * (see knowledge/load/limits.ts), which are indexed without being loaded from files.
 */
export function generateEntries(size: number, seed = 7): { entries: GeneratedEntry[]; questions: string[] } {
  const rand = seededRandom(seed);
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(rand, SYLLABLES)).join('');
  const entries: GeneratedEntry[] = [];
  const questions: string[] = [];
  for (let i = 0; i < size; i++) {
    const topic = [word(), word()];
    const phrasings = [
      `what is the ${topic[0]} ${topic[1]} ${pick(rand, COMMON)} ${i}`,
      `how does ${topic[0]} affect my ${pick(rand, COMMON)} ${i}`,
      `${topic[1]} and ${pick(rand, COMMON)} question ${i}`,
    ];
    questions.push(phrasings[0]!);
    const body = Array.from({ length: 40 }, () => (rand() < 0.3 ? pick(rand, COMMON) : word())).join(' ');
    entries.push({ id: `topic-${i}`, title: `About ${topic.join(' ')} (${i})?`, questions: phrasings, tags: topic, body: `${body}.` });
  }
  return { entries, questions };
}
