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

/**
 * Questions the knowledge base should not answer (the fallback path, which
 * also writes the redacted wording to the question log). The bench keeps
 * only those the server really answers with a fallback.
 */
export const OFF_TOPIC_QUESTIONS = [
  'what is the wifi password in the waiting room',
  'can you recommend a good pizza place nearby',
  'how do I change the brake pads on my car',
  'who won the football game last night',
  'what is the capital of france',
  'can you help me with my taxes this year',
  'do you sell gift cards for the holidays',
  'is there a vending machine with snacks',
  'how do I reset my email password',
  'what is the weather going to be tomorrow',
  'can you write a poem about the ocean',
  'how many moons does jupiter have',
  'where can I adopt a kitten',
  'what is a good recipe for banana bread',
  'do you know any good jokes about cats',
  'how do I learn to play the guitar',
];
