/** Build-time inputs that esbuild provides to the widget bundles (see build/widget.ts). */

/** CSS files are imported as minified text and adopted as constructable stylesheets. */
declare module '*.css' {
  const css: string;
  export default css;
}

/**
 * The hashed app files needed to open the chat: each language's entry, and
 * the chunks every entry imports (fetched in parallel, not one by one).
 * Resolved next to the loader's own URL.
 */
declare const __APP_FILES__: Record<import('../server/api/contract.ts').Lang, string> & { chunks: string[] };
