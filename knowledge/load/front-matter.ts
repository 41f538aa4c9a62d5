/** An entry file split into its YAML front matter and Markdown body. */
export interface FrontMatterParts {
  yaml: string;
  body: string;
}

/**
 * Splits `---\n<yaml>\n---\n<body>`. Returns a reason string when the file
 * does not have that shape, so the loader can report it as a problem.
 */
export function splitFrontMatter(source: string): FrontMatterParts | string {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return 'must start with a "---" line opening the front matter';
  const end = text.indexOf('\n---', 3);
  if (end === -1) return 'front matter is not closed by a "---" line';
  const afterFence = text.indexOf('\n', end + 4);
  const fenceLine = text.slice(end + 1, afterFence === -1 ? undefined : afterFence);
  if (fenceLine.trim() !== '---') return 'front matter is not closed by a "---" line';
  return {
    yaml: text.slice(4, end + 1),
    body: afterFence === -1 ? '' : text.slice(afterFence + 1).trim(),
  };
}
