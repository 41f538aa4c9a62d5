import { linear, logistic, type ConfidenceSignals, type ConfidenceWeights } from '../match/confidence.ts';

/** One labelled question that the confidence (not a rule) decides. */
export interface FitRow {
  signals: ConfidenceSignals;
  /** True when the top-ranked entry is a right answer. */
  right: boolean;
}

export interface FitOptions {
  /** How much more a confidently wrong answer costs than an unneeded "I don't know". Default 3. */
  wrongCost?: number;
  /** L2 penalty on the weights (not the bias), per row, keeping them stable on few rows. Default 0.001. */
  l2?: number;
}

/**
 * Weighted logistic regression by Newton's method (4 parameters, so each step
 * solves a 4x4 system): the labels are "top entry is right", the wrong ones
 * weighted by `wrongCost`.
 *
 * @example fitConfidence([{ signals: { coverage: 1, phrasing: 0.9, margin: 1 }, right: true }, ...])
 */
export function fitConfidence(rows: readonly FitRow[], options: FitOptions = {}): ConfidenceWeights {
  const wrongCost = options.wrongCost ?? 3;
  const l2 = options.l2 ?? 0.001;
  const x = rows.map((r) => [r.signals.coverage, r.signals.phrasing, r.signals.margin, 1]);
  let w = [0, 0, 0, 0];
  for (let step = 0; step < 50; step++) {
    const gradient = w.map((v, j) => (j < 3 ? l2 * v * rows.length : 0));
    const hessian = w.map((_, j) => w.map((__, k) => (j === k && j < 3 ? l2 * rows.length : 0)));
    rows.forEach((row, i) => {
      const xi = x[i]!;
      const p = logistic(xi.reduce((sum, v, j) => sum + v * w[j]!, 0));
      const weight = row.right ? 1 : wrongCost;
      const residual = weight * (p - (row.right ? 1 : 0));
      const curvature = weight * p * (1 - p);
      xi.forEach((v, j) => {
        gradient[j] = gradient[j]! + residual * v;
        xi.forEach((u, k) => (hessian[j]![k] = hessian[j]![k]! + curvature * v * u));
      });
    });
    const delta = solve(hessian, gradient);
    w = w.map((v, j) => v - delta[j]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-9) break;
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return { coverage: round(w[0]!), phrasing: round(w[1]!), margin: round(w[2]!), bias: round(w[3]!) };
}

/** Would these weights answer (rather than fall back) for these signals? */
export function answers(signals: ConfidenceSignals, weights: ConfidenceWeights, threshold: number): boolean {
  return logistic(linear(signals, weights)) >= threshold;
}

/** Gaussian elimination with partial pivoting; the Hessian is small and positive definite. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= n; k++) a[r]![k] = a[r]![k]! - f * a[c]![k]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}
