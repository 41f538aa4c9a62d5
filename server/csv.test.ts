import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.ts';

describe('csvCell', () => {
  it.each([
    ['=SUM(A1)', `"'=SUM(A1)"`],
    ['+1+cmd|\' /C calc\'!A0', `"'+1+cmd|' /C calc'!A0"`],
    ['-2+HYPERLINK("x")', `"'-2+HYPERLINK(""x"")"`],
    ['@cmd', `"'@cmd"`],
    ['\t=1', `"'\t=1"`],
    ['  =1+1', `"'  =1+1"`],
    ['\u200b=1+1', `"'\u200b=1+1"`],
    ['＝HYPERLINK("http://x")', `"'＝HYPERLINK(""http://x"")"`],
    ['＋cmd', `"'＋cmd"`],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['Jane', '"Jane"'],
    [null, '""'],
  ])('%j -> %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each(['+15551234567', '+1 (555) 123-4567', '-2', '5551234567'])('leaves the plain number %j as typed', (value) => {
    expect(csvCell(value)).toBe(`"${value}"`);
  });
});

it('csvLine quotes every cell and ends with CRLF', () => {
  expect(csvLine(['1', null, '=x'])).toBe(`"1","","'=x"\r\n`);
});
