import type { ExplainResponse } from '../../server/api/contract.ts';
import { SimpleTable } from './loaded.tsx';

const DECISIONS: Record<ExplainResponse['decision']['kind'], string> = {
  answer: 'Answers with an entry',
  urgent: 'Urgent: shows emergency guidance',
  refused: 'Out of scope: offers a call back',
  'not-found': 'Not found: offers a call back',
  'small-talk': 'Small talk: a short friendly reply',
};
const n = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(2));

/** "Why" for one question: the decision, the winning entry, the signals per candidate, the rule and words. */
export function ExplainPanel({ explained, heading = 'h3' }: { explained: ExplainResponse; heading?: 'h3' | 'h4' }) {
  const { decision, trace, response } = explained;
  const H = heading;
  const rule = decision.rule;
  const chosen = trace.readings.find((r) => r.note.startsWith('chosen'));
  return (
    <div class="explain">
      <H>{DECISIONS[decision.kind]}</H>
      <dl>
        {response.kind === 'answer' && (
          <>
            <dt>Winning entry</dt>
            <dd>
              {response.answer.title} <span class="ref">({response.answer.id})</span>
            </dd>
            <dt>Confidence</dt>
            <dd>{n(decision.confidence)}</dd>
          </>
        )}
        {rule && (
          <>
            <dt>Rule</dt>
            <dd>
              {rule.label} <span class="ref">({rule.id})</span>
              {rule.words.length > 0 && `: ${rule.words.join(', ')}`}
            </dd>
          </>
        )}
        <dt>Words read</dt>
        <dd>{trace.words.join(' ') || '—'}</dd>
        <dt>Language</dt>
        <dd>
          {trace.lang.chosen} ({trace.lang.note})
        </dd>
        {trace.corrections.length > 0 && (
          <>
            <dt>Typos fixed</dt>
            <dd>{trace.corrections.map((c) => `${c.from} → ${c.to}`).join(', ')}</dd>
          </>
        )}
        {trace.layTerms.length > 0 && (
          <>
            <dt>Everyday words read as</dt>
            <dd>{trace.layTerms.map((c) => `${c.from} → ${c.to}`).join(', ')}</dd>
          </>
        )}
        {trace.triage.notes.length > 0 && (
          <>
            <dt>Urgent check</dt>
            <dd>{trace.triage.notes.join('; ')}</dd>
          </>
        )}
        <dt>Why</dt>
        <dd>{chosen ? `${chosen.note.replace(/^chosen: /, '')}: "${chosen.text}"` : trace.summary}</dd>
      </dl>
      {trace.candidates.length > 0 && (
        <SimpleTable
          caption="Closest entries and their signals"
          visibleCaption
          head={['Entry', 'Score', 'BM25', 'Phrasing', 'Coverage', 'Words matched']}
          rows={trace.candidates.map((c) => [c.title, n(c.score), n(c.bm25), n(c.phrasing), n(c.coverage), c.matched.join(' ')])}
        />
      )}
    </div>
  );
}
