import { describe, expect, it } from 'vitest';
import { answers, fitConfidence, type FitRow } from './fit.ts';

const row = (coverage: number, phrasing: number, margin: number, right: boolean): FitRow => ({ signals: { coverage, phrasing, margin }, right });
// Right answers have close phrasings and clear margins; wrong ones do not, with some overlap.
const rows: FitRow[] = [];
for (let i = 0; i < 40; i++) {
  const t = i / 40;
  rows.push(row(0.8 + 0.2 * t, 0.45 + 0.5 * t, 0.6 + 0.4 * t, true));
  rows.push(row(0.3 + 0.4 * t, 0.05 + 0.45 * t, 0.4 * t, false));
}

describe('fitConfidence', () => {
  it('learns weights that separate right from wrong top entries', () => {
    const weights = fitConfidence(rows);
    expect(weights.phrasing).toBeGreaterThan(0);
    expect(answers({ coverage: 1, phrasing: 0.9, margin: 1 }, weights, 0.5)).toBe(true);
    expect(answers({ coverage: 0.4, phrasing: 0.1, margin: 0.1 }, weights, 0.5)).toBe(false);
  });

  it('answers less often when wrong answers cost more', () => {
    const answered = (wrongCost: number) => {
      const weights = fitConfidence(rows, { wrongCost });
      return rows.filter((r) => answers(r.signals, weights, 0.5)).length;
    };
    expect(answered(5)).toBeLessThanOrEqual(answered(1));
  });
});
