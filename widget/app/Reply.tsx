/** One entry of the conversation: the visitor's question, a reply, or a friendly error. */
import { Link, Markdown } from '../markdown/Markdown.tsx';
import { safeUrl } from '../markdown/safe-url.ts';
import { Chips } from './Chips.tsx';
import { useApp } from './context.ts';
import { EmergencyCalls } from './EmergencyCalls.tsx';
import { HoursLine } from './HoursLine.tsx';
import { LazyMissingNote, preloadCallbackForm } from './LazyCallbackForm.tsx';
import { Phone } from './Phone.tsx';
import type { Entry } from './store.ts';

export function Reply({ entry }: { entry: Entry }) {
  const { store, t, phone } = useApp();
  if (entry.from === 'visitor') return <div class="msg me">{entry.text}</div>;
  if (entry.from === 'error') {
    return (
      <div class="msg alert">
        <p>
          {entry.status === 429 ? t.busy : t.failed} {phone() && <Phone number={phone()} />}
        </p>
        <button type="button" class="ghost" onClick={() => void store.ask(entry.question, entry)}>
          {t.retry}
        </button>
      </div>
    );
  }
  const { reply } = entry;
  if (reply.kind === 'emergency') {
    return (
      <div class="msg urgent">
        <p>{reply.message}</p>
        <EmergencyCalls reply={reply} />
      </div>
    );
  }
  if (reply.kind === 'fallback') {
    return (
      <div class="msg">
        <p>{reply.message}</p>
        <Chips label={t.suggestions} questions={reply.suggestions.map((s) => s.question)} />
        <CallbackButton />
        <HoursLine part="call" />
      </div>
    );
  }
  const { answer } = reply;
  const sources = answer.sources.filter((s) => safeUrl(s.url));
  return (
    <div class="msg">
      <h3>{answer.title}</h3>
      <Markdown text={answer.text} />
      {sources.length > 0 && (
        <div class="sources">
          <p class="label">{t.sources}</p>
          <ul>
            {sources.map((s) => (
              <li>
                <Link href={safeUrl(s.url)!}>{s.title}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Chips label={t.related} questions={reply.related.map((r) => r.question)} />
      {entry.voted ? (
        <>
          {entry.voted === 'no' ? <LazyMissingNote entry={entry} /> : <p class="voted">{t.thanks}</p>}
          {entry.voted !== true && <CallbackButton />}
        </>
      ) : (
        <div class="vote" role="group" aria-label={t.helpful}>
          <span aria-hidden="true">{t.helpful}</span>
          <button type="button" onClick={() => store.vote(entry, true)}>
            {t.yes}
          </button>
          <button type="button" onPointerEnter={preloadCallbackForm} onFocus={preloadCallbackForm} onClick={() => store.vote(entry, false)}>
            {t.no}
          </button>
        </div>
      )}
    </div>
  );
}

export function CallbackButton({ quiet }: { quiet?: boolean }) {
  const { store, t } = useApp();
  return (
    <button
      type="button"
      class={quiet ? 'link' : 'main'}
      onPointerEnter={preloadCallbackForm}
      onFocus={preloadCallbackForm}
      onClick={() => (store.view.value = 'callback')}
    >
      {t.callback}
    </button>
  );
}
