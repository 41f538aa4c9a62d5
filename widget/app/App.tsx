/** The panel's contents: a header, then the chat, the call-back form or the emergency view. */
import { useApp } from './context.ts';
import { Chat } from './Chat.tsx';
import { Emergency } from './Emergency.tsx';
import { Icon } from './Icon.tsx';
import { LazyCallbackForm } from './LazyCallbackForm.tsx';
import { useWatch } from './use-watch.ts';

export function App() {
  const { store, t, ctx } = useApp();
  // The whole panel re-renders from here; children read the store directly.
  useWatch(store.view, store.entries, store.config, store.offline, store.busy, store.afterHours);
  const view = store.view.value;
  const entries = store.entries.value;
  const emergency = [...entries].reverse().find((e) => e.from === 'bot' && e.reply.kind === 'emergency');
  return (
    <>
      {/* A div, not <header>: inside the dialog it would be a second banner landmark beside the host page's. */}
      <div class="head">
        <div>
          <h2>{store.config.value?.clinic.name ?? t.subtitle}</h2>
          {store.config.value && <p>{t.subtitle}</p>}
        </div>
        {entries.length > 0 && (
          <button type="button" class="x" aria-label={t.clear} onClick={store.clear}>
            <Icon name="clear" />
          </button>
        )}
        <button type="button" class="x" aria-label={t.close} onClick={ctx.close}>
          <Icon name="close" />
        </button>
      </div>
      <Chat hidden={view !== 'chat'} />
      {view === 'callback' && <LazyCallbackForm />}
      {view === 'emergency' && emergency?.from === 'bot' && emergency.reply.kind === 'emergency' && <Emergency reply={emergency.reply} />}
    </>
  );
}
