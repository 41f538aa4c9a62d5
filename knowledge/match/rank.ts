import type { Analysed } from './analyse.ts';
import type { SearchIndex } from './build-index.ts';

export interface RankedEntry {
  index: number;
  /** BM25 over the entry's weighted fields, divided by the question's idf mass. */
  bm25: number;
  /** Best idf-weighted overlap (weighted Jaccard) with one of the entry's phrasings, 0..1. */
  phrasing: number;
  /** Share of the question's idf mass that this entry contains, 0..1. */
  coverage: number;
  /**
   * False when the entry shares only ordinary words with the question that it
   * does not name in its title or tags ("what **day** is it", "how do I **fix**
   * my wifi"): words it uses in passing, so no evidence of the question's topic.
   */
  onTopic: boolean;
  score: number;
}

export interface RankOptions {
  /** Candidates (by BM25) that get the finer phrasing comparison. Default 12 (the eval sets score the same from 8 up). */
  shortlist?: number;
  /** How much the best-phrasing overlap adds to the BM25 share. Default 1. */
  phrasingWeight?: number;
  /** BM25 term saturation and length normalisation. */
  k1?: number;
  b?: number;
}

export interface Ranker {
  /** Best entries first; empty when no topic word of the question is known. */
  rank(question: Analysed, corrected?: ReadonlySet<string>): RankedEntry[];
}

/**
 * BM25F-style ranking over an inverted index: only entries sharing a word
 * with the question are touched (the candidate prefilter that keeps a 10k
 * entry base fast), then the best few are re-scored by how closely one of
 * their own phrasings matches the question. Words fixed by the typo
 * corrector count a little less, so a lucky correction cannot fake confidence.
 */
export function createRanker(index: SearchIndex, options: RankOptions = {}): Ranker {
  const shortlist = options.shortlist ?? 12;
  const phrasingWeight = options.phrasingWeight ?? 1;
  const k1 = options.k1 ?? 3;
  const b = options.b ?? 0.5;
  const n = index.entries.length;
  const { language, termIds, arrays } = index;
  const { postingStarts, postingEntries, postingWeights, idfs } = arrays;
  const unknownWeight = (term: string) => (NUMBER.test(term) ? 0 : language.isEverydayStem(term) ? EVERYDAY_WEIGHT : UNKNOWN_WEIGHT);
  const bm25 = new Float64Array(n);
  const matched = new Float64Array(n);
  const touchedMark = new Uint8Array(n);
  const onTopic = new Uint8Array(n);
  const norms = Float64Array.from(arrays.lengths, (len) => k1 * (1 - b + (b * len) / index.averageLength));
  // The question's weight per term id (0 = not in the question), reset after each call.
  const questionWeight = new Float64Array(index.termCount);
  // A known word's weight: its idf, at least the known floor.
  const knownWeight = Float64Array.from(idfs, (idf) => Math.max(idf, KNOWN_FLOOR));
  const phrasings = phrasingTable(index, knownWeight);
  return {
    rank(question, corrected) {
      const terms = [...new Set(question.terms)];
      const ids = terms.map((t) => termIds.get(t) ?? -1);
      const weights = terms.map((t, i) => (ids[i]! >= 0 ? knownWeight[ids[i]!]! : unknownWeight(t)));
      let mass = 0;
      for (const w of weights) mass += w;
      const exactIndex = index.exact.get(question.all.join(' '));
      if (mass === 0 && exactIndex === undefined) return [];
      const touched: number[] = [];
      terms.forEach((term, i) => {
        const id = ids[i]!;
        if (id < 0) return;
        const idf = idfs[id]!;
        const credit = corrected?.has(term) ? weights[i]! * CORRECTED_CREDIT : weights[i]!;
        const everyday = language.isEverydayStem(term);
        const neutral = language.isIntentStem(term);
        for (let k = postingStarts[id]!, end = postingStarts[id + 1]!; k < end; k++) {
          const e = postingEntries[k]!;
          const tf = postingWeights[k]!;
          if (!touchedMark[e]) {
            touchedMark[e] = 1;
            touched.push(e);
          }
          if (!neutral && (!everyday || index.names(id, e))) onTopic[e] = 1;
          bm25[e] = bm25[e]! + (idf * tf * (k1 + 1)) / (tf + norms[e]!);
          matched[e] = matched[e]! + credit;
        }
      });
      if (exactIndex !== undefined && !touchedMark[exactIndex]) {
        touchedMark[exactIndex] = 1;
        touched.push(exactIndex);
      }
      const top = topByScore(touched, bm25, shortlist);
      if (exactIndex !== undefined && !top.includes(exactIndex)) top.push(exactIndex);
      let mask = 0;
      ids.forEach((id, i) => {
        if (id < 0) return;
        questionWeight[id] = weights[i]!;
        mask |= termBit(id);
      });
      const ranked = top.map((e): RankedEntry => {
        const exact = e === exactIndex;
        const share = mass > 0 ? bm25[e]! / mass : 0;
        const phrasing = exact ? 1 : phrasings.best(e, questionWeight, mass, mask);
        const coverage = exact ? 1 : mass > 0 ? matched[e]! / mass : 0;
        return { index: e, bm25: share, phrasing, coverage, onTopic: exact || onTopic[e] === 1, score: share + phrasingWeight * phrasing };
      });
      for (const id of ids) if (id >= 0) questionWeight[id] = 0;
      for (const e of touched) {
        bm25[e] = 0;
        matched[e] = 0;
        touchedMark[e] = 0;
        onTopic[e] = 0;
      }
      return ranked.sort((x, y) => y.score - x.score);
    },
  };
}

/** Corrected words earn this share of their weight towards coverage. */
const CORRECTED_CREDIT = 0.75;
/**
 * Weights for coverage: a known word counts at least this much even when
 * nearly every entry uses it ("medial branch block" is the topic, not noise)...
 */
const KNOWN_FLOOR = 1;
/**
 * ...and a word no entry uses counts this much: it is what the knowledge base
 * cannot answer. An everyday word no entry uses ("wash my hair the same
 * night") is the visitor's own wording, not a missing topic, so it counts
 * like a common known word. A number no entry uses ("I'm 78", "2 years
 * ago") is the visitor's own detail, so it counts nothing.
 */
const UNKNOWN_WEIGHT = 2.5;
const EVERYDAY_WEIGHT = 1;
const NUMBER = /^\d+$/;

/**
 * The phrasing comparison: for each shortlisted entry, the best idf-weighted overlap (weighted
 * Jaccard) of one of its phrasings with the question. A phrasing that shares no word with the
 * question scores 0 and cannot be the best, so a one-word-per-bit signature of each phrasing's
 * words skips most of them with one AND (a shared bit may still be two different words: those are
 * compared in full, as before).
 */
function phrasingTable(index: SearchIndex, knownWeight: Float64Array) {
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
const termBit = (id: number) => 1 << (Math.imul(id, 0x9e3779b1) >>> 27);

/** The `k` best entries by score, without sorting every touched entry (a 10k base touches thousands). */
function topByScore(touched: readonly number[], scores: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (const e of touched) {
    const score = scores[e]!;
    if (top.length === k && score <= scores[top[k - 1]!]!) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && scores[top[at - 1]!]! < score) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = e;
  }
  return top;
}
