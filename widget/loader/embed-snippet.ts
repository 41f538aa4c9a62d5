/**
 * The recommended embed: a small inline script that adds the contract's
 * `<script src=".../widget.js">` tag only once the page has loaded, its
 * largest paint so far has been shown and the browser is idle (the load event
 * alone can come before that paint; a browser that does not report it waits
 * a frame, and a tab in the background, which reports none, 3 s). A plain `async` tag is fetched and run while the page is still
 * painting, so Lighthouse's simulation (slow 4G, a fresh connection to the
 * chat server's origin) counts it towards the page's largest contentful
 * paint; added after the load event it is not, and a visitor on a slow
 * network never shares bandwidth with the page's own first paint. The plain
 * tag still works everywhere (a site whose CSP forbids inline scripts uses it).
 *
 * The READMEs quote `embedSnippet(EXAMPLE_SRC, EXAMPLE_ATTRS)`; a test keeps them in step.
 *
 * @example
 * embedSnippet('https://chat.example-clinic.com/widget.js', { phone: '+1 555 0100' });
 */

export const EXAMPLE_SRC = 'https://chat.example-clinic.com/widget.js';
export const EXAMPLE_ATTRS: Record<string, string> = { phone: '+1 555 0100' };

/** The script's own text, without the `<script>` tags (for a CSP hash). */
export function embedScript(src: string, data: Record<string, string> = {}): string {
  // JSON strings are JavaScript strings; `<` escaped so no value can close the tag.
  const js = (value: string) => JSON.stringify(value).replace(/</g, '\\u003c');
  const attrs = Object.entries(data).map(([name, value]) => `\n      s.setAttribute(${js(`data-${name}`)}, ${js(value)});`);
  return `
  (function (d, w) {
    var added;
    function add() {
      if (added) return;
      added = 1;
      var s = d.createElement("script");
      s.src = ${js(src)};${attrs.join('')}
      d.body.appendChild(s);
    }
    function later() {
      function idle() { (w.requestIdleCallback || setTimeout)(add); }
      // Once the page's largest paint so far has been shown (where the browser reports it), or a frame; at the latest 3 s.
      if ((w.PerformanceObserver && PerformanceObserver.supportedEntryTypes || []).indexOf("largest-contentful-paint") >= 0) {
        new PerformanceObserver(function (list, observer) { observer.disconnect(); idle(); }).observe({ type: "largest-contentful-paint", buffered: true });
      } else requestAnimationFrame(idle);
      setTimeout(add, 3000);
    }
    d.readyState === "complete" ? later() : w.addEventListener("load", later);
  })(document, window);
`;
}


export function embedSnippet(src: string, data: Record<string, string> = {}): string {
  return `<script>${embedScript(src, data)}</script>`;
}
