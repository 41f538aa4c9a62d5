/**
 * Urgent triage on fresh paraphrases, written after the rules (never copied
 * into them): every one must get emergency guidance, and ordinary after-effect
 * questions must still get their FAQ answer.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../knowledge/index.ts';
import { bundledKnowledgeDir } from '../../knowledge/locate.ts';
import { toAskResponse } from '../../server/answer/respond.ts';

const kb = openKnowledge({ dir: fileURLToPath(new URL('./fixtures/kb', import.meta.url)) });
afterAll(() => kb.close());
/** What a visitor would get: the engine's decision as the server words it. */
const ask = (question: string) => toAskResponse(kb.decide(question), kb.profile());

const mustFire = [
  'cant catch my breath since the shot',
  'lips and tongue getting huge',
  'peed myself and my butt is numb',
  'my legs keep giving out and i cant stand up',
  'numbness is spreading up my leg and getting worse',
  "it's been 2 days and my leg is still numb, not going away",
  'I have no feeling in my private area',
  "can't hold my pee anymore after the block",
  'temp 101 and the shot spot is oozing',
  'fever and the site is warm to touch and red',
  'my neck is really stiff and i have a fever',
  'this headache is the worst ever',
  'my head pain gets much worse when i sit up',
  'my chest feels tight and heavy',
  'struggling to breathe',
  'feels like my throat is closing up',
  'broke out in hives all over',
  'i passed out in the kitchen',
  'fell and bumped my head on the counter',
  'the needle spot keeps bleeding and soaked the bandage',
  'one side of my face is drooping',
  "her face dropped and she can't raise her arm",
  'my words are coming out wrong',
  'suddenly i cannot see out of one eye',
  'my ears are ringing and i taste metal',
  'my husband had a seizure after the injection',
  'she seems confused and disoriented',
  'i took a whole bottle of oxycodone',
  'i took the whole bottle',
  'my legs gave way twice this afternoon',
  'she keeps falling since she got home',
  'I overdosed on my pain meds',
  'i dont want to live anymore',
  'thinking about ending my life',
  'i wanna die',
  'i keep thinking i would be better off dead',
  'i want to hurt myself',
  'cant breth',
  'my lipps are sweling',
  // Denials nearby must never hide a real emergency.
  'no fever but i can not breathe',
  'i am not able to breathe',
  'it will not stop bleeding',
  'No, fever 101 and the needle spot is red',
  'not numb but my legs keep giving out and i cant stand',
  'no headache, just chest pain',
  'I do not feel my legs and cannot walk',
  'breathing feels so difficult right now',
  // A fever the visitor has now, after the procedure (the brief's "call for fever over 100.4 F").
  'ive got a temp of 101 since my injection',
  'my husband is running a fever after his nerve block',
  'woke up this morning with chills and a fever after the mbb',
  'temperature is 38.5 after the shot',
  'i have a fever afterwards, what if it is the injection',
  'been feverish since the procedure, should i call',
];

// Asking about a fever (or being ill before the procedure) is a question, not an emergency.
const notUrgent = [
  'what if i get a fever after',
  'when should i call about a fever',
  'can i have the block if i have a fever',
  'if i have a temperature after the shot what do i do',
  'should i get a fever after the injection',
  'i have a fever since yesterday, can i still have my block tomorrow',
  'i have a temperature the night before the shot',
];

const mustNotFire: [question: string, id: string][] = [
  ['is soreness normal', 'soreness-after'],
  ['my back is sore after the shot', 'soreness-after'],
  ['leg numb 2 hrs after normal?', 'numbness-after'],
  ['my leg feels numb after the block', 'numbness-after'],
  ['how long does the numbness last', 'numbness-after'],
  ['can i drive home afterwards', 'driving-after'],
  ['will they put me under', 'sedation'],
  ['i take eliquis, do i stop it', 'blood-thinners'],
  ['should i keep taking my blood thinner', 'blood-thinners'],
  ['what is a medial branch block', 'what-is-mbb'],
  ['no fever, no redness, my back is just sore after the shot', 'soreness-after'],
  // "ring" is how many visitors say "phone"; a question about a possible after-effect is not one happening now.
  ['can i ring you if my back is sore after the shot', 'soreness-after'],
  ['will my legs feel heavy or give way after the block', 'numbness-after'],
  ['can i lift my arm after the neck block, it feels numb', 'numbness-after'],
  ["i don't have a fever, my back is just sore after the shot", 'soreness-after'],
];

/** A red flag reported now on weak evidence: the unsure tier, never an FAQ answer. */
const unsure = [
  'my chest feels weird since the shot',
  'the injection site is bleeding a little since I got home',
  'I feel faint since the shot',
  'i have a headache after the block',
];

// The same words, not reported as happening: no gate at all.
const notUnsure = ['what does a chest x-ray show', 'years ago my chest felt odd after a shot', 'will my head hurt after the block'];

describe('the unsure tier', () => {
  it.each(unsure)('"%s" gets emergency guidance together with the clinic\'s numbers', (question) => {
    const decision = kb.decide(question);
    expect(decision).toMatchObject({ kind: 'urgent', care: 'unsure' });
    const response = ask(question);
    expect(response).toMatchObject({ kind: 'emergency', care: 'unsure' });
    if (response.kind !== 'emergency') return;
    // 911 first, then the clinic's own line and its after-hours line; never the crisis line.
    expect(response.actions.map((a) => a.tel)).toEqual(['911', '5550100000', '5550100001']);
    expect(response.message).toMatch(/911/);
    expect(response.message).toContain('555-010-0000');
  });

  it.each(notUnsure)('"%s" is not gated', (question) => {
    expect(kb.decide(question).kind).not.toBe('urgent');
  });

  it('lets a rule that fires win over an unsure reading', () => {
    expect(kb.decide('my chest feels tight and heavy since the shot')).toMatchObject({ kind: 'urgent', care: 'emergency' });
  });

  it('reads Spanish the same way, with or without accents (the bundled base has Spanish)', () => {
    const bundled = openKnowledge({ dir: bundledKnowledgeDir() });
    for (const question of ['siento el pecho raro desde la inyección', 'siento el pecho raro desde la inyeccion', 'me duele la cabeza desde el bloqueo']) {
      expect(bundled.decide(question)).toMatchObject({ kind: 'urgent', care: 'unsure', lang: 'es' });
    }
    bundled.close();
  });

  it('explains itself in the trace', () => {
    const { trace } = kb.explain('my chest feels weird since the shot');
    expect(trace.triage.unsure?.id).toBe('chest-or-breathing');
    expect(trace.summary).toMatch(/unsure/);
  });
});

describe('urgent triage', () => {
  it.each(mustFire)('"%s" gets emergency guidance only', (question) => {
    const response = ask(question);
    expect(response.kind).toBe('emergency');
    if (response.kind !== 'emergency') return;
    // Bodily emergencies: 911 and the after-hours line; the crisis line first, and only, for self-harm.
    const decision = kb.decide(question);
    const crisis = decision.kind === 'urgent' && decision.care === 'crisis';
    expect(response.actions.map((a) => a.tel)).toEqual(crisis ? ['988', '911', '5550100001'] : ['911', '5550100001']);
    expect(response).not.toHaveProperty('answer');
  });

  it.each(mustNotFire)('"%s" still gets its answer (%s)', (question, id) => {
    const response = ask(question);
    expect(response.kind).toBe('answer');
    if (response.kind === 'answer') expect(response.answer.id).toBe(id);
  });

  it.each(notUrgent)('"%s" is not urgent', (question) => {
    expect(ask(question).kind).not.toBe('emergency');
  });

  it('puts the crisis line first for self-harm', () => {
    const response = ask('i have been thinking about killing myself');
    expect(response.kind === 'emergency' && response.actions[0]?.tel).toBe('988');
    expect(response.kind === 'emergency' && response.message).toMatch(/988/);
  });

  it('checks urgency before anything else, even inside an FAQ-like question', () => {
    expect(ask('is it normal that i cant walk after the injection').kind).toBe('emergency');
    expect(ask('fever and swelling where the shot was, is that normal').kind).toBe('emergency');
    expect(ask('worst headache ever since the block, is that a side effect').kind).toBe('emergency');
  });
});
