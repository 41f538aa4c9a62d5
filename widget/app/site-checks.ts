/**
 * What the widget checks about the page it is embedded in, and what it tells
 * the clinic's web admin in the console. A chunk of its own, fetched after
 * the app: none of it is needed to chat.
 *
 * Cookie banners often sit at the highest z-index, over the launcher and, on
 * a phone, over the open panel's question box. When the chat opens it lifts
 * itself above whatever covers the launcher: the highest z-index, and last
 * in the page so it also wins a tie. What it cannot lift above, and what
 * covers the launcher while the chat is closed, the console names, with the
 * `data-z-index` setting that fixes it.
 *
 * @example
 * warnIfCovered(host, launcher);          // on mount
 * liftAboveCover(host, launcher);         // on open
 */
const TOP = '2147483647';

function covering(host: HTMLElement, launcher: Element): Element | null {
  const r = launcher.getBoundingClientRect();
  const hit = r.width ? document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
  return hit && hit !== host ? hit : null;
}

function warn(el: Element, what: string): void {
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  console.warn(`SpineChat: ${name} (z-index ${getComputedStyle(el).zIndex}) ${what}. Set data-z-index on the widget's script tag above it, or lower that element's z-index.`);
}

export function warnIfCovered(host: HTMLElement, launcher: Element): void {
  const el = covering(host, launcher);
  if (el) warn(el, 'covers the chat launcher; the chat lifts itself above it only once opened');
}

export function liftAboveCover(host: HTMLElement, launcher: Element): void {
  if (!covering(host, launcher)) return;
  host.style.setProperty('--sc-z', TOP);
  // Re-inserting the host drops focus from inside it; put it back.
  const focused = host.shadowRoot!.activeElement as HTMLElement | null;
  host.parentNode!.append(host);
  focused?.focus();
  const el = covering(host, launcher);
  if (el) warn(el, 'covers the chat even at the highest z-index');
}

/**
 * The API call failed: if the server still answers an opaque (no-cors)
 * request, it is up and refusing this site, which only the console can say.
 * It asks for the loader: unlike /healthz, it may be read cross-origin (CORP).
 */
export async function explainRefusal(api: string): Promise<void> {
  const up = await fetch(api + '/widget.js', { mode: 'no-cors', credentials: 'omit', cache: 'no-store' }).then(
    () => true,
    () => false,
  );
  if (up) console.error(`SpineChat: ${api} does not allow this site (${location.origin}): add it to ALLOWED_ORIGINS on the chat server.`);
}
