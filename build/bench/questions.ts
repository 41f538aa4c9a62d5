import { readKnowledgeBase } from '../../knowledge/load/read-base.ts';

/**
 * Visitor-like questions for load and retrieval runs: every entry's title and
 * alternate phrasings, read through the engine's own loader, so the mix
 * follows the content rather than any labelled test set.
 */
export function questionsFrom(knowledgeDir: string): string[] {
  const { base, problems } = readKnowledgeBase(knowledgeDir);
  if (!base) throw new Error(`${knowledgeDir}: ${problems.length} knowledge base problems (npm run kb:check)`);
  return base.entries.flatMap((e) => [e.title, ...e.questions]);
}
