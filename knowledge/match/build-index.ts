import type { KnowledgeEntry } from '../load/read-base.ts';
import type { Language } from '../language/types.ts';
import type { LayTermMapper } from '../text/lay-terms.ts';
import { analyse } from './analyse.ts';

/** How much one occurrence of a word counts, by where it appears in an entry. */
export const FIELD_WEIGHTS = { title: 3, questions: 2, tags: 1.5, body: 1 } as const;

/**
 * The index as flat typed arrays (a term's or an entry's items are one range of a shared array,
 * `starts[i]` to `starts[i + 1]`): a few large buffers rather than a small array per term, so a
 * 50k-entry base stays compact and an index built in a worker thread moves to the main thread
 * without copying (see `load/build-in-worker.ts`).
 */
export interface IndexArrays {
  /** Per term id: where its postings start in `postingEntries` and `postingWeights` (length: terms + 1). */
  postingStarts: Int32Array;
  /** Entries containing the term, ascending. */
  postingEntries: Int32Array;
  /** The field-weighted count of the term in that entry. */
  postingWeights: Float32Array;
  /** Inverse document frequency per term id. */
  idfs: Float64Array;
  /** Field-weighted length of each entry. */
  lengths: Float32Array;
  /**
   * An entry's phrasings (its title and alternate phrasings): entry `e` owns phrasings
   * `phrasingStarts[e]` to `phrasingStarts[e + 1]`; phrasing `p` owns the term ids
   * `phrasingTermStarts[p]` to `phrasingTermStarts[p + 1]` of `phrasingTerms` (its stemmed topic
   * words, each once, in order).
   */
  phrasingStarts: Int32Array;
  phrasingTermStarts: Int32Array;
  phrasingTerms: Int32Array;
  /** Per entry, the term ids its title and tags name (`namedStarts` as above): what it is about, not just words it uses. */
  namedStarts: Int32Array;
  namedTerms: Int32Array;
}

/** The index's plain data: what a worker builds and sends (typed arrays transferred, maps cloned). */
export interface IndexData {
  arrays: IndexArrays;
  /** term -> its id (ids run from 0 to the map's size, exclusive). */
  termIds: ReadonlyMap<string, number>;
  /** Exact stemmed wording (title or phrasing) -> entry index. */
  exact: ReadonlyMap<string, number>;
  /** Surface words of the knowledge base with their frequency: the typo corrector's vocabulary. */
  vocabulary: ReadonlyMap<string, number>;
}

export interface SearchIndex extends IndexData {
  entries: readonly KnowledgeEntry[];
  /** How many distinct terms are indexed. */
  termCount: number;
  averageLength: number;
  /** Inverse document frequency; a word no entry uses gets the highest. */
  idf(term: string): number;
  /** True when entry `e` contains the term with id `id`. */
  contains(id: number, e: number): boolean;
  /** True when entry `e` names the term with id `id` in its title or tags. */
  names(id: number, e: number): boolean;
  layTerms: LayTermMapper;
  language: Language;
}

/**
 * Builds the inverted index once per knowledge base version (linear in the
 * total text size: about 25 ms for the bundled base, see the report for 1k
 * and 10k entries). `ask()` then only touches the postings of the
 * question's own words.
 */
export function buildSearchIndex(entries: readonly KnowledgeEntry[], layTerms: LayTermMapper, language: Language): SearchIndex {
  return openSearchIndex(buildIndexData(entries, layTerms, language), entries, layTerms, language);
}

/** The plain data of the index (see `IndexData`); `openSearchIndex` makes it searchable. */
export function buildIndexData(entries: readonly KnowledgeEntry[], layTerms: LayTermMapper, language: Language): IndexData {
  const { normalise } = language;
  const lists = new Map<string, { entry: number[]; weight: number[] }>();
  const lengths = new Float32Array(entries.length);
  const ownTerms: string[][][] = [];
  const exact = new Map<string, number>();
  const named: Set<string>[] = [];
  const vocabulary = new Map<string, number>();
  const countWords = (text: string) => {
    for (const w of normalise(text)) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
  };

  entries.forEach((entry, index) => {
    const counts = new Map<string, number>();
    let length = 0;
    const add = (text: string, weight: number) => {
      countWords(text);
      const { terms } = analyse(text, layTerms, language);
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + weight);
      length += terms.length * weight;
    };
    named.push(new Set([entry.title, ...entry.tags].flatMap((text) => analyse(text, layTerms, language).terms)));
    add(entry.title, FIELD_WEIGHTS.title);
    for (const q of entry.questions) add(q, FIELD_WEIGHTS.questions);
    for (const tag of entry.tags) add(tag, FIELD_WEIGHTS.tags);
    add(entry.text, FIELD_WEIGHTS.body);
    lengths[index] = length;
    for (const [term, weight] of counts) {
      let list = lists.get(term);
      if (!list) lists.set(term, (list = { entry: [], weight: [] }));
      list.entry.push(index);
      list.weight.push(weight);
    }
    ownTerms.push(
      [entry.title, ...entry.questions].map((text) => {
        const analysed = analyse(text, layTerms, language);
        const key = analysed.all.join(' ');
        if (!exact.has(key)) exact.set(key, index);
        return [...new Set(analysed.terms)];
      }),
    );
  });

  for (const w of layTerms.words) if (!vocabulary.has(w)) vocabulary.set(w, 1);
  for (const w of language.lexicon.stopWords) if (!vocabulary.has(w)) vocabulary.set(w, 1);
  for (const w of language.writtenOutWords) if (!vocabulary.has(w)) vocabulary.set(w, 1);

  const n = entries.length;
  const termIds = new Map<string, number>();
  let postingCount = 0;
  for (const [term, list] of lists) {
    termIds.set(term, termIds.size);
    postingCount += list.entry.length;
  }
  const postingStarts = new Int32Array(termIds.size + 1);
  const postingEntries = new Int32Array(postingCount);
  const postingWeights = new Float32Array(postingCount);
  const idfs = new Float64Array(termIds.size);
  let at = 0;
  let id = 0;
  for (const list of lists.values()) {
    postingStarts[id] = at;
    postingEntries.set(list.entry, at);
    postingWeights.set(list.weight, at);
    idfs[id] = idfOf(n, list.entry.length);
    at += list.entry.length;
    id++;
  }
  postingStarts[id] = at;
  const idOf = (t: string) => termIds.get(t)!;
  const phrasings = ranges(ownTerms.map((own) => own.length));
  const phrasingList = ownTerms.flat();
  const phrasingTerms = ranges(phrasingList.map((terms) => terms.length));
  const namedTerms = ranges(named.map((set) => set.size));
  return {
    arrays: {
      postingStarts,
      postingEntries,
      postingWeights,
      idfs,
      lengths,
      phrasingStarts: phrasings,
      phrasingTermStarts: phrasingTerms,
      phrasingTerms: Int32Array.from(phrasingList.flat(), idOf),
      namedStarts: namedTerms,
      namedTerms: Int32Array.from(named.flatMap((set) => [...set]), idOf),
    },
    termIds,
    exact,
    vocabulary,
  };
}

/** Makes index data searchable against its entries (the same ones it was built from). */
export function openSearchIndex(data: IndexData, entries: readonly KnowledgeEntry[], layTerms: LayTermMapper, language: Language): SearchIndex {
  const { arrays, termIds } = data;
  const { postingStarts, postingEntries, lengths, namedStarts, namedTerms } = arrays;
  const n = entries.length;
  const unknownIdf = idfOf(n, 0);
  const total = lengths.reduce((a, b) => a + b, 0);
  const within = (list: Int32Array, from: number, to: number, value: number) => {
    for (let i = from; i < to; i++) if (list[i] === value) return true;
    return false;
  };
  return {
    ...data,
    entries,
    termCount: termIds.size,
    averageLength: n ? total / n : 1,
    idf: (term) => {
      const id = termIds.get(term);
      return id === undefined ? unknownIdf : arrays.idfs[id]!;
    },
    contains: (id, e) => within(postingEntries, postingStarts[id]!, postingStarts[id + 1]!, e),
    names: (id, e) => within(namedTerms, namedStarts[e]!, namedStarts[e + 1]!, id),
    layTerms,
    language,
  };
}

const idfOf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** Range starts for consecutive groups of these sizes (one more than groups: the end). */
function ranges(sizes: readonly number[]): Int32Array {
  const starts = new Int32Array(sizes.length + 1);
  for (let i = 0; i < sizes.length; i++) starts[i + 1] = starts[i]! + sizes[i]!;
  return starts;
}
