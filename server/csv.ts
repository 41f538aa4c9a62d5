/**
 * Cells that spreadsheets would run as formulas: starting with = + - @, a tab
 * or carriage return, possibly after spaces or invisible characters, and
 * judged after NFKC folding, because spreadsheets read full-width ＝ ＋ as
 * = + (OWASP's CSV-injection advice, widened).
 */
const FORMULA_START = /^(?:[\t\r]|[\s\p{Cf}]*[=+\-@])/u;
/** A plain number or phone number (+15551234567, -2, (555) 123-4567) runs nothing, so it stays as typed. */
const PLAIN_NUMBER = /^[+-]?[\d\s().\-/]*\d[\d\s().\-/]*$/;

/**
 * A CSV cell that spreadsheets show as text: formula-like cells get a
 * leading apostrophe; every cell is quoted.
 */
export function csvCell(value: string | null): string {
  const text = value ?? '';
  const folded = text.normalize('NFKC');
  const safe = FORMULA_START.test(folded) && !PLAIN_NUMBER.test(folded) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Starts a UTF-8 CSV file, so Excel reads accents and non-Latin names. */
export const CSV_BYTE_ORDER_MARK = '\uFEFF';

/** One RFC 4180 row, CRLF-terminated. */
export function csvLine(cells: (string | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
