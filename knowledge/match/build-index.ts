import type { KnowledgeEntry } from '../load/read-base.ts';
import type { Language } from '../language/types.ts';
import type { LayTermMapper } from '../text/lay-terms.ts';
import { analyse } from './analyse.ts';

/** How much one occurrence of a word counts, by where it appears in an entry. */
export const FIELD_WEIGHTS = { title: 3, questions: 2, tags: 1.5, body: 1 } as const;

/** One way an entry can be asked for (its title or an alternate phrasing). */
export interface Phrasing {
  /** Its stemmed topic words, each once, as ids into the postings (every phrasing word is indexed). */
  ids: Int32Array;
  /** Each word's idf, aligned with `ids`. Ranking compares every shortlisted phrasing with the question, so both are precomputed. */
  idfs: Float64Array;
}

export interface Posting {
  id: number;
  entry: Int32Array;
  weight: Float32Array;
}

export interface SearchIndex {
  entries: readonly KnowledgeEntry[];
  /** term -> its id, the entries containing it and the field-weighted count there. */
  postings: ReadonlyMap<string, Posting>;
  /** How many distinct terms are indexed (ids run from 0 to this, exclusive). */
  termCount: number;
  /** Field-weighted length of each entry. */
  lengths: Float32Array;
  averageLength: number;
  phrasings: readonly (readonly Phrasing[])[];
  /** Per entry, the terms its title and tags name: what it is about, not just words it uses. */
  named: readonly ReadonlySet<string>[];
  /** Exact stemmed wording (title or phrasing) -> entry index. */
  exact: ReadonlyMap<string, number>;
  /** Surface words of the knowledge base with their frequency: the typo corrector's vocabulary. */
  vocabulary: ReadonlyMap<string, number>;
  /** Inverse document frequency; a word no entry uses gets the highest. */
  idf(term: string): number;
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

  const postings = new Map<string, Posting>();
  for (const [term, list] of lists) {
    postings.set(term, { id: postings.size, entry: Int32Array.from(list.entry), weight: Float32Array.from(list.weight) });
  }
  const n = entries.length;
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const idf = (term: string) => idfOf(postings.get(term)?.entry.length ?? 0);
  const phrasings = ownTerms.map((own) =>
    own.map((terms): Phrasing => ({ ids: Int32Array.from(terms, (t) => postings.get(t)!.id), idfs: Float64Array.from(terms, idf) })),
  );
  const total = lengths.reduce((a, b) => a + b, 0);
  return {
    entries,
    postings,
    termCount: postings.size,
    lengths,
    averageLength: n ? total / n : 1,
    phrasings,
    named,
    exact,
    vocabulary,
    idf,
    layTerms,
    language,
  };
}
