/**
 * Parses the answer Markdown subset (paragraphs, `- ` lists, **bold**,
 * *italic*, [links](url)) into a small tree that `Markdown.tsx` turns into
 * Preact nodes. Nothing is ever interpreted as HTML; unsafe links become text.
 */
import { safeUrl } from './safe-url.ts';

export type Inline = string | { tag: 'strong' | 'em'; children: Inline[] } | { tag: 'a'; href: string; children: Inline[] };
export type Block = { tag: 'p'; children: Inline[] } | { tag: 'ul'; items: Inline[][] };

const LIST_ITEM = /^\s*[-*]\s+/;
const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    let list: Inline[][] | undefined;
    const flush = () => {
      if (paragraph.length) blocks.push({ tag: 'p', children: parseInline(paragraph.join(' ')) });
      paragraph = [];
    };
    for (const raw of chunk.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      if (LIST_ITEM.test(raw)) {
        flush();
        if (!list) blocks.push({ tag: 'ul', items: (list = []) });
        list.push(parseInline(raw.replace(LIST_ITEM, '').trim()));
      } else if (list && /^\s/.test(raw)) {
        // An indented line continues the previous list item.
        list[list.length - 1]!.push(' ', ...parseInline(line));
      } else {
        list = undefined;
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const [, bold, italic, label, href] = m;
    if (bold !== undefined) out.push({ tag: 'strong', children: parseInline(bold) });
    else if (italic !== undefined) out.push({ tag: 'em', children: parseInline(italic) });
    else {
      const url = safeUrl(href!);
      out.push(url ? { tag: 'a', href: url, children: parseInline(label!) } : label!);
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
