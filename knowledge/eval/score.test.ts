import { describe, expect, it } from 'vitest';
import type { Decision } from '../decision.ts';
import type { KnowledgeEntry } from '../load/read-base.ts';
import { judge, parseEvalSet, summarise } from './score.ts';

const entry = (id: string): KnowledgeEntry => ({ id, title: id, questions: [id], tags: [], related: [], sources: [], reviewed: '2026-01-01', text: '', file: '' });
const answer = (id: string): Decision => ({ kind: 'answer', lang: 'en', entry: entry(id), related: [], confidence: 0.9 });
const fallback: Decision = { kind: 'not-found', lang: 'en', suggestions: [] };
const rule = { id: 'r', label: 'r', concepts: {}, crisis: false };
const emergency: Decision = { kind: 'urgent', lang: 'en', rule, care: 'emergency' };
const crisis: Decision = { kind: 'urgent', lang: 'en', rule: { ...rule, crisis: true }, care: 'crisis' };
const unsure: Decision = { kind: 'urgent', lang: 'en', rule, care: 'unsure' };

describe('judge', () => {
  it('counts an answer right only with a labelled id', () => {
    expect(judge({ q: 'a', expect: 'answer', ids: ['x', 'y'] }, answer('y')).ok).toBe(true);
    expect(judge({ q: 'a', expect: 'answer', ids: ['x'] }, answer('z'))).toMatchObject({ ok: false, got: 'z' });
    expect(judge({ q: 'a', expect: 'answer', ids: ['x'] }, fallback)).toMatchObject({ ok: false, got: 'not-found' });
  });

  it('wants a fallback for out-of-scope and an emergency for urgent questions', () => {
    expect(judge({ q: 'b', expect: 'fallback' }, fallback).ok).toBe(true);
    expect(judge({ q: 'b', expect: 'fallback' }, answer('x')).ok).toBe(false);
    expect(judge({ q: 'c', expect: 'emergency' }, emergency).ok).toBe(true);
    expect(judge({ q: 'c', expect: 'emergency' }, fallback).ok).toBe(false);
  });

  it('wants the crisis line for a 988 message, and no emergency for an ordinary one', () => {
    expect(judge({ q: 'd', expect: 'emergency', line: '988' }, emergency).ok).toBe(false);
    expect(judge({ q: 'd', expect: 'emergency', line: '988' }, crisis).ok).toBe(true);
    expect(judge({ q: 'e', expect: 'ordinary' }, answer('x')).ok).toBe(true);
    expect(judge({ q: 'e', expect: 'ordinary' }, emergency).ok).toBe(false);
  });

  it('counts the unsure tier as emergency guidance: it catches a 911 emergency, not a 988 one, and is an alarm on an ordinary message', () => {
    expect(judge({ q: 'f', expect: 'emergency' }, unsure)).toMatchObject({ ok: true, got: 'unsure' });
    expect(judge({ q: 'f', expect: 'emergency', line: '988' }, unsure).ok).toBe(false);
    expect(judge({ q: 'g', expect: 'ordinary' }, unsure).ok).toBe(false);
    expect(summarise([judge({ q: 'g', expect: 'ordinary' }, unsure), judge({ q: 'h', expect: 'answer', ids: ['x'] }, unsure)])).toMatchObject({ unsure: 2, wrongAnswers: 0 });
  });
});

describe('summarise', () => {
  it('computes each bucket separately, and counts wrong answers apart from "I don\'t know"', () => {
    const s = summarise([
      judge({ q: '1', expect: 'answer', ids: ['x'] }, answer('x')),
      judge({ q: '2', expect: 'answer', ids: ['x'] }, answer('y')),
      judge({ q: '3', expect: 'answer', ids: ['x'] }, fallback),
      judge({ q: '4', expect: 'answer', ids: ['x'] }, answer('x')),
      judge({ q: '5', expect: 'fallback' }, fallback),
      judge({ q: '6', expect: 'emergency' }, answer('x')),
      judge({ q: '7', expect: 'ordinary' }, emergency),
    ]);
    expect(s.answers).toEqual({ total: 4, right: 2, rate: 0.5 });
    expect(s.outOfScope).toEqual({ total: 1, right: 1, rate: 1 });
    expect(s.urgent).toEqual({ total: 1, right: 0, rate: 0 });
    expect(s.ordinary).toEqual({ total: 1, right: 0, rate: 0 });
    expect(s.wrongAnswers).toBe(1);
    expect(s.urgentAnswered).toBe(1);
  });

  it('treats an empty bucket as fully right', () => {
    expect(summarise([]).urgent).toEqual({ total: 0, right: 0, rate: 1 });
  });
});

describe('parseEvalSet', () => {
  it('reads JSON lines and skips blank ones', () => {
    expect(parseEvalSet('{"q":"hi","expect":"fallback"}\n\n{"q":"x","expect":"answer","ids":["a"]}\n')).toHaveLength(2);
  });

  it('names the malformed line', () => {
    expect(() => parseEvalSet('{"q":"hi","expect":"fallback"}\n{"q":"x","expect":"maybe"}')).toThrow(/line 2/);
    expect(() => parseEvalSet('{"q":"hi"')).toThrow(/line 1: not valid JSON/);
  });
});
