import { describe, expect, it } from 'vitest';
import { buildEngine } from './load/open-base.ts';
import { bundledKnowledgeDir } from './locate.ts';
import { loadTriageRules } from './triage/load-rules.ts';

const router = buildEngine(bundledKnowledgeDir(), { fallbackUrgent: loadTriageRules() });

describe('the reply language of a mixed message', () => {
  // As many English words as Spanish ones: the words leave the language open.
  const spanglish = 'how many blocks? cuantos';

  it('answers in the interface language the visitor chose when its words are split', () => {
    const inSpanish = router.decide(spanglish, 'es');
    expect(inSpanish).toMatchObject({ kind: 'answer', lang: 'es' });
    expect(router.decide(spanglish, 'en')).toMatchObject({ kind: 'answer', lang: 'en' });
  });

  it('still answers a clearly Spanish question in Spanish under the English interface', () => {
    expect(router.decide('¿Cuánto tiempo dura el procedimiento?', 'en')).toMatchObject({ kind: 'answer', lang: 'es' });
  });
});
