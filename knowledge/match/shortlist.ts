import type { SearchIndex } from './build-index.ts';

/** One known word of the question, as the BM25 pass uses it. */
export interface QueryTerm {
  /** Its term id in the index. */
  id: number;
  idf: number;
  /** What it adds to an entry's coverage (corrected words earn less). */
  credit: number;
  /** An everyday word puts an entry on topic only where the entry names it. */
  everyday: boolean;
  /** An intent word ("how", "when") never puts an entry on topic. */
  neutral: boolean;
}

/** Per entry, filled for the shortlisted ones (and zero elsewhere until `reset`). */
export interface ShortlistScores {
  bm25: Float64Array;
  matched: Float64Array;
  onTopic: Uint8Array;
}

export interface Shortlister extends ShortlistScores {
  /**
   * The `k` entries with the best BM25 (ties: the entry the question's words reach first), plus
   * `exact` (the entry whose own wording the question is) when it is not among them. `prune`:
   * max-score pruning (see `createShortlister`); false walks every posting, as the reference.
   */
  shortlist(terms: readonly QueryTerm[], exact: number | undefined, k: number, prune: boolean): number[];
  /** Zeroes what the last `shortlist` wrote. */
  reset(): void;
  /** Postings the last `shortlist` read (walked or looked up): what pruning saves. */
  readonly postingsRead: number;
}

/**
 * BM25 over the question's words, keeping the best `k` entries. The exhaustive pass adds every
 * posting of every word. The pruned pass (max-score, after Turtle and Flood) gets the same entries
 * without walking the long posting lists of common words: words are taken in order of the most
 * they can add to one entry (rare words first), and once the k-th best partial score beats all that
 * the remaining words could add together, no entry they alone reach can enter the shortlist, so
 * those words only top up the entries already reached that still could (a partial score plus the
 * rest reaching the k-th best), by binary search in their postings. The
 * survivors are then scored exactly as the exhaustive pass scores them (same words, same order,
 * same arithmetic) and ranked in the order it reaches them, so scores and ties come out identical;
 * the pruning bounds carry a 1e-9 margin for rounding.
 */
export function createShortlister(index: SearchIndex, norms: Float64Array, k1: number): Shortlister {
  const n = index.entries.length;
  const { postingStarts, postingEntries, postingWeights, idfs } = index.arrays;
  const bm25 = new Float64Array(n);
  const matched = new Float64Array(n);
  const onTopic = new Uint8Array(n);
  const reached = new Uint8Array(n);
  const estimate = new Float64Array(n);
  const alive = new Uint8Array(n);
  let written: number[] = [];
  let estimated: number[] = [];
  let postingsRead = 0;
  const impact = (idf: number, tf: number, e: number) => (idf * tf * (k1 + 1)) / (tf + norms[e]!);
  // The most one word can add to one entry's BM25.
  const bounds = new Float64Array(idfs.length);
  for (let id = 0; id < bounds.length; id++) {
    let most = 0;
    for (let p = postingStarts[id]!; p < postingStarts[id + 1]!; p++) most = Math.max(most, impact(idfs[id]!, postingWeights[p]!, postingEntries[p]!));
    bounds[id] = most;
  }

  const add = (term: QueryTerm, e: number, tf: number) => {
    if (!term.neutral && (!term.everyday || index.names(term.id, e))) onTopic[e] = 1;
    bm25[e] = bm25[e]! + impact(term.idf, tf, e);
    matched[e] = matched[e]! + term.credit;
  };
  /** Where entry `e` sits in the term's postings, or -1. */
  const find = (id: number, e: number): number => {
    let lo = postingStarts[id]!;
    let hi = postingStarts[id + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = postingEntries[mid]!;
      if (at === e) return mid;
      if (at < e) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  const exhaustive = (terms: readonly QueryTerm[], exact: number | undefined, k: number): number[] => {
    const touched: number[] = [];
    for (const term of terms) {
      postingsRead += postingStarts[term.id + 1]! - postingStarts[term.id]!;
      for (let p = postingStarts[term.id]!, end = postingStarts[term.id + 1]!; p < end; p++) {
        const e = postingEntries[p]!;
        if (!reached[e]) {
          reached[e] = 1;
          touched.push(e);
        }
        add(term, e, postingWeights[p]!);
      }
    }
    if (exact !== undefined && !reached[exact]) {
      reached[exact] = 1;
      touched.push(exact);
    }
    written = touched;
    return withExact(topByScore(touched, bm25, k), exact);
  };

  const pruned = (terms: readonly QueryTerm[], exact: number | undefined, k: number): number[] => {
    const order = [...terms].sort((x, y) => bounds[y.id]! - bounds[x.id]!);
    // What the words from position j on could still add to one entry.
    const rest = new Float64Array(order.length + 1);
    for (let j = order.length - 1; j >= 0; j--) rest[j] = rest[j + 1]! + bounds[order[j]!.id]!;
    const touched: number[] = [];
    // Once closed: the reached entries that can still make the shortlist.
    let live: number[] | undefined;
    order.forEach(({ id, idf }, j) => {
      const pool = live ?? touched;
      if (pool.length >= k) {
        const kth = estimate[topByScore(pool, estimate, k)[k - 1]!]!;
        if (live || kth * (1 - MARGIN) > rest[j]! * (1 + MARGIN)) {
          live = pool.filter((e) => (estimate[e]! + rest[j]!) * (1 + MARGIN) >= kth * (1 - MARGIN));
        }
      }
      const start = postingStarts[id]!;
      const end = postingStarts[id + 1]!;
      if (!live) {
        postingsRead += end - start;
        for (let p = start; p < end; p++) {
          const e = postingEntries[p]!;
          if (!reached[e]) {
            reached[e] = 1;
            touched.push(e);
          }
          estimate[e] = estimate[e]! + impact(idf, postingWeights[p]!, e);
        }
      } else if (live.length * Math.log2(end - start + 2) < end - start) {
        postingsRead += live.length;
        for (const e of live) {
          const p = find(id, e);
          if (p >= 0) estimate[e] = estimate[e]! + impact(idf, postingWeights[p]!, e);
        }
      } else {
        postingsRead += end - start;
        for (const e of live) alive[e] = 1;
        for (let p = start; p < end; p++) {
          const e = postingEntries[p]!;
          if (alive[e]) estimate[e] = estimate[e]! + impact(idf, postingWeights[p]!, e);
        }
        for (const e of live) alive[e] = 0;
      }
    });
    estimated = touched;
    // Every entry still in the running now has its whole (estimated) score; only those near the k-th best can make it.
    const pool = live ?? touched;
    const kth = pool.length >= k ? estimate[topByScore(pool, estimate, k)[k - 1]!]! : 0;
    // The exact entry always: its score counts even when it is not shortlisted.
    const survivors = pool.filter((e) => estimate[e]! >= kth * (1 - MARGIN) && e !== exact);
    if (exact !== undefined) survivors.push(exact);
    // Scored exactly as the exhaustive pass does, and put in the order it reaches them
    // (an entry none of the words reach, the exact one, comes last).
    const firstTerm = new Map<number, number>();
    for (const e of survivors) {
      terms.forEach((term, i) => {
        const p = find(term.id, e);
        if (p < 0) return;
        if (!firstTerm.has(e)) firstTerm.set(e, i);
        add(term, e, postingWeights[p]!);
      });
    }
    const reachedBy = (e: number) => firstTerm.get(e) ?? terms.length;
    survivors.sort((x, y) => reachedBy(x) - reachedBy(y) || x - y);
    written = survivors;
    return withExact(topByScore(survivors, bm25, k), exact);
  };

  return {
    bm25,
    matched,
    onTopic,
    shortlist(terms, exact, k, prune) {
      postingsRead = 0;
      let postings = 0;
      for (const { id } of terms) postings += postingStarts[id + 1]! - postingStarts[id]!;
      // Both passes give the same shortlist; on short lists walking them all is cheaper than pruning.
      return prune && postings > PRUNE_ABOVE ? pruned(terms, exact, k) : exhaustive(terms, exact, k);
    },
    get postingsRead() {
      return postingsRead;
    },
    reset() {
      for (const e of written) {
        bm25[e] = 0;
        matched[e] = 0;
        onTopic[e] = 0;
        reached[e] = 0;
      }
      for (const e of estimated) {
        estimate[e] = 0;
        reached[e] = 0;
      }
      written = [];
      estimated = [];
    },
  };
}

/** Postings (summed over the question's words) above which pruning pays for its sorting and lookups. */
const PRUNE_ABOVE = 2000;

/** Relative slack on the pruning bounds, far above floating-point rounding and far below any real score gap. */
const MARGIN = 1e-9;

function withExact(top: number[], exact: number | undefined): number[] {
  if (exact !== undefined && !top.includes(exact)) top.push(exact);
  return top;
}

/** The `k` best entries by score, ties to the earlier one, without sorting every touched entry (a 10k base touches thousands). */
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
