import type { Explanation } from '../decision.ts';

/**
 * An Explanation as plain text for a terminal: the decision first, then one
 * block per stage, so "why did this answer win" reads top to bottom.
 *
 * @example console.log(formatExplanation(engine.explain('can I drive after?')))
 */
export function formatExplanation({ trace }: Explanation): string {
  const lines = [
    `question: ${trace.question}`,
    `decision: ${trace.summary}`,
    '',
    `language:  ${trace.lang.chosen} (${trace.lang.note})`,
    `words:     ${trace.words.join(' ')}`,
  ];
  if (trace.corrections.length) lines.push(`typos:     ${trace.corrections.map((c) => `${c.from} -> ${c.to}`).join(', ')}`);
  if (trace.layTerms.length) lines.push(`lay terms: ${trace.layTerms.map((c) => `${c.from} -> ${c.to}`).join(', ')}`);
  lines.push(`triage:    ${trace.triage.fired ? `FIRED ${trace.triage.fired.id}` : 'no urgent rule fired'}${trace.triage.report ? ` (read as ${trace.triage.report})` : ''}`);
  for (const note of trace.triage.notes) lines.push(`           ${note}`);
  if (trace.outOfScope.fired) lines.push(`out of scope: FIRED ${trace.outOfScope.fired.id} on ${Object.values(trace.outOfScope.fired.concepts).join(' + ')}`);
  if (trace.candidates.length) {
    lines.push('', 'candidates (score = bm25 + phrasing):');
    for (const c of trace.candidates) {
      const semantic = c.semantic === undefined ? '' : ` semantic ${c.semantic}`;
      lines.push(`  ${c.id.padEnd(28)} score ${c.score} bm25 ${c.bm25} phrasing ${c.phrasing} coverage ${c.coverage}${semantic}${c.onTopic ? '' : ' (off topic)'}  [${c.matched.join(' ')}]`);
    }
  }
  if (trace.readings.length) {
    lines.push('', 'readings:');
    for (const r of trace.readings) lines.push(`  "${r.text}" -> ${r.top ?? 'nothing'} at ${r.confidence}: ${r.note}`);
  }
  return lines.join('\n');
}
