export type Row = Array<string | number>;

const cell = (v: string | number) => (typeof v === 'number' ? formatNumber(v) : v);

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 1) return n.toFixed(2);
  return n.toPrecision(2);
}

/** A Markdown table, which also reads well in a terminal. */
export function markdownTable(header: string[], rows: Row[]): string {
  const lines = [header, header.map(() => '---'), ...rows.map((r) => r.map(cell))];
  return lines.map((r) => `| ${r.join(' | ')} |`).join('\n');
}
