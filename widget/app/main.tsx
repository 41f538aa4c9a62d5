/**
 * The chat app, shared by the per-language entries (`entry-en.ts`,
 * `entry-es.ts`) that `/widget.js` imports from beside itself. As ES modules
 * they add nothing to the host page's globals.
 */
import { render } from 'preact';
import type { AppStrings } from '../i18n/en.ts';
import { adopt } from '../common/adopt.ts';
import { ink, parseHex } from '../common/color.ts';
import type { MountApp } from '../common/types.ts';
import { createApi } from './api.ts';
import { App } from './App.tsx';
import css from './app.css';
import { AppContext, type AppModel } from './context.ts';
import type * as SiteChecks from './site-checks.ts';
import { createStore } from './store.ts';
import { followVisualViewport } from './viewport.ts';

/** Matches app.css: where the panel fills the window. */
const FULL_SCREEN = '(max-width: 639.98px), (max-height: 520px)';

export const createMount = (t: AppStrings): MountApp => (ctx) => {
  adopt(ctx.root, css);
  ctx.panel.classList.add('app');
  const rgb = parseHex(ctx.options.color);
  if (rgb) (ctx.root.host as HTMLElement).style.setProperty('--sc-ink', ink(rgb));
  const api = createApi(ctx.options.api, ctx.options.lang);
  const store = createStore(api, ctx);
  const model: AppModel = {
    store,
    api,
    ctx,
    t,
    phone: () => store.config.value?.clinic.phone || ctx.options.phone,
  };
  render(
    <AppContext.Provider value={model}>
      <App />
    </AppContext.Provider>,
    ctx.panel,
  );

  // Full screen hides the page behind, so Tab must wrap inside the panel
  // rather than land on hidden host controls (WCAG 2.4.11, focus not obscured).
  ctx.panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || !matchMedia(FULL_SCREEN).matches) return;
    const items = [...ctx.panel.querySelectorAll<HTMLElement>('a[href],button,input,select,textarea')].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
    );
    const edge = e.shiftKey ? items[0] : items[items.length - 1];
    const active = ctx.root.activeElement;
    if (active === edge || active === ctx.panel) {
      e.preventDefault();
      (e.shiftKey ? items[items.length - 1] : items[0])?.focus();
    }
  });

  const host = ctx.root.host as HTMLElement;
  const launcher = ctx.root.querySelector('.launcher')!;
  let isOpen = false;
  let checks: typeof SiteChecks | undefined;
  void import('./site-checks.ts').then(
    (m) => {
      checks = m;
      m.warnIfCovered(host, launcher);
      if (isOpen) m.liftAboveCover(host, launcher);
    },
    () => {},
  );
  let unfollow = () => {};
  return {
    show(open) {
      isOpen = open;
      unfollow();
      if (!open) return store.settleVotes();
      checks?.liftAboveCover(host, launcher);
      unfollow = followVisualViewport(host);
      void store.start();
      // Opened by the page itself (data-open, a timer), not by the visitor: leave their focus alone.
      if (navigator.userActivation?.isActive === false) return;
      // On phones the keyboard would cover the greeting, so focus the dialog there.
      const narrow = matchMedia('(max-width: 639.98px)').matches;
      const input = ctx.root.getElementById('sc-q');
      (store.view.value === 'chat' && !narrow && input ? input : ctx.panel).focus();
    },
  };
};
