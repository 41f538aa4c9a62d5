import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedScript, embedSnippet, EXAMPLE_ATTRS, EXAMPLE_SRC } from './embed-snippet.ts';

const readme = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('embedSnippet', () => {
  it('is what both READMEs tell clinics to paste', () => {
    const snippet = embedSnippet(EXAMPLE_SRC, EXAMPLE_ATTRS);
    expect(readme('README.md')).toContain(snippet);
    expect(readme('widget/README.md')).toContain(snippet);
  });

  it('keeps every value a string literal, so no attribute can close the script or inject code', () => {
    const script = embedScript('https://chat.example/widget.js', { phone: `"); alert(1); ("</script>` });
    expect(script).not.toContain('</script>');
    expect(script).toContain(String.raw`s.setAttribute("data-phone", "\"); alert(1); (\"\u003c/script>");`);
  });
});
