/**
 * A CSV cell that spreadsheets show as text. Cells starting with = + - @ (or
 * a tab / carriage return that hides one) are run as formulas by Excel and
 * LibreOffice, so they get a leading apostrophe (OWASP's advice); every cell
 * is quoted.
 */
export function csvCell(value: string | null): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** RFC 4180 CSV (CRLF rows) with a UTF-8 byte-order mark so Excel reads accents and non-Latin names. */
export function toCsv(header: string[], rows: (string | null)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
