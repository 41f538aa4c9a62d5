/** The conversation view: a note on what the answers are, the log, and the question box. */
import { useEffect, useRef } from 'preact/hooks';
import { FIELD_LIMITS } from '../../server/api/limits.ts';
import { Chips } from './Chips.tsx';
import { HoursLine } from './HoursLine.tsx';
import { useApp } from './context.ts';
import { Phone } from './Phone.tsx';
import { CallbackButton, Reply } from './Reply.tsx';

export function Chat({ hidden }: { hidden: boolean }) {
  const { store, t, phone, ctx } = useApp();
  const scroller = useRef<HTMLDivElement>(null);
  const entries = store.entries.value;
  const config = store.config.value;
  const greeting = (ctx.options.lang === 'en' && config?.greeting) || t.greeting;
  const starters = ctx.options.lang === 'en' ? (config?.starters ?? []) : [];

  // Keep the newest exchange in view: a long answer is shown from its question down.
  useEffect(() => {
    const box = scroller.current;
    if (!box || hidden) return;
    const questions = box.querySelectorAll<HTMLElement>('.me');
    const last = entries[entries.length - 1];
    const top = last?.from === 'bot' ? questions[questions.length - 1]?.offsetTop : undefined;
    box.scrollTop = top === undefined ? box.scrollHeight : top - 12;
  }, [entries.length, store.busy.value, hidden]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    const question = input.value;
    input.value = '';
    // Not answered (offline, busy, an error): give the words back rather than make the visitor retype them.
    if (!(await store.ask(question))) input.value ||= question;
  };

  return (
    <div class="view" hidden={hidden}>
      <div class="scroll" ref={scroller}>
        <p class="note">
          {t.note} {phone() ? <>{t.reach} <Phone number={phone()} /></> : t.reachNoPhone} {t.or} <CallbackButton quiet />.
        </p>
        {store.offline.value && <p class="msg alert">{t.offline}</p>}
        <div role="log" aria-live="polite" class="log">
          <div class="msg">
            <p>{greeting}</p>
            <HoursLine part="greeting" />
          </div>
          {entries.length === 0 && <Chips label={t.starters} questions={starters} />}
          {entries.map((entry) => (
            <Reply entry={entry} />
          ))}
        </div>
        {store.busy.value && (
          <div class="typing" role="status">
            <span class="vh">{t.typing}</span>
            <i />
            <i />
            <i />
          </div>
        )}
      </div>
      <form class="ask" onSubmit={submit}>
        <label for="sc-q">{t.inputLabel}</label>
        <div>
          <input id="sc-q" name="q" type="text" maxLength={FIELD_LIMITS.question} autocomplete="off" enterKeyHint="send" />
          <button type="submit" class="main">
            {t.send}
          </button>
        </div>
      </form>
    </div>
  );
}
