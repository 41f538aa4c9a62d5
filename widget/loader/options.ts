/**
 * Reads the embed tag's `data-*` attributes:
 *
 * ```html
 * <script src="https://chat.example-clinic.com/widget.js" async
 *   data-lang="es" data-color="#0f766e" data-position="left"
 *   data-z-index="1000" data-open data-phone="+1 555 0100"></script>
 * ```
 */
import type { WidgetOptions } from '../common/types.ts';

export interface ScriptLike {
  src: string;
  dataset: Record<string, string | undefined>;
}

export function readOptions(script: ScriptLike, navigatorLanguage: string): WidgetOptions {
  const d = script.dataset;
  return {
    api: d.api || new URL(script.src).origin,
    lang: /^es\b/i.test(d.lang || navigatorLanguage) ? 'es' : 'en',
    left: d.position === 'left',
    open: d.open != null && d.open !== 'false',
    phone: d.phone || '',
    color: d.color,
    zIndex: d.zIndex,
  };
}

/**
 * `document.currentScript` is null when the loader runs from a module or some
 * tag managers; then the embed tag is found by its file name.
 */
export function findScript(doc: Document): HTMLScriptElement | null {
  return (doc.currentScript as HTMLScriptElement | null) ?? doc.querySelector('script[src*="/widget.js"]');
}
