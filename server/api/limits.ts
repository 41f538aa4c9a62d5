/**
 * Lengths and counts the server enforces and the widget and staff page
 * respect, declared once so the two can never disagree.
 */

/** Questions a visitor may share with a callback request. */
export const SHARED_QUESTIONS = {
  /** The most recent questions of the chat that are sent. */
  maxCount: 10,
  /** Same as a question to /api/ask. */
  maxLength: 500,
} as const;

/** Staff sign-in. */
export const STAFF_PASSWORD = { minLength: 12, maxLength: 200 } as const;

/** An answer edited in the browser. */
export const ENTRY_LIMITS = {
  titleMax: 200,
  questionMax: 300,
  questionsMax: 60,
  bodyMax: 20_000,
  tagsMax: 30,
  relatedMax: 12,
  sourcesMax: 12,
} as const;
