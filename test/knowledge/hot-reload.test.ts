import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge, type KnowledgeService } from '../../knowledge/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'kb-reload-'));
cpSync(fileURLToPath(new URL('./fixtures/kb', import.meta.url)), dir, { recursive: true });
const logs: string[] = [];
const kb: KnowledgeService = openKnowledge({ dir, watch: true, log: (m) => logs.push(m) });
afterAll(() => {
  kb.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Polls until `check` passes (file watching is asynchronous); fails after 10 s. */
async function eventually(check: () => void): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

const drivingText = () => {
  const decision = kb.decide('can I drive home afterwards');
  return decision.kind === 'answer' ? decision.entry.text : decision.kind;
};
const entryFile = join(dir, 'entries/driving-after.md');

describe('hot reload', () => {
  it('serves an edited entry after the file changes', async () => {
    writeFileSync(entryFile, readFileSync(entryFile, 'utf8').replace('{{policy.drivingAfter}}', 'No driving until tomorrow, says {{clinic.name}}.'));
    await eventually(() => expect(drivingText()).toBe('No driving until tomorrow, says Test Spine Clinic.'));
    expect(logs.some((m) => m.includes('reloaded'))).toBe(true);
    // Built in the worker thread, not by the synchronous fallback.
    expect(logs.some((m) => m.includes('rebuilding on the main thread'))).toBe(false);
  });

  it('picks up a new entry file', async () => {
    writeFileSync(
      join(dir, 'entries/parking.md'),
      '---\nid: parking\ntitle: Where do I park?\nquestions: [where can I leave my car]\nsources:\n  - title: Clinic\n    url: https://example.org/p\nreviewed: 2026-11-27\n---\nPark in the garage behind the clinic.\n',
    );
    await eventually(() => expect(kb.entryIds()).toContain('parking'));
  });

  it('keeps the last good version and logs why when a change is invalid', async () => {
    const before = logs.length;
    writeFileSync(entryFile, readFileSync(entryFile, 'utf8').replace('related: [sedation]', 'related: [no-such-entry]'));
    await eventually(() => expect(logs.slice(before).join('\n')).toContain('entries/driving-after.md: related.0: unknown entry id "no-such-entry"'));
    expect(logs.slice(before).join('\n')).toMatch(/still serving the previous version/);
    expect(drivingText()).toBe('No driving until tomorrow, says Test Spine Clinic.');
    expect(kb.entryIds()).toContain('parking');
  });

  it('refuses an oversized entry added by hot reload, without reading it, and keeps serving', async () => {
    const before = logs.length;
    writeFileSync(join(dir, 'entries/huge.md'), `---\nid: huge\n---\n${'x'.repeat(5 * 1024 * 1024)}\n`);
    await eventually(() => expect(logs.slice(before).join('\n')).toMatch(/entries\/huge\.md: is 5 MB, over the limit of 64 KB per entry/));
    expect(kb.entryIds()).not.toContain('huge');
    expect(kb.entryIds()).toContain('parking');
    rmSync(join(dir, 'entries/huge.md'));
  });

  it('stops reloading after close()', async () => {
    kb.close();
    const before = logs.length;
    writeFileSync(entryFile, readFileSync(entryFile, 'utf8').replace('related: [no-such-entry]', 'related: [sedation]'));
    await new Promise((r) => setTimeout(r, 400));
    expect(logs.length).toBe(before);
  });
});

describe('a folder swapped under the configured path (mv live old; mv new live)', () => {
  it('reloads from the new folder and keeps watching it, not the old one', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'kb-swap-'));
    const live = join(parent, 'live');
    cpSync(fileURLToPath(new URL('./fixtures/kb', import.meta.url)), live, { recursive: true });
    const swapLogs: string[] = [];
    const swapped = openKnowledge({ dir: live, watch: true, log: (m) => swapLogs.push(m) });
    const driving = () => {
      const r = swapped.decide('can I drive home afterwards');
      return r.kind === 'answer' ? r.entry.text : r.kind;
    };
    const rewrite = (folder: string, text: string) => {
      const file = join(folder, 'entries/driving-after.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\n---\n[\s\S]*$/, `\n---\n${text}\n`));
    };
    try {
      const next = join(parent, 'new');
      cpSync(live, next, { recursive: true });
      rewrite(next, 'Release two says no driving.');
      renameSync(live, join(parent, 'old'));
      renameSync(next, live);
      await eventually(() => expect(driving()).toBe('Release two says no driving.'));
      // Edits now land in the new folder's files and are picked up.
      rewrite(live, 'Release two, edited in place.');
      await eventually(() => expect(driving()).toBe('Release two, edited in place.'));
      // The old folder is no longer watched.
      const reloads = swapLogs.filter((m) => m.includes('reloaded')).length;
      rewrite(join(parent, 'old'), 'Old release edited.');
      await new Promise((r) => setTimeout(r, 1500));
      expect(swapLogs.filter((m) => m.includes('reloaded')).length).toBe(reloads);
      expect(driving()).toBe('Release two, edited in place.');
    } finally {
      swapped.close();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
