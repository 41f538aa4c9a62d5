/**
 * Answers edited over real HTTP: list, validation in staff words, atomic
 * saves that go live without a restart, revisions, phrasings from unanswered
 * questions, "try a question", the status panel, and the last good copy.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntrySummary, ExplainResponse, KbStatus, PhrasingAdded } from '../../server/api/contract.ts';
import { root, startTestServer, tempDir, type TestServer } from './support/start.ts';
import { addAccount, signIn, type StaffClient } from './support/staff.ts';

let server: TestServer;
let editor: StaffClient;
const kbDir = tempDir('kb-edit');
cpSync(join(root, 'knowledge', 'base'), kbDir, { recursive: true });
const entryFile = (id: string) => join(kbDir, 'entries', `${id}.md`);
const ask = async (question: string) => (await server.postJson('/api/ask', { question })).json();

beforeAll(async () => {
  server = await startTestServer({ env: { KNOWLEDGE_DIR: kbDir } });
  await addAccount(server.dataDir, 'editor@clinic.example', 'editor');
  editor = await signIn(server, 'editor@clinic.example');
});
afterAll(async () => {
  await server.close();
  rmSync(kbDir, { recursive: true, force: true });
});

const newEntry = {
  title: 'Can I have an interpreter?',
  questions: ['do you have an interpreter', 'can I get a translator for my visit'],
  body: 'Yes. {{clinic.name}} arranges a medical interpreter free of charge; tell the front desk when you book.',
  tags: ['interpreter', 'translator'],
  related: ['contact'],
  sources: [{ title: 'HHS: Language access', url: 'https://www.hhs.gov/civil-rights/for-individuals/special-topics/limited-english-proficiency/index.html' }],
};

describe('the answer list', () => {
  it('lists every entry with its raw body, last reviewed date and feedback counts, and searches', async () => {
    await server.postJson('/api/feedback', { entryId: 'driver', helpful: false });
    const all: EntrySummary[] = await (await editor.request('/api/admin/entries')).json();
    expect(all.length).toBe(readdirSync(join(kbDir, 'entries')).length);
    const driving = all.find((e) => e.id === 'driving-after')!;
    expect(driving).toMatchObject({ reviewed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), helpful: 0, notHelpful: 0 });
    expect(driving.body).toContain('{{policy.drivingAfter}}');
    expect(all.find((e) => e.id === 'driver')!.notHelpful).toBe(1);
    const found: EntrySummary[] = await (await editor.request('/api/admin/entries?q=behind%20the%20wheel')).json();
    expect(found.map((e) => e.id)).toEqual(['driving-after']);
  });
});

describe('saving an answer', () => {
  it('creates a new entry (201), written as Markdown the loader reads, and answers with it at once', async () => {
    expect((await ask('do you have an interpreter')).kind).toBe('fallback');
    const res = await editor.json('/api/admin/entries/interpreter', 'PUT', newEntry);
    expect(res.status).toBe(201);
    const text = readFileSync(entryFile('interpreter'), 'utf8');
    expect(text).toMatch(/^---\nid: interpreter\ntitle: Can I have an interpreter\?\n/);
    expect(text).toContain('Yes. {{clinic.name}} arranges');
    const reply = await ask('do you have an interpreter');
    expect(reply).toMatchObject({ kind: 'answer', answer: { id: 'interpreter', text: expect.stringContaining('Riverside Spine Center') } });
    expect(readdirSync(join(kbDir, 'entries')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses an invalid save with staff-worded reasons, positions from 1, and changes nothing', async () => {
    const before = readFileSync(entryFile('interpreter'), 'utf8');
    const res = await editor.json('/api/admin/entries/interpreter', 'PUT', {
      ...newEntry,
      questions: ['fine', ' '],
      related: ['contact', 'procedure-step'],
      body: 'Call {{clinic.fax}}.',
    });
    expect(res.status).toBe(400);
    const { fields } = await res.json();
    expect(fields.questions).toBe('Alternate phrasing 2: must be 1 to 300 characters');
    expect(readFileSync(entryFile('interpreter'), 'utf8')).toBe(before);

    const kbLevel = await editor.json('/api/admin/entries/interpreter', 'PUT', { ...newEntry, related: ['contact', 'procedure-step'], body: 'Call {{clinic.fax}}.' });
    expect(kbLevel.status).toBe(400);
    const reasons = (await kbLevel.json()).fields;
    expect(reasons.related).toBe('Related answer 2: no answer has the id "procedure-step": did you mean procedure-steps?');
    expect(reasons.body).toMatch(/^Answer text: unknown placeholder \{\{clinic\.fax\}\}/);
    expect(readFileSync(entryFile('interpreter'), 'utf8')).toBe(before);
    expect((await ask('do you have an interpreter')).answer.text).toContain('front desk');
  });

  it('checks as you type without writing anything', async () => {
    const res = await editor.json('/api/admin/entries/interpreter/check', 'POST', { ...newEntry, sources: [] });
    expect(await res.json()).toEqual({ ok: false, fields: { sources: expect.stringMatching(/at least one source/) } });
    expect(await (await editor.json('/api/admin/entries/interpreter/check', 'POST', newEntry)).json()).toEqual({ ok: true, fields: {} });
  });

  it('keeps each revision with who and when, and restores one', async () => {
    await editor.json('/api/admin/entries/interpreter', 'PUT', { ...newEntry, body: 'Second version.' });
    const { revisions } = await (await editor.request('/api/admin/entries/interpreter')).json();
    expect(revisions.map((r: { note: string; who: string }) => [r.note, r.who])).toEqual([
      ['saved', 'editor@clinic.example'],
      ['created', 'editor@clinic.example'],
    ]);
    const first = revisions[1].id;
    expect((await (await editor.request(`/api/admin/entries/interpreter/revisions/${first}`)).json()).source).toContain('tell the front desk');
    expect((await editor.json(`/api/admin/entries/interpreter/revisions/${first}/restore`, 'POST', {})).status).toBe(200);
    expect(readFileSync(entryFile('interpreter'), 'utf8')).toContain('tell the front desk');
    expect((await ask('do you have an interpreter')).answer.text).toContain('front desk');
  });

  it('keeps the hand-written file as a revision before the first browser edit', async () => {
    const original = readFileSync(entryFile('driver'), 'utf8');
    const entry = await (await editor.request('/api/admin/entries/driver')).json();
    await editor.json('/api/admin/entries/driver', 'PUT', { ...entry, title: 'Do I need a driver to take me home?' });
    const { revisions } = await (await editor.request('/api/admin/entries/driver')).json();
    const kept = await (await editor.request(`/api/admin/entries/driver/revisions/${revisions.at(-1).id}`)).json();
    expect(kept).toMatchObject({ who: 'file on disk', source: original });
  });
});

describe('from an unanswered question', () => {
  it('adds it as an alternate phrasing, with the trace before and after; it leaves the unanswered list', async () => {
    const question = 'does the lobby have magazines to read';
    expect((await ask(question)).kind).toBe('fallback');
    await new Promise((r) => setTimeout(r, 1100)); // the question log writes in batches
    const unanswered = async () => ((await (await editor.request('/api/admin/unanswered')).json()) as Array<{ example: string }>).map((q) => q.example);
    expect(await unanswered()).toContain(question);
    const res = await editor.json('/api/admin/entries/preparation/phrasings', 'POST', { question });
    expect(res.status).toBe(200);
    const added: PhrasingAdded = await res.json();
    expect(added.before.decision.kind).not.toBe('answer');
    expect(added.after.decision).toMatchObject({ kind: 'answer', entryId: 'preparation' });
    expect(added.entry.questions).toContain(question);
    expect((await ask(question)).answer.id).toBe('preparation');
    expect(await unanswered()).not.toContain(question);
  });
});

describe('try a question', () => {
  it('explains the decision, the winning entry and the signals', async () => {
    const res = await editor.json('/api/admin/explain', 'POST', { question: 'can I drive home after the block?' });
    const explained: ExplainResponse = await res.json();
    expect(explained.decision).toMatchObject({ kind: 'answer', entryId: 'driving-after', confidence: expect.any(Number) });
    expect(explained.trace.candidates[0]).toMatchObject({ id: 'driving-after', title: expect.any(String), score: expect.any(Number), bm25: expect.any(Number) });
    expect(explained.trace.words).toContain('drive');
    const urgent: ExplainResponse = await (await editor.json('/api/admin/explain', 'POST', { question: 'I have a fever and the injection site is red and swollen' })).json();
    expect(urgent.decision.kind).toBe('urgent');
    expect(urgent.decision.rule?.id).toEqual(expect.any(String));
    expect((await editor.json('/api/admin/explain', 'POST', { question: '' })).status).toBe(400);
  });
});

describe('knowledge base status and the last good copy', () => {
  it('shows a bad file in staff words, keeps serving, and a restart serves the last good copy', async () => {
    writeFileSync(entryFile('broken'), '---\nid: broken\ntitle: Driving: when can I?\n---\nBody.\n');
    writeFileSync(join(kbDir, 'entries', 'notes.markdown'), 'x');
    const status: KbStatus = await (await editor.request('/api/admin/kb/status')).json();
    expect(status.problems).toEqual([{ file: 'entries/broken.md', reason: 'line 3: put quotes around a title that contains a colon, like title: "Driving: when can I?"' }]);
    expect(status.warnings[0]).toMatchObject({ file: 'entries/notes.markdown', reason: expect.stringMatching(/only files ending in .md/) });
    expect(status.placeholders).toContainEqual({ name: 'clinic.phone', value: '855-681-7480' });
    expect((await ask('can I drive home after the block?')).kind).toBe('answer');

    const restarted = await startTestServer({ env: { KNOWLEDGE_DIR: kbDir }, dataDir: server.dataDir });
    try {
      expect((await (await restarted.postJson('/api/ask', { question: 'do you have an interpreter' })).json()).answer.id).toBe('interpreter');
      const again = await signIn(restarted, 'editor@clinic.example');
      const s: KbStatus = await (await again.request('/api/admin/kb/status')).json();
      expect(s.servingLastGood).toBe(true);
      expect(s.problems[0]!.file).toBe('entries/broken.md');
    } finally {
      await restarted.close();
      rmSync(entryFile('broken'));
      rmSync(join(kbDir, 'entries', 'notes.markdown'));
    }
  });
});
