import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKnowledgeBase } from '../../build/bench/generate-kb.ts';
import { pick, seededRandom, withTypo } from '../../build/bench/random.ts';
import { english } from '../language/en/index.ts';
import { readKnowledgeBase } from '../load/read-base.ts';
import { createLayTermMapper } from '../text/lay-terms.ts';
import { analyseWords } from './analyse.ts';
import { buildSearchIndex } from './build-index.ts';
import { createRanker } from './rank.ts';

// A generated base large enough that common words' postings run into the thousands.
const generated = generateKnowledgeBase(4000, fileURLToPath(new URL('../base', import.meta.url)), 3);
afterAll(() => rmSync(generated.dir, { recursive: true, force: true }));
const { base } = readKnowledgeBase(generated.dir);
const layTerms = createLayTermMapper(base!.layTerms.synonyms, english);
const index = buildSearchIndex(base!.entries, layTerms, english);
const pruned = createRanker(index);
const exhaustive = createRanker(index, { prune: false });

const rand = seededRandom(21);
const common = ['pain', 'back', 'neck', 'injection', 'nerve', 'relief', 'doctor', 'sleep', 'walk', 'block'];
const questions = [
  ...generated.questions.slice(0, 300),
  ...generated.questions.slice(300, 600).map((q) => withTypo(q, rand)),
  // Common words only (nothing to prune against), and common words beside one rare word.
  ...Array.from({ length: 150 }, () => `${pick(rand, common)} ${pick(rand, common)} after the ${pick(rand, common)}`),
  ...Array.from({ length: 150 }, (_, i) => `${pick(rand, common)} and ${generated.questions[i * 7]!.split(' ')[3]} ${pick(rand, common)}`),
  // An entry's own wording, so the exact-match path is ranked too.
  ...base!.entries.slice(0, 50).map((e) => e.title),
];

describe('max-score pruning', () => {
  it('ranks exactly as the exhaustive pass, scores and ties included, on a 4k-entry base', () => {
    let readPruned = 0;
    let readAll = 0;
    for (const question of questions) {
      const analysed = analyseWords(english.normalise(question), layTerms, english);
      const corrected = new Set(analysed.terms.slice(0, 1));
      expect(pruned.rank(analysed, corrected), question).toEqual(exhaustive.rank(analysed, corrected));
      readPruned += pruned.postingsRead;
      readAll += exhaustive.postingsRead;
    }
    // The comparison means something only if pruning skipped postings.
    expect(readPruned).toBeLessThan(readAll / 2);
  });
});
