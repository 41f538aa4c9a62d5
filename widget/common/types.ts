/**
 * The seam between the loader (`/widget.js`) and the lazily loaded app bundle.
 * The loader owns the host element, launcher, panel element, open state and the
 * public `window.SpineChat` API; the app only renders inside the panel.
 */
import type { Lang } from '../../server/api/contract.ts';

export interface WidgetOptions {
  /** API base (`data-api`); defaults to the loader script's origin. */
  api: string;
  lang: Lang;
  left: boolean;
  /** Open the panel as soon as the page has loaded (`data-open`). */
  open: boolean;
  /** Clinic phone from `data-phone`, shown when the server cannot be reached. */
  phone: string;
  color: string | undefined;
  /** As written on the tag; the loader ignores it unless it is a valid z-index. */
  zIndex: string | undefined;
}

export type WidgetEvent = 'open' | 'close' | 'question' | 'callback';

/** Payloads carry no personal data: no names, phone numbers or question text. */
export interface WidgetEventDetail {
  open: undefined;
  close: undefined;
  question: { kind: 'answer' | 'fallback' | 'emergency' | 'error'; entryId?: string };
  callback: { id: string };
}

export interface MountContext {
  root: ShadowRoot;
  panel: HTMLElement;
  options: WidgetOptions;
  /** Closes the panel and returns focus to the launcher. */
  close(): void;
  emit<E extends WidgetEvent>(event: E, detail: WidgetEventDetail[E]): void;
}

export interface AppHandle {
  /** Called after the loader has shown (or hidden) the panel element. */
  show(open: boolean): void;
}

export type MountApp = (ctx: MountContext) => AppHandle;

/** What each per-language app entry module exports. */
export interface AppModule {
  mount: MountApp;
}
