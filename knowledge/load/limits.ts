/**
 * How big a knowledge base folder may be, declared once: the loader (and so
 * the server, hot reload and `kb:check`) refuses anything larger with a
 * reason naming the file, field and limit. Files over a limit are never
 * read: one 30 MB entry once froze the server for 9 s and took 1 GB.
 * Generous for a clinic: the bundled base is 46 entries in 200 KB, and the
 * 10,000-entry benchmark base is about 8 MB.
 */
export const KNOWLEDGE_LIMITS = {
  /** One `entries/<id>.md` file. */
  entryBytes: 64 * 1024,
  /** An entry's answer text once placeholders are filled (repeated placeholders could multiply it). */
  filledBodyCharacters: 64 * 1024,
  /** `clinic.yaml`, `lay-terms.yaml`, `out-of-scope.yaml`, each. */
  yamlFileBytes: 1024 * 1024,
  /** All entry files together. */
  entriesBytes: 16 * 1024 * 1024,
  entries: 20_000,
  titleCharacters: 200,
  questionsPerEntry: 100,
  questionCharacters: 300,
  tagsPerEntry: 50,
  relatedPerEntry: 30,
  sourcesPerEntry: 20,
} as const;

/** 65536 → "64 KB", 16777216 → "16 MB": sizes as staff read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round((bytes / 1024) * 10) / 10} KB`;
}
