/**
 * `/widget.js`: the only script a clinic embeds. It draws the launcher in its
 * own shadow root and nothing else; the app modules are imported from beside
 * this file on intent (hover, focus, touch, click) or, a few seconds after the
 * page's load event, when it is idle. Until
 * the visitor opens the chat it sets no cookies, touches no storage and calls
 * no API. If the app cannot load, the panel still opens with the clinic phone
 * (`data-phone`) or a generic "call the clinic" message.
 */
import { loaderStrings as en } from '../i18n/en.ts';
import { loaderStrings as es } from '../i18n/es.ts';
import { adopt } from '../common/adopt.ts';
import { parseHex, textOn } from '../common/color.ts';
import type { AppHandle, AppModule, MountContext, WidgetEvent } from '../common/types.ts';
import css from './loader.css';
import { findScript, readOptions } from './options.ts';

/** After the load event, how long the page is left alone before the app is prefetched. */
const QUIET_MS = 3000;

const script = findScript(document);
// Browsers without constructable stylesheets (Safari < 16.4) get no widget rather than an unstyled one.
if (script && !('SpineChat' in window) && document.adoptedStyleSheets) start(script);

function start(script: HTMLScriptElement): void {
  const options = readOptions(script, navigator.language);
  const t = options.lang === 'es' ? es : en;
  let handlers: [WidgetEvent, (detail: any) => void][] = [];
  const emit: MountContext['emit'] = (event, detail) => {
    for (const [e, handler] of handlers) {
      try {
        if (e === event) handler(detail);
      } catch {
        /* the host's handler is the host's problem */
      }
    }
  };

  const host = document.createElement('spine-chat');
  const root = host.attachShadow({ mode: 'open' });
  const rgb = parseHex(options.color);
  if (rgb) {
    host.style.setProperty('--sc-accent', `rgb(${rgb})`);
    host.style.setProperty('--sc-on', textOn(rgb));
  }
  if (CSS.supports('z-index', options.zIndex!)) host.style.setProperty('--sc-z', options.zIndex!);
  if (options.left) host.setAttribute('data-left', '');
  adopt(root, css);

  const launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'sc-panel' });
  launcher.append(t.launcher);
  const panel = el('div', { id: 'sc-panel', class: 'panel', role: 'dialog', 'aria-label': t.launcher, tabindex: '-1', hidden: '' });
  root.append(launcher, panel);

  let app: AppHandle | undefined;
  let loading: Promise<void> | undefined;
  let isOpen = false;

  const setOpen = (open: boolean): void => {
    if (open === isOpen) return;
    isOpen = open;
    launcher.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (app) app.show(open);
    else if (open) void load();
    emit(open ? 'open' : 'close', undefined);
  };
  const close = (): void => {
    setOpen(false);
    launcher.focus();
  };

  const ctx: MountContext = { root, panel, options, close, emit };

  // The entry and its chunks are imported together, so no request waits on another.
  const load = (): Promise<void> =>
    (loading ||= Promise.all([__APP_FILES__[options.lang], ...__APP_FILES__.chunks].map((file) => import(new URL(file, script.src) as never) as Promise<AppModule>)).then(
      ([entry]) => {
        panel.replaceChildren();
        app = entry!.mount(ctx);
        app.show(isOpen);
      },
      () => {
        loading = undefined;
        if (isOpen) showUnavailable();
      },
    ));

  const showUnavailable = (): void => {
    const phone = options.phone;
    panel.replaceChildren(t.unavailable + (phone ? ': ' : '.'), phone ? el('a', { href: 'tel:' + phone.replace(/[^\d+]/g, '') }, phone) : '');
    panel.focus();
  };

  launcher.onclick = () => setOpen(!isOpen);
  // Pointer events cover touch too: a finger landing on the launcher fires pointerenter.
  for (const type of ['pointerenter', 'focus']) launcher.addEventListener(type, load);
  root.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && isOpen) close();
  });

  (window as unknown as { SpineChat: unknown }).SpineChat = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    on: (event: WidgetEvent, handler: (detail: unknown) => void) => handlers.push([event, handler]),
    off: (event: WidgetEvent, handler: (detail: unknown) => void) => (handlers = handlers.filter(([e, h]) => e !== event || h !== handler)),
  };

  const whenIdle = (): void => {
    if (options.open) setOpen(true);
    // Prefetch only once the page has finished its own loading: its load event, a quiet spell
    // (late images, the page's own scripts), then an idle moment; intent loads at once.
    else setTimeout(() => (window.requestIdleCallback || setTimeout)(load), QUIET_MS);
  };
  // An async script in <head> may run before <body> exists.
  (document.body || document.documentElement).append(host);
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name in attrs) node.setAttribute(name, attrs[name]!);
  node.append(...children);
  return node;
}
