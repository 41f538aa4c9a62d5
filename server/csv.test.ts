import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csvCell', () => {
  it.each([
    ['=SUM(A1)', `"'=SUM(A1)"`],
    ['+15551234567', `"'+15551234567"`],
    ['-2', `"'-2"`],
    ['@cmd', `"'@cmd"`],
    ['\t=1', `"'\t=1"`],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['Jane', '"Jane"'],
    [null, '""'],
  ])('%j -> %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

it('toCsv writes a BOM, a header and CRLF rows', () => {
  expect(toCsv(['a', 'b'], [['1', null]])).toBe('\uFEFF"a","b"\r\n"1",""\r\n');
});
