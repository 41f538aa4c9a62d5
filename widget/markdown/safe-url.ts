/** Only web, phone and e-mail links survive; `javascript:`, `data:` and relative URLs do not. */
const ALLOWED = new Set(['http:', 'https:', 'tel:', 'mailto:']);

export function safeUrl(href: string): string | undefined {
  try {
    const url = new URL(href.trim());
    return ALLOWED.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function isWebUrl(href: string): boolean {
  return /^https?:/i.test(href);
}
