/** Renders parsed answer Markdown as Preact nodes: never as an HTML string. */
import type { ComponentChildren } from 'preact';
import { parseMarkdown, type Inline } from './parse.ts';
import { isWebUrl } from './safe-url.ts';

export function Markdown({ text }: { text: string }) {
  return (
    <>
      {parseMarkdown(text).map((block) =>
        block.tag === 'p' ? <p>{inline(block.children)}</p> : <ul>{block.items.map((item) => <li>{inline(item)}</li>)}</ul>,
      )}
    </>
  );
}

function inline(nodes: Inline[]): ComponentChildren {
  return nodes.map((node) => {
    if (typeof node === 'string') return node;
    if (node.tag === 'a') return <Link href={node.href}>{inline(node.children)}</Link>;
    const Tag = node.tag;
    return <Tag>{inline(node.children)}</Tag>;
  });
}

/** Web links open in a new tab without handing the host page to the target. */
export function Link({ href, children }: { href: string; children: ComponentChildren }) {
  return isWebUrl(href) ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <a href={href}>{children}</a>
  );
}
