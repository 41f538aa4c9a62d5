/**
 * Adds `css` to a shadow root as a constructable stylesheet, which a host
 * page's `style-src` CSP does not block, so the widget needs no
 * 'unsafe-inline'. (Chrome 73+, Firefox 101+, Safari 16.4+; the loader draws
 * nothing on older browsers rather than an unstyled widget.)
 */
export function adopt(root: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
