/**
 * `npm run kb:readability [folder]`: the Flesch-Kincaid reading grade of every
 * answer in a knowledge base (default: KNOWLEDGE_DIR, else the bundled one),
 * scored on the text a patient reads (placeholders filled from clinic.yaml).
 * Prints the entries hardest first, how many fall in each grade band, and
 * which are above the target (about grade 6-7; over 8 is listed). A report,
 * not a gate: it exits 0 unless the folder cannot be read.
 */
import { resolve } from 'node:path';
import { readKnowledgeBase } from '../load/read-base.ts';
import { readingGrade } from '../load/reading-grade.ts';
import { bundledKnowledgeDir } from '../locate.ts';
import { formatProblem } from '../problems.ts';

/** Entries above this grade are listed as needing plainer words. */
const TARGET_MAX_GRADE = 8;
const BANDS: ReadonlyArray<{ label: string; below: number }> = [
  { label: 'up to 6', below: 6.05 },
  { label: '6.1 to 7', below: 7.05 },
  { label: '7.1 to 8', below: 8.05 },
  { label: '8.1 to 9', below: 9.05 },
  { label: 'over 9', below: Infinity },
];

const dir = resolve(process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? bundledKnowledgeDir());
const result = readKnowledgeBase(dir);
if (!result.base) {
  console.error(`${dir}: cannot score an invalid knowledge base (run npm run kb:check)`);
  for (const problem of result.problems) console.error(formatProblem(problem));
  process.exit(1);
}

const scored = result.base.entries
  .map((entry) => ({ id: entry.id, ...readingGrade(entry.text) }))
  .sort((a, b) => b.grade - a.grade || a.id.localeCompare(b.id));
const grades = scored.map((s) => s.grade).sort((a, b) => a - b);
// A valid base has at least one entry, so these indexes exist.
const mid = Math.floor(grades.length / 2);
const median = grades.length % 2 ? grades[mid]! : (grades[mid - 1]! + grades[mid]!) / 2;
const mean = grades.reduce((sum, g) => sum + g, 0) / grades.length;

console.log(`${dir}: Flesch-Kincaid grade of ${scored.length} answers (flesch-kincaid + syllable)\n`);
console.log(`${'entry'.padEnd(28)} ${'grade'.padStart(5)} ${'words'.padStart(6)} ${'sentences'.padStart(9)}`);
for (const s of scored) console.log(`${s.id.padEnd(28)} ${s.grade.toFixed(1).padStart(5)} ${String(s.words).padStart(6)} ${String(s.sentences).padStart(9)}`);

console.log(`\ngrade band   answers`);
let from = 0;
for (const band of BANDS) {
  const count = grades.filter((g) => g >= from && g < band.below).length;
  console.log(`${band.label.padEnd(12)} ${String(count).padStart(7)}`);
  from = band.below;
}
console.log(`\nmedian ${median.toFixed(1)}, mean ${mean.toFixed(1)}, hardest ${grades.at(-1)!.toFixed(1)}`);
const over = scored.filter((s) => s.grade > TARGET_MAX_GRADE);
console.log(over.length ? `above grade ${TARGET_MAX_GRADE}: ${over.map((s) => `${s.id} (${s.grade.toFixed(1)})`).join(', ')}` : `none above grade ${TARGET_MAX_GRADE}`);
