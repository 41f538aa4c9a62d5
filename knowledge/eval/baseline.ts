import MiniSearch from 'minisearch';
import type { KnowledgeEntry } from '../load/read-base.ts';

/**
 * A plain BM25 to measure the engine against: MiniSearch (an independent,
 * well-kept library, so the comparison owes nothing to our own matcher)
 * over each entry's title and phrasings, default tokenising, no stemming,
 * no typo fixing, no refusal: it always answers with its top entry.
 *
 * @example plainBm25(entries)('can I drive home') // 'driving-after'
 */
export function plainBm25(entries: readonly KnowledgeEntry[]): (question: string) => string | undefined {
  const search = new MiniSearch<{ id: string; title: string; questions: string }>({ fields: ['title', 'questions'] });
  search.addAll(entries.map((e) => ({ id: e.id, title: e.title, questions: e.questions.join('\n') })));
  return (question) => search.search(question)[0]?.id as string | undefined;
}
