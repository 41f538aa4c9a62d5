import type { SearchIndex } from './build-index.ts';

/**
 * The phrasing comparison: for each shortlisted entry, the best idf-weighted overlap (weighted
 * Jaccard) of one of its phrasings with the question. A phrasing that shares no word with the
 * question scores 0 and cannot be the best, so a one-word-per-bit signature of each phrasing's
 * words skips most of them with one AND (a shared bit may still be two different words: those are
 * compared in full, as before).
 */
export function phrasingTable(index: SearchIndex, knownWeight: Float64Array) {
  const { phrasingStarts, phrasingTermStarts, phrasingTerms } = index.arrays;
  const signatures = new Int32Array(phrasingTermStarts.length - 1);
  const totals = new Float64Array(signatures.length);
  for (let p = 0; p < signatures.length; p++) {
    let signature = 0;
    let total = 0;
    for (let i = phrasingTermStarts[p]!; i < phrasingTermStarts[p + 1]!; i++) {
      signature |= termBit(phrasingTerms[i]!);
      total += knownWeight[phrasingTerms[i]!]!;
    }
    signatures[p] = signature;
    totals[p] = total;
  }
  return {
    best(e: number, questionWeight: Float64Array, mass: number, questionSignature: number): number {
      let best = 0;
      for (let p = phrasingStarts[e]!, last = phrasingStarts[e + 1]!; p < last; p++) {
        if ((signatures[p]! & questionSignature) === 0) continue;
        // A word weighs its `knownWeight` on either side (shared, or extra to the union), so with t
        // the phrasing's total weight the overlap is at most min(mass, t) / max(mass, t):
        // a phrasing that cannot beat the best so far is not compared (the margin covers rounding).
        const total = totals[p]!;
        if ((Math.min(mass, total) / Math.max(mass, total)) * (1 + 1e-9) <= best) continue;
        let shared = 0;
        let extra = 0;
        for (let i = phrasingTermStarts[p]!, end = phrasingTermStarts[p + 1]!; i < end; i++) {
          const id = phrasingTerms[i]!;
          const weight = questionWeight[id]!;
          if (weight > 0) shared += weight;
          else extra += knownWeight[id]!;
        }
        const union = mass + extra;
        if (union > 0 && shared / union > best) best = shared / union;
      }
      return best;
    },
  };
}

/** A term id's bit in a 32-bit word signature. */
export const termBit = (id: number) => 1 << (Math.imul(id, 0x9e3779b1) >>> 27);
