import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { conceptRuleSetSchema, type ConceptRuleSet } from '../concepts/schema.ts';
import type { KnowledgeProblem } from '../problems.ts';
import { english } from '../language/en/index.ts';
import type { Language } from '../language/types.ts';
import { splitFrontMatter } from './front-matter.ts';
import { formatBytes, KNOWLEDGE_LIMITS as L } from './limits.ts';
import { fillPlaceholders, placeholderValues } from './placeholders.ts';
import { findReliefDurations, reliefDurationReason } from './relief-duration.ts';
import {
  clinicSchema,
  entrySchema,
  layTermsSchema,
  translatedClinicSchema,
  type ClinicProfile,
  type EntryFrontMatter,
  type LayTerms,
  type TranslatedClinic,
} from './schemas.ts';
import { zodProblems } from './zod-problems.ts';

/** An entry ready to serve: placeholders already filled from the clinic profile. */
export interface KnowledgeEntry extends EntryFrontMatter {
  /** Rendered Markdown body. */
  text: string;
  /** Path inside the knowledge base folder, for problem reports. */
  file: string;
}

export interface KnowledgeBase {
  entries: KnowledgeEntry[];
  clinic: ClinicProfile;
  layTerms: LayTerms;
  /** Staff-editable out-of-scope topics (`out-of-scope.yaml`), if the folder has them. */
  outOfScope: ConceptRuleSet | undefined;
  /** The base's own urgent rules (`urgent.yaml`), if it brings them. */
  urgent: ConceptRuleSet | undefined;
}

export type ReadResult = { base: KnowledgeBase; problems: [] } | { base: undefined; problems: KnowledgeProblem[] };

export const CLINIC_FILE = 'clinic.yaml';
export const LAY_TERMS_FILE = 'lay-terms.yaml';
export const OUT_OF_SCOPE_FILE = 'out-of-scope.yaml';
export const URGENT_FILE = 'urgent.yaml';
export const ENTRIES_DIR = 'entries';

export interface ReadOptions {
  /** How the folder's text is tokenised. Default English. */
  language?: Language;
  /**
   * For a translation folder (`es/`): the main folder's clinic profile. Its
   * own `clinic.yaml` is then optional and holds only the translated texts
   * (greeting, starters, hours, topic, policies, replies), laid over this one.
   */
  parentClinic?: ClinicProfile;
  /** Put before every file name in problem reports ("es/"). */
  prefix?: string;
}

/**
 * Reads and checks a whole knowledge base folder, collecting every problem
 * rather than stopping at the first, so `kb:check` can list them all.
 * `lay-terms.yaml`, `out-of-scope.yaml` and `urgent.yaml` are optional (a
 * bare generated folder still loads); `clinic.yaml` and `entries/` are required.
 */
export function readKnowledgeBase(dir: string, options: ReadOptions = {}): ReadResult {
  const { normalise } = options.language ?? english;
  const problems: KnowledgeProblem[] = [];
  const clinic = options.parentClinic
    ? mergeClinic(options.parentClinic, readYamlFile(dir, CLINIC_FILE, translatedClinicSchema, problems, false))
    : readYamlFile(dir, CLINIC_FILE, clinicSchema, problems, true);
  const layTerms = readYamlFile(dir, LAY_TERMS_FILE, layTermsSchema, problems, false) ?? { synonyms: {} };
  const outOfScope = readYamlFile(dir, OUT_OF_SCOPE_FILE, conceptRuleSetSchema, problems, false);
  const urgent = readYamlFile(dir, URGENT_FILE, conceptRuleSetSchema, problems, false);
  problems.push(...checkLayTerms(layTerms, normalise));

  const entries = readEntries(dir, clinic, problems);
  problems.push(...checkCrossReferences(entries, entryFileIds(dir), normalise));
  const prefix = options.prefix ?? '';
  if (prefix) for (const problem of problems) problem.file = `${prefix}${problem.file}`;
  if (problems.length > 0 || !clinic) return { base: undefined, problems };
  return { base: { entries, clinic, layTerms, outOfScope, urgent }, problems: [] };
}

/** A translation's clinic texts over the main profile: policies key by key, so an untranslated one falls back. */
function mergeClinic(parent: ClinicProfile, own: TranslatedClinic | undefined): ClinicProfile {
  if (!own) return parent;
  const { policies, replies, ...texts } = own;
  return {
    ...parent,
    ...texts,
    policies: { ...parent.policies, ...policies },
    replies: { ...parent.replies, ...replies, smallTalk: { ...parent.replies?.smallTalk, ...replies?.smallTalk } },
  };
}

function readYamlFile<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  problems: KnowledgeProblem[],
  required: boolean,
): z.infer<S> | undefined {
  const path = join(dir, file);
  if (!existsSync(path)) {
    if (required) problems.push({ file, reason: 'file is missing' });
    return undefined;
  }
  if (tooLarge(file, statSync(path).size, L.yamlFileBytes, 'per file', problems)) return undefined;
  const data = parseYamlText(file, readFileSync(path, 'utf8'), problems);
  if (data === undefined) return undefined;
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) {
    problems.push(...zodProblems(file, parsed.error));
    return undefined;
  }
  return parsed.data;
}

/** Adds a problem naming the size and the limit when `bytes` is over it; such files are never read. */
function tooLarge(file: string, bytes: number, limit: number, per: string, problems: KnowledgeProblem[]): boolean {
  if (bytes <= limit) return false;
  problems.push({ file, reason: `is ${formatBytes(bytes)}, over the limit of ${formatBytes(limit)} ${per}` });
  return true;
}

function parseYamlText(file: string, text: string, problems: KnowledgeProblem[]): unknown {
  try {
    return parseYaml(text) ?? null;
  } catch (error) {
    problems.push({ file, reason: `invalid YAML: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

function readEntries(dir: string, clinic: ClinicProfile | undefined, problems: KnowledgeProblem[]): KnowledgeEntry[] {
  const entriesDir = join(dir, ENTRIES_DIR);
  if (!existsSync(entriesDir)) {
    problems.push({ file: ENTRIES_DIR, reason: 'folder is missing' });
    return [];
  }
  const values = clinic ? placeholderValues(clinic) : undefined;
  const entries: KnowledgeEntry[] = [];
  const names = readdirSync(entriesDir).filter((n) => n.endsWith('.md')).sort();
  if (names.length === 0) problems.push({ file: ENTRIES_DIR, reason: 'has no entries (*.md files)' });
  if (names.length > L.entries) {
    problems.push({ file: ENTRIES_DIR, reason: `has ${names.length} entries, over the limit of ${L.entries} per knowledge base` });
    return [];
  }
  // Sizes first, from the directory alone: an oversized base is refused before any of it is read.
  const sizes = names.map((name) => statSync(join(entriesDir, name)).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (tooLarge(ENTRIES_DIR, total, L.entriesBytes, 'for all entries together', problems)) return [];
  names.forEach((name, i) => {
    const file = `${ENTRIES_DIR}/${name}`;
    if (tooLarge(file, sizes[i]!, L.entryBytes, 'per entry', problems)) return;
    const parts = splitFrontMatter(readFileSync(join(entriesDir, name), 'utf8'));
    if (typeof parts === 'string') {
      problems.push({ file, reason: parts });
      return;
    }
    const data = parseYamlText(file, parts.yaml, problems);
    if (data === undefined) return;
    const parsed = entrySchema.safeParse(data ?? {});
    if (!parsed.success) {
      problems.push(...zodProblems(file, parsed.error));
      return;
    }
    const entry = parsed.data;
    const expectedId = name.slice(0, -'.md'.length);
    if (entry.id !== expectedId) problems.push({ file, field: 'id', reason: `"${entry.id}" does not match the file name (expected "${expectedId}")` });
    if (!parts.body) problems.push({ file, field: 'body', reason: 'the answer text after the front matter is empty' });
    for (const [field, raw] of [['title', entry.title], ['body', parts.body]] as const) {
      for (const stated of findReliefDurations(raw)) problems.push({ file, field, reason: reliefDurationReason(stated) });
    }
    let text = parts.body;
    let title = entry.title;
    if (values) {
      const body = fillPlaceholders(parts.body, values);
      const heading = fillPlaceholders(entry.title, values);
      for (const [field, unknown] of [['body', body.unknown], ['title', heading.unknown]] as const) {
        for (const name of unknown) {
          problems.push({ file, field, reason: `unknown placeholder {{${name}}} (use clinic.<key> or policy.<key> from ${CLINIC_FILE})` });
        }
      }
      text = body.text;
      title = heading.text;
    }
    if (text.length > L.filledBodyCharacters) {
      problems.push({ file, field: 'body', reason: `is ${text.length} characters once placeholders are filled, over the limit of ${L.filledBodyCharacters}` });
      return;
    }
    entries.push({ ...entry, title, text, file });
  });
  return entries;
}

/** Ids that have an entry file, valid or not, so one broken entry does not make every link to it an error too. */
function entryFileIds(dir: string): Set<string> {
  const entriesDir = join(dir, ENTRIES_DIR);
  if (!existsSync(entriesDir)) return new Set();
  return new Set(readdirSync(entriesDir).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -'.md'.length)));
}

function checkCrossReferences(
  entries: readonly KnowledgeEntry[],
  fileIds: ReadonlySet<string>,
  normalise: (text: string) => string[],
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const ids = new Map<string, string>();
  for (const { id, file } of entries) {
    const first = ids.get(id);
    if (first) problems.push({ file, field: 'id', reason: `duplicate id "${id}" (also in ${first})` });
    else ids.set(id, file);
  }
  const phrasings = new Map<string, string>();
  for (const entry of entries) {
    const { file } = entry;
    entry.related.forEach((id, i) => {
      if (!ids.has(id) && !fileIds.has(id)) problems.push({ file, field: `related.${i}`, reason: `unknown entry id "${id}"` });
    });
    const own = new Set<string>();
    entry.questions.forEach((question, i) => {
      const key = normalise(question).join(' ');
      if (own.has(key)) return;
      own.add(key);
      const other = phrasings.get(key);
      if (other && other !== entry.id) {
        problems.push({ file, field: `questions.${i}`, reason: `"${question}" is also an alternate phrasing of entry "${other}"` });
      } else phrasings.set(key, entry.id);
    });
  }
  return problems;
}

function checkLayTerms(layTerms: LayTerms, normalise: (text: string) => string[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const owner = new Map<string, string>();
  for (const [canonical, phrases] of Object.entries(layTerms.synonyms)) {
    phrases.forEach((phrase, i) => {
      const key = normalise(phrase).join(' ');
      const other = owner.get(key);
      if (other && other !== canonical) {
        problems.push({ file: LAY_TERMS_FILE, field: `synonyms.${canonical}.${i}`, reason: `"${phrase}" is already a lay term for "${other}"` });
      } else owner.set(key, canonical);
    });
  }
  return problems;
}
