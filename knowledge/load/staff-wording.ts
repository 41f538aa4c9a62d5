import { editDistance } from '../text/edit-distance.ts';
import type { KnowledgeProblem } from '../problems.ts';

/** Names staff see for front-matter fields. */
const FIELD_NAMES: Record<string, string> = {
  id: 'Id',
  title: 'Title',
  questions: 'Alternate phrasing',
  tags: 'Tag',
  related: 'Related answer',
  sources: 'Source',
  reviewed: 'Last reviewed date',
  body: 'Answer text',
};
const SUB_FIELDS: Record<string, string> = { title: 'title', url: 'link' };

/**
 * `related.1` -> "Related answer 2", `sources.0.url` -> "Source 1 link":
 * positions counted from 1, as people count.
 */
export function staffFieldName(field: string): string {
  const [head = '', index, sub] = field.split('.');
  const name = FIELD_NAMES[head] ?? head;
  if (index === undefined || !/^\d+$/.test(index)) return index === undefined ? name : `${name} ${index}`;
  return [name, Number(index) + 1, sub === undefined ? '' : (SUB_FIELDS[sub] ?? sub)].join(' ').trim();
}

/** The known id nearest to `id` (at most a third of its letters off), for "did you mean …?". */
export function nearestId(id: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(id, candidate, bestDistance - 1);
    if (d < bestDistance || (d === bestDistance && best !== null && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

export interface WordingContext {
  /** Every entry id, for "did you mean …?". */
  entryIds: Iterable<string>;
  /** The file's text, to point at the line a YAML error is on. */
  fileText?: string;
}

/**
 * The same problem `kb:check` finds, said for clinic staff rather than for
 * developers: field names and positions as people count them, a suggestion
 * for a mistyped related id, and what to do about a YAML syntax error.
 */
export function staffWording(problem: KnowledgeProblem, context: WordingContext): KnowledgeProblem {
  const field = problem.field === undefined ? undefined : staffFieldName(problem.field);
  let reason = problem.reason;

  const unknownId = /^unknown entry id "([^"]+)"$/.exec(reason);
  if (unknownId) {
    const guess = nearestId(unknownId[1]!, context.entryIds);
    reason = `no answer has the id "${unknownId[1]}"${guess ? `: did you mean ${guess}?` : ''}`;
  }
  const yamlLine = /^invalid YAML: (.*?) at line (\d+), column (\d+)/.exec(reason);
  if (yamlLine) {
    // Entry files start with a "---" line, so the front matter's line 1 is the file's line 2.
    const line = Number(yamlLine[2]) + (problem.file.startsWith('entries/') ? 1 : 0);
    const text = context.fileText?.replace(/\r\n?/g, '\n').split('\n')[line - 1] ?? '';
    const key = /^\s*-?\s*([A-Za-z]+):/.exec(text)?.[1];
    const what = key ? (FIELD_NAMES[key]?.toLowerCase() ?? key) : 'value';
    reason = /mappings are not allowed|Nested mappings/i.test(yamlLine[1]!)
      ? `line ${line}: put quotes around a ${what} that contains a colon, like ${key ?? 'title'}: "Driving: when can I?"`
      : `line ${line}: the file's header is not written correctly (${yamlLine[1]!.replace(/:$/, '')}); compare it with another answer's file`;
  }
  reason = reason
    .replace(/^is required$/, 'is missing')
    .replace('must be kebab-case (a-z, 0-9, dashes)', 'may use only lower-case letters, digits and dashes, like driving-after');
  return field === undefined ? { file: problem.file, reason } : { file: problem.file, field, reason };
}
