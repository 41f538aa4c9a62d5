import { describe, expect, it } from 'vitest';
import type { Clause } from '../text/clauses.ts';
import type { RankedEntry } from './rank.ts';
import { readings } from './reading.ts';

const bestReading = (...args: Parameters<typeof readings>) => readings(...args).chosen;

/** A ranking whose top entry is `index`, clear (confidence near 1) or vague (near 0). */
const ranking = (index: number, clear: boolean): RankedEntry[] => [
  clear
    ? { index, bm25: 1, phrasing: 1, coverage: 1, onTopic: true, score: 2 }
    : { index, bm25: 0.3, phrasing: 0.2, coverage: 0.3, onTopic: true, score: 0.5 },
];
const part = (index: number, clear: boolean, flags: Partial<Clause> = {}) => ({
  start: 0,
  end: 3,
  asks: true,
  joined: false,
  ...flags,
  ranked: ranking(index, clear),
});

describe('bestReading', () => {
  it('answers from the whole question when it is clear', () => {
    expect(bestReading(ranking(1, true), [part(2, true, { asks: false }), part(3, true)])?.top.index).toBe(1);
  });

  it('answers from the part that asks when the whole is vague', () => {
    expect(bestReading(ranking(1, false), [part(2, true, { asks: false }), part(3, true)])?.top.index).toBe(3);
  });

  it('never answers from a part that only tells ("she had her shots this morning")', () => {
    expect(bestReading(ranking(1, false), [part(2, true, { asks: false }), part(3, false)])).toBeUndefined();
  });

  it('answers the first of two joined questions when it is clear', () => {
    expect(bestReading(ranking(1, true), [part(2, true), part(3, true, { joined: true })])?.top.index).toBe(2);
    expect(bestReading(ranking(1, true), [part(2, false), part(3, true, { joined: true })])?.top.index).toBe(1);
  });

  it('lets a joined lead decide only when it asks: a story lead ("my wife has the MBB monday and ...") does not', () => {
    expect(bestReading(ranking(1, true), [part(2, true, { asks: false }), part(3, true, { joined: true })])?.top.index).toBe(1);
  });

  it('never answers from an entry that shares only ordinary words it does not name', () => {
    const offTopic = ranking(1, true).map((r) => ({ ...r, onTopic: false }));
    expect(bestReading(offTopic, [])).toBeUndefined();
  });

  it('never answers from a part that shares only the words nearly every entry uses ("igual voy al bloqueo")', () => {
    const generic = { ...part(3, true), ranked: [{ index: 3, bm25: 0.1, phrasing: 1, coverage: 1, onTopic: true, score: 1.1 }] };
    expect(bestReading(ranking(1, false), [generic])).toBeUndefined();
    // The whole question keeps no such floor.
    expect(bestReading(generic.ranked, [])?.top.index).toBe(3);
  });

  it('gives no reading when nothing is clear', () => {
    expect(bestReading(ranking(1, false), [part(2, false), part(3, false)])).toBeUndefined();
    expect(bestReading([], [])).toBeUndefined();
  });
});
