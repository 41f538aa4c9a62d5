import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { AskResponse } from '../../server/api/contract.ts';
import { openKnowledge } from '../../knowledge/index.ts';
import { toAskResponse } from '../../server/answer/respond.ts';

const kb = openKnowledge({ dir: fileURLToPath(new URL('./fixtures/kb', import.meta.url)) });
afterAll(() => kb.close());
/** What a visitor would get: the engine's decision as the server words it. */
const ask = (question: string) => toAskResponse(kb.decide(question), kb.profile());

const answered = (response: AskResponse) => (response.kind === 'answer' ? response.answer.id : response.kind);

describe('answers', () => {
  it.each([
    ['what is a medial branch block', 'what-is-mbb'],
    ['What exactly is an MBB?', 'what-is-mbb'],
    ['medial brnach blok what is it', 'what-is-mbb'],
    ['when am I allowed to drive again after it', 'driving-after'],
    ['will I be knocked out, or put me under?', 'sedation'],
    ['i take xarelto', 'blood-thinners'],
    ['injections: does insurance pay for them', 'cost-insurance'],
    ['how long am i going to be sore after the shots', 'soreness-after'],
  ])('"%s" -> %s', (question, id) => {
    expect(answered(ask(question))).toBe(id);
  });

  it('sends the rendered entry with sources, related questions and a confidence', () => {
    const response = ask('can I drive home afterwards');
    expect(response).toMatchObject({
      kind: 'answer',
      answer: {
        id: 'driving-after',
        title: 'Can I drive after the block?',
        text: 'Most clinics ask you not to drive on the day; the test clinic will confirm.',
        sources: [{ title: 'Test source', url: 'https://example.org/source' }],
      },
      related: [{ id: 'sedation', question: 'Will I be sedated?' }],
    });
    expect(response.kind === 'answer' && response.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('fills clinic placeholders at load time', () => {
    const response = ask('should I stop my blood thinner');
    expect(response.kind === 'answer' && response.answer.text).toContain('Tell Test Spine Clinic early.');
  });
});

describe('long and personal questions', () => {
  it.each([
    // A story with one question in it: the question part answers.
    ['I have had a bad back for about twelve years after a fall at the warehouse, my neighbour told me all sorts of stories, can I drive home afterwards?', 'driving-after'],
    // Who is asking (job, age) is not what they ask about.
    ['as a car mechanic aged 67 will I be awake', 'sedation'],
    // Two questions in one: the first, which the visitor leads with.
    ['what is an mbb and how long will I be sore', 'what-is-mbb'],
  ])('"%s" -> %s', (question, id) => {
    expect(answered(ask(question))).toBe(id);
  });

  it('lets everyday words the base never uses ("shops", "night") count less than missing topics', () => {
    expect(answered(ask('can i drive to the shops that night'))).toBe('driving-after');
    expect(answered(ask('is driving ok the same night after work at the store'))).toBe('driving-after');
    // A topic word the base lacks still counts fully, everyday words around it or not.
    expect(ask('can i bake bread that night').kind).toBe('fallback');
  });

  it('does not answer from ordinary words an entry only uses in passing ("what day is it")', () => {
    expect(ask('what day is it').kind).toBe('fallback');
    expect(ask('is it ok to go home the same day').kind).toBe('fallback');
    // The same ordinary word, with the entry's topic beside it, still answers.
    expect(answered(ask('is driving ok the same day'))).toBe('driving-after');
  });

  it('knows another form of a one-word lay term ("jabbing" for "jab")', () => {
    expect(ask('jabbing?').kind).toBe('answer');
  });

  it('still refuses a story with no question it can answer', () => {
    expect(ask('I have had a bad back for about twelve years, my neighbour told me all sorts of stories, what do you think of my mattress').kind).toBe('fallback');
  });
});

describe('refusals', () => {
  it.each([
    'can i book an appointment for monday',
    'i need to cancel my visit',
    'how long is recovery from a knee replacement',
    'asdfgh',
    'what is the capital of france',
    'tell me a joke',
    'how do I bake bread',
  ])('"%s" gets a fallback with the callback offer', (question) => {
    const response = ask(question);
    expect(response.kind).toBe('fallback');
    if (response.kind !== 'fallback') return;
    expect(response.callback).toEqual({ offered: true, phone: '555-010-0000' });
    expect(response.message).toMatch(/555-010-0000/);
    expect(response.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('names out-of-scope requests as such and suggests nearby questions', () => {
    const response = ask('please reschedule my appointment');
    expect(response).toMatchObject({ kind: 'fallback', reason: 'out-of-scope' });
    const unsure = ask('does the block help with insomnia and sleep');
    expect(unsure).toMatchObject({ kind: 'fallback', reason: 'not-found' });
  });

  it.each([
    ['hi', 'greeting'],
    ['Hello there!', 'greeting'],
    ['thank you so much', 'thanks'],
    ['ok bye', 'goodbye'],
    ["you're useless", 'complaint'],
  ])('"%s" is small talk (%s), answered in kind', (question, intent) => {
    expect(kb.decide(question)).toMatchObject({ kind: 'small-talk', intent });
    expect(ask(question)).toMatchObject({ kind: 'fallback', reason: 'small-talk', suggestions: [] });
  });

  it('never swallows a question that starts with small talk', () => {
    expect(kb.decide('hi, can I drive home afterwards')).toMatchObject({ kind: 'answer', entry: { id: 'driving-after' } });
  });
});

describe('service', () => {
  it('serves the clinic config and entry ids', () => {
    expect(kb.profile()).toMatchObject({
      clinic: { name: 'Test Spine Clinic', phone: '555-010-0000', hours: 'Mon-Fri 9-5', afterHoursPhone: '555-010-0001' },
      greeting: 'Hello from the test clinic.',
      starters: ['What is a medial branch block?'],
    });
    expect(kb.entryIds()).toHaveLength(7);
    expect(kb.entryIds()).toContain('what-is-mbb');
  });
});
