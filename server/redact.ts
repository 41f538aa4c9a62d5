/**
 * Removes contact details people type into questions ("call me at 555 123
 * 4567", "jane@example.com") before the wording is stored for staff.
 */
const EMAIL = /[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}/giu;
// 7+ digits, optionally led by + or (, with the separators people use between groups.
const PHONE = /(?:\+|\()?\d(?:[\s().\-/]{0,2}\d){6,}/g;

export function redactContactDetails(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

/** Lower-case words without punctuation: repeats of one question share a key. */
export function questionKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}[\]]+/gu, ' ')
    .trim()
    .slice(0, 200);
}

/** A visitor's wording as staff may see it: contact details removed, with the key its repeats share. */
export function staffWording(text: string): { key: string; text: string } {
  const redacted = redactContactDetails(text);
  return { key: questionKey(redacted), text: redacted };
}
