import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './parse.ts';
import { safeUrl } from './safe-url.ts';

describe('parseMarkdown', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    expect(parseMarkdown('One\ntwo.\n\nThree.')).toEqual([
      { tag: 'p', children: ['One two.'] },
      { tag: 'p', children: ['Three.'] },
    ]);
  });

  it('reads "- " lists, with a paragraph before them', () => {
    expect(parseMarkdown('Bring:\n- your **medication** list\n- scans\n  from before\n\nDone.')).toEqual([
      { tag: 'p', children: ['Bring:'] },
      {
        tag: 'ul',
        items: [['your ', { tag: 'strong', children: ['medication'] }, ' list'], ['scans', ' ', 'from before']],
      },
      { tag: 'p', children: ['Done.'] },
    ]);
  });

  it('keeps HTML as plain text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([{ tag: 'p', children: ['<img src=x onerror=alert(1)>'] }]);
  });
});

describe('parseInline', () => {
  it('reads bold, italic and nested marks', () => {
    expect(parseInline('a **b *c* d**')).toEqual(['a ', { tag: 'strong', children: ['b ', { tag: 'em', children: ['c'] }, ' d'] }]);
    expect(parseInline('**b** and *i*')).toEqual([{ tag: 'strong', children: ['b'] }, ' and ', { tag: 'em', children: ['i'] }]);
  });

  it('keeps http(s), tel and mailto links and turns others into text', () => {
    expect(parseInline('[NIH](https://www.ninds.nih.gov/x) or [call](tel:+15550100)')).toEqual([
      { tag: 'a', href: 'https://www.ninds.nih.gov/x', children: ['NIH'] },
      ' or ',
      { tag: 'a', href: 'tel:+15550100', children: ['call'] },
    ]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual(['click', ')']);
    expect(parseInline('[x](data:text/html,hi) [y](/relative)')).toEqual(['x', ' ', 'y']);
  });
});

describe('safeUrl', () => {
  it('allows only http, https, tel and mailto', () => {
    expect(safeUrl('https://a.org/p?q=1')).toBe('https://a.org/p?q=1');
    expect(safeUrl('mailto:front@clinic.example')).toBe('mailto:front@clinic.example');
    expect(safeUrl(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeUrl('vbscript:x')).toBeUndefined();
    expect(safeUrl('//evil.example')).toBeUndefined();
  });
});
