import { describe, expect, it } from 'vitest';
import type { AskResponse } from '../../server/api/contract.ts';
import { judge, parseEvalSet, summarise } from './score.ts';

const answer = (id: string): AskResponse => ({
  kind: 'answer',
  answer: { id, title: id, text: '', sources: [] },
  related: [],
  confidence: 0.9,
});
const fallback: AskResponse = { kind: 'fallback', reason: 'not-found', message: '', suggestions: [], callback: { offered: true, phone: '1' } };
const emergency: AskResponse = { kind: 'emergency', message: '', actions: [] };

describe('judge', () => {
  it('counts an answer right only with a labelled id', () => {
    expect(judge({ q: 'a', expect: 'answer', ids: ['x', 'y'] }, answer('y')).ok).toBe(true);
    expect(judge({ q: 'a', expect: 'answer', ids: ['x'] }, answer('z'))).toMatchObject({ ok: false, got: 'z' });
    expect(judge({ q: 'a', expect: 'answer', ids: ['x'] }, fallback)).toMatchObject({ ok: false, got: 'fallback' });
  });

  it('wants a fallback for out-of-scope and an emergency for urgent questions', () => {
    expect(judge({ q: 'b', expect: 'fallback' }, fallback).ok).toBe(true);
    expect(judge({ q: 'b', expect: 'fallback' }, answer('x')).ok).toBe(false);
    expect(judge({ q: 'c', expect: 'emergency' }, emergency).ok).toBe(true);
    expect(judge({ q: 'c', expect: 'emergency' }, fallback).ok).toBe(false);
  });
});

describe('summarise', () => {
  it('computes each bucket separately', () => {
    const s = summarise([
      judge({ q: '1', expect: 'answer', ids: ['x'] }, answer('x')),
      judge({ q: '2', expect: 'answer', ids: ['x'] }, answer('y')),
      judge({ q: '3', expect: 'answer', ids: ['x'] }, answer('x')),
      judge({ q: '4', expect: 'answer', ids: ['x'] }, answer('x')),
      judge({ q: '5', expect: 'fallback' }, fallback),
      judge({ q: '6', expect: 'emergency' }, fallback),
    ]);
    expect(s.answers).toEqual({ total: 4, right: 3, rate: 0.75 });
    expect(s.outOfScope).toEqual({ total: 1, right: 1, rate: 1 });
    expect(s.urgent).toEqual({ total: 1, right: 0, rate: 0 });
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
  });
});
