import type { Analysed } from './analyse.ts';
import type { SearchIndex } from './build-index.ts';
import { phrasingTable, termBit } from './phrasing.ts';
import { createShortlister, type QueryTerm } from './shortlist.ts';

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
  /** Max-score pruning of the BM25 pass (see `createShortlister`). Default true; false is the exhaustive reference. */
  prune?: boolean;
}

export interface Ranker {
  /** Best entries first; empty when no topic word of the question is known. */
  rank(question: Analysed, corrected?: ReadonlySet<string>): RankedEntry[];
  /** Postings the last `rank` read: what pruning saves on a large base (the bench reports it). */
  readonly postingsRead: number;
}

/**
 * BM25F-style ranking over an inverted index: only entries sharing a word
 * with the question are touched, and the long posting lists of common words
 * are pruned (see `createShortlister`), then the best few are re-scored by how closely one of
 * their own phrasings matches the question. Words fixed by the typo
 * corrector count a little less, so a lucky correction cannot fake confidence.
 */
export function createRanker(index: SearchIndex, options: RankOptions = {}): Ranker {
  const shortlist = options.shortlist ?? 12;
  const phrasingWeight = options.phrasingWeight ?? 1;
  const k1 = options.k1 ?? 3;
  const b = options.b ?? 0.5;
  const { language, termIds, arrays } = index;
  const { idfs } = arrays;
  const unknownWeight = (term: string) => (NUMBER.test(term) ? 0 : language.isEverydayStem(term) ? EVERYDAY_WEIGHT : UNKNOWN_WEIGHT);
  const prune = options.prune ?? true;
  const norms = Float64Array.from(arrays.lengths, (len) => k1 * (1 - b + (b * len) / index.averageLength));
  // The question's weight per term id (0 = not in the question), reset after each call.
  const questionWeight = new Float64Array(index.termCount);
  // A known word's weight: its idf, at least the known floor.
  const knownWeight = Float64Array.from(idfs, (idf) => Math.max(idf, KNOWN_FLOOR));
  const phrasings = phrasingTable(index, knownWeight);
  const scores = createShortlister(index, norms, k1);
  let postingsRead = 0;
  return {
    rank(question, corrected) {
      postingsRead = 0;
      const terms = [...new Set(question.terms)];
      const ids = terms.map((t) => termIds.get(t) ?? -1);
      const weights = terms.map((t, i) => (ids[i]! >= 0 ? knownWeight[ids[i]!]! : unknownWeight(t)));
      let mass = 0;
      for (const w of weights) mass += w;
      const exactIndex = index.exact.get(question.all.join(' '));
      if (mass === 0 && exactIndex === undefined) return [];
      const known: QueryTerm[] = [];
      terms.forEach((term, i) => {
        const id = ids[i]!;
        if (id < 0) return;
        const credit = corrected?.has(term) ? weights[i]! * CORRECTED_CREDIT : weights[i]!;
        known.push({ id, idf: idfs[id]!, credit, everyday: language.isEverydayStem(term), neutral: language.isIntentStem(term) });
      });
      const top = scores.shortlist(known, exactIndex, shortlist, prune);
      postingsRead = scores.postingsRead;
      const { bm25, matched, onTopic } = scores;
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
      scores.reset();
      return ranked.sort((x, y) => y.score - x.score);
    },
    get postingsRead() {
      return postingsRead;
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
