/**
 * Some clinics deliberately never tell patients how long relief "should" last,
 * so the pain diary is not biased; others want a number. That choice lives in
 * the clinic profile (`{{policy.reliefDuration}}`, `{{policy.rfaReliefDuration}}`).
 * A number written straight into an entry ("relief lasts 6 to 12 months")
 * would bypass it, so the loader reports one.
 *
 * The check is per sentence: a sentence about relief (relief, pain coming back,
 * the numbing medicine wearing off, the block lasting...) that also holds a
 * number with a duration unit. Placeholders are removed first: what the clinic
 * wrote in its own settings is the clinic's choice. A duration in another
 * sentence ("skip baths for 24 hours", "pain for 3 months or more") is fine.
 */

const NUMBER = String.raw`(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|twenty-four|forty-eight)`;
const RANGE = String.raw`${NUMBER}(?:\s*(?:-|–|—|to|or)\s*${NUMBER})?`;
const UNIT = String.raw`(?:hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?)`;
/** "6 to 12 months", "8-24 hours", "a 24-hour", "six weeks". */
const DURATION = new RegExp(String.raw`\b${RANGE}[\s-]*${UNIT}\b`, 'i');

/** Words that make a sentence a statement about how long relief lasts. */
const ABOUT_RELIEF = new RegExp(
  [
    String.raw`\breliev\w*|\brelief\b`,
    String.raw`\bpain[- ]free\b`,
    String.raw`\b(?:wears?|wore|worn|wearing) off\b`,
    String.raw`\bpain (?:comes?|came|coming) back\b`,
    String.raw`\bpain (?:returns?|returned|returning|will return)\b`,
    String.raw`\bfeel(?:s|ing)? better\b`,
    // "the block lasts 8 hours", "RFA lasting 9 months"; not "for the last 3 months".
    String.raw`\b(?:block|blocks|injection|shot|numbing|medicine|anaesthetic|anesthetic|rfa|ablation|effect|benefit)s?\b[^.!?]*?\blast(?:s|ed|ing)?\b`,
  ].join('|'),
  'i',
);

const PLACEHOLDER = /\{\{[^{}]*\}\}/g;

/** One stated duration: the words that matched, for the problem message. */
export interface StatedDuration {
  sentence: string;
  duration: string;
}

/** Splits prose and Markdown list items into sentences. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').trim())
    .filter(Boolean);
}

/** Every sentence of `text` (placeholders ignored) that states how long relief lasts. */
export function findReliefDurations(text: string): StatedDuration[] {
  const found: StatedDuration[] = [];
  for (const sentence of sentences(text.replace(PLACEHOLDER, ' '))) {
    if (!ABOUT_RELIEF.test(sentence)) continue;
    const duration = DURATION.exec(sentence);
    if (duration) found.push({ sentence, duration: duration[0] });
  }
  return found;
}

/** The problem text staff see after `<file>: <field>: `. */
export function reliefDurationReason({ duration }: StatedDuration): string {
  return (
    `states how long relief lasts ("${duration}") in fixed text, which bypasses the clinic's setting; ` +
    'reword it or use {{policy.reliefDuration}} (or {{policy.rfaReliefDuration}} for RFA) from clinic.yaml'
  );
}
