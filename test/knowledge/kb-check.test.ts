/**
 * `npm run kb:check` as staff run it: the real CLI process on knowledge base
 * folders written to a temp dir, one problem kind at a time.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { KNOWLEDGE_LIMITS } from '../../knowledge/load/limits.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/kb', import.meta.url));
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-check-'));
  temps.push(dir);
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

function kbCheck(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'knowledge/cli/kb-check.ts', dir], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

describe('kb:check', () => {
  it('exits 0 with a summary on a valid folder', async () => {
    const result = await kbCheck(copyFixture());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok\.\n\s+en: 7 entries/);
  });

  it.each([
    ['a schema error', 'entries/sedation.md', (t: string) => t.replace('reviewed: 2026-11-27', 'reviewed: next week'), 'entries/sedation.md: reviewed: must be a YYYY-MM-DD date'],
    ['a missing required field', 'entries/sedation.md', (t: string) => t.replace(/title: .*\n/, ''), 'entries/sedation.md: title: is required'],
    ['an id that is not the file name', 'entries/sedation.md', (t: string) => t.replace('id: sedation', 'id: sedation-2'), 'entries/sedation.md: id: "sedation-2" does not match the file name'],
    ['an unknown related id', 'entries/sedation.md', (t: string) => t.replace('related: [driving-after]', 'related: [driving-after, no-such-entry]'), 'entries/sedation.md: related.1: unknown entry id "no-such-entry"'],
    ['an unknown placeholder', 'entries/sedation.md', (t: string) => t.replace('{{policy.sedation}}', '{{policy.nap}}'), 'entries/sedation.md: body: unknown placeholder {{policy.nap}}'],
    ['missing sources', 'entries/sedation.md', (t: string) => t.replace(/sources:\n(.*\n){2}/, ''), 'entries/sedation.md: sources: is missing'],
    ['a phrasing on two entries', 'entries/sedation.md', (t: string) => t.replace('- "will I be awake"', '- "When can I drive, again?"'), 'entries/sedation.md: questions.0: "When can I drive, again?" is also an alternate phrasing of entry "driving-after"'],
    ['a clinic.yaml schema error', 'clinic.yaml', (t: string) => t.replace(/phone: .*\n/, ''), 'clinic.yaml: phone: is required'],
    ['an unknown time zone', 'clinic.yaml', (t: string) => `${t}openingHours: { timeZone: America/Springfield, mon: "09:00-17:00" }\n`, 'clinic.yaml: openingHours.timeZone: must be an IANA time zone such as America/Chicago'],
    ['a bad opening period', 'clinic.yaml', (t: string) => `${t}openingHours: { timeZone: America/Chicago, tue: "9am-5pm" }\n`, 'clinic.yaml: openingHours.tue: "9am-5pm" is not a period like 08:00-17:00'],
    ['overlapping periods', 'clinic.yaml', (t: string) => `${t}openingHours: { timeZone: UTC, wed: "09:00-13:00, 12:00-17:00" }\n`, 'clinic.yaml: openingHours.wed: "12:00-17:00" is not a period'],
    ['an unknown day', 'clinic.yaml', (t: string) => `${t}openingHours: { timeZone: UTC, monday: "09:00-17:00" }\n`, 'clinic.yaml: openingHours: Unrecognized key: "monday"'],
    ['a lay term under two words', 'lay-terms.yaml', (t: string) => t.replace('sedation: [put me under', 'sedation: [shot, put me under'), 'lay-terms.yaml: synonyms.sedation.0: "shot" is already a lay term for "injection"'],
    ['a lay-terms.yaml schema error', 'lay-terms.yaml', (t: string) => t.replace('numbness: [numb]', 'numbness: []'), 'lay-terms.yaml: synonyms.numbness: list at least one lay term'],
    ['a relief duration written into the text', 'entries/what-is-mbb.md', (t: string) => t.replace('It is a test', 'Relief lasts 4 to 6 hours. It is a test'), 'entries/what-is-mbb.md: body: states how long relief lasts ("4 to 6 hours")'],
    ['a relief duration in a title', 'entries/what-is-mbb.md', (t: string) => t.replace('title: "What is a medial branch block?"', 'title: "Six hours of relief: what is a medial branch block?"'), 'entries/what-is-mbb.md: title: states how long relief lasts ("Six hours")'],
    ['broken front matter', 'entries/sedation.md', (t: string) => t.replace(/^---\n/, ''), 'entries/sedation.md: must start with a "---" line'],
  ])('reports %s with file, field and reason', async (_kind, file, change, line) => {
    const dir = copyFixture();
    edit(dir, file, change);
    const result = await kbCheck(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(line);
  });

  it('reports a duplicate id', async () => {
    const dir = copyFixture();
    const copy = readFileSync(join(dir, 'entries/sedation.md'), 'utf8')
      .replace(/questions:\n(  - .*\n)+/, 'questions:\n  - "a phrasing of its own"\n');
    writeFileSync(join(dir, 'entries/sedation-copy.md'), copy);
    const result = await kbCheck(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('entries/sedation-copy.md: id: "sedation" does not match the file name');
    expect(result.stderr).toContain('entries/sedation.md: id: duplicate id "sedation" (also in entries/sedation-copy.md)');
  });

  it('lists every problem, one per line', async () => {
    const dir = copyFixture();
    edit(dir, 'entries/sedation.md', (t) => t.replace('{{policy.sedation}}', '{{policy.nap}}'));
    edit(dir, 'entries/driving-after.md', (t) => t.replace('related: [sedation]', 'related: [gone]'));
    const result = await kbCheck(dir);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/2 problems$/),
      expect.stringMatching(/^entries\/sedation\.md: body: unknown placeholder/),
      'entries/driving-after.md: related.0: unknown entry id "gone"',
    ]);
  });

  describe('size limits', () => {
    const L = KNOWLEDGE_LIMITS;
    it.each([
      ['an entry file over the limit', 'entries/sedation.md', (t: string) => `${t}\n${'word '.repeat(L.entryBytes / 4)}`, /^entries\/sedation\.md: is 80\.\d KB, over the limit of 64 KB per entry$/m],
      ['too many alternate phrasings', 'entries/sedation.md', (t: string) => t.replace('questions:\n', `questions:\n${Array.from({ length: L.questionsPerEntry }, (_, i) => `  - "extra phrasing ${i}"\n`).join('')}`), `entries/sedation.md: questions: at most ${L.questionsPerEntry} alternate phrasings (the limit per entry)`],
      ['a title over the limit', 'entries/sedation.md', (t: string) => t.replace(/title: .*\n/, `title: ${'T'.repeat(L.titleCharacters + 1)}\n`), `entries/sedation.md: title: must be at most ${L.titleCharacters} characters`],
      ['a body blown up by placeholders', 'entries/sedation.md', (t: string) => `${t}\n${'{{policy.sedation}}'.repeat(3000)}`, `entries/sedation.md: body: is `],
      ['a YAML file over the limit', 'lay-terms.yaml', (t: string) => `${t}\n# ${'x'.repeat(L.yamlFileBytes)}\n`, 'lay-terms.yaml: is 1 MB, over the limit of 1 MB per file'],
    ])('reports %s, naming the limit', async (_kind, file, change, line) => {
      const dir = copyFixture();
      edit(dir, file, change);
      const result = await kbCheck(dir);
      expect(result.code).toBe(1);
      if (typeof line === 'string') expect(result.stderr).toContain(line);
      else expect(result.stderr).toMatch(line);
    });

    it('refuses a base whose entries together are over the limit, without reading them', async () => {
      const dir = copyFixture();
      const filler = `${'x'.repeat(L.entryBytes - 1)}\n`;
      for (let i = 0; i < Math.ceil(L.entriesBytes / L.entryBytes) + 1; i++) writeFileSync(join(dir, 'entries', `filler-${i}.md`), filler);
      const result = await kbCheck(dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^entries: is 16\.\d MB, over the limit of 16 MB for all entries together$/m);
      expect(result.stderr).not.toContain('filler-0.md');
    });
  });
});
