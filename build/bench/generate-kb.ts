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
  const rand = seededRandom(seed);
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(rand, SYLLABLES)).join('');
  const dir = mkdtempSync(join(tmpdir(), `kb-${size}-`));
  mkdirSync(join(dir, 'entries'));
  for (const file of ['clinic.yaml', 'lay-terms.yaml']) {
    if (existsSync(join(bundledDir, file))) copyFileSync(join(bundledDir, file), join(dir, file));
  }
  const questions: string[] = [];
  for (let i = 0; i < size; i++) {
    const id = `topic-${i}`;
    const topic = [word(), word()];
    const phrasings = [
      `what is the ${topic[0]} ${topic[1]} ${pick(rand, COMMON)} ${i}`,
      `how does ${topic[0]} affect my ${pick(rand, COMMON)} ${i}`,
      `${topic[1]} and ${pick(rand, COMMON)} question ${i}`,
    ];
    questions.push(phrasings[0]!);
    const body = Array.from({ length: 40 }, () => (rand() < 0.3 ? pick(rand, COMMON) : word())).join(' ');
    writeFileSync(
      join(dir, 'entries', `${id}.md`),
      [
        '---',
        `id: ${id}`,
        `title: "About ${topic.join(' ')} (${i})?"`,
        'questions:',
        ...phrasings.map((q) => `  - "${q}"`),
        `tags: [${topic.join(', ')}]`,
        'related: []',
        'sources:',
        '  - title: "Synthetic source"',
        `    url: https://example.org/${id}`,
        'reviewed: 2026-11-27',
        '---',
        `${body}.`,
        '',
      ].join('\n'),
    );
  }
  return { dir, questions };
}
