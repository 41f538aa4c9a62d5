/**
 * The call-back request. Typed data stays in this component only (never in
 * URLs or storage) and survives a failed submit; one Idempotency-Key per
 * attempt is reused on every retry, so a retried request is stored once.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FEEDBACK_NOTE_MAX_LENGTH, type CallbackCreated, type CallbackRequest } from '../../server/api/contract.ts';
import { FIELD_LIMITS, SHARED_QUESTIONS } from '../../server/api/limits.ts';
import { adopt } from '../common/adopt.ts';
import { HoursLine } from './HoursLine.tsx';
import { Phone } from './Phone.tsx';
// Nothing is used from it: importing the app's root keeps every module the app opens with in one
// shared chunk (esbuild otherwise splits off what this form shares, and each extra file costs gzip bytes).
import './main.tsx';
import { useApp } from './context.ts';
import css from './form.css';
import { newIdempotencyKey } from './idempotency.ts';
import type { Entry } from './store.ts';

type Field = 'name' | 'phone' | 'preferredTime' | 'message' | 'consent';
type Errors = Partial<Record<Field | 'form', string>>;

export function CallbackForm() {
  const { api, store, t, ctx, phone } = useApp();
  const [key] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<CallbackCreated | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // On the form's heading when it opens, then on the confirmation: the Send button is gone by then,
  // and focus left on <body> would also take Escape out of the widget.
  useEffect(() => heading.current?.focus(), [done]);
  const back = () => (store.view.value = 'chat');
  useState(() => adoptOnce(ctx.root));

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  // Kept in memory by the chat; sent only if the visitor ticks the (unticked) share box.
  const asked = store.entries.value
    .flatMap((entry) => (entry.from === 'visitor' ? [entry.text.slice(0, SHARED_QUESTIONS.maxLength)] : []))
    .slice(-SHARED_QUESTIONS.maxCount);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
    const control = (name: string) => form.current!.elements.namedItem(name) as HTMLInputElement;
    const value = (name: string) => control(name).value.trim();
    const request: CallbackRequest = {
      name: value('name'),
      phone: value('phone'),
      preferredTime: value('preferredTime'),
      message: value('message') || undefined,
      consent: control('consent').checked as true,
      lang: ctx.options.lang,
      ...(asked.length > 0 && control('share').checked ? { questions: asked } : {}),
      website: control('website').value,
    };
    const missing: Errors = {};
    if (!request.name) missing.name = t.required;
    if (!request.phone) missing.phone = t.required;
    if (!request.consent) missing.consent = t.consentRequired;
    if (Object.keys(missing).length) return setErrors(missing);

    setSending(true);
    const res = await api.callback(request, key);
    setSending(false);
    if (res.ok) {
      setDone(res.data);
      ctx.emit('callback', { id: res.data.id });
    } else if (res.status === 400 && res.error?.fields) {
      const fields = res.error.fields;
      const known = Object.keys(fields).some((k) => k in LABELS);
      // The server names the field; the reason is said in the interface's language where it has its own words.
      const own = t.fieldErrors as Errors;
      const worded = Object.fromEntries(Object.entries(fields).map(([field, reason]) => [field, own[field as Field] ?? reason]));
      setErrors({ ...(worded as Errors), ...(known ? {} : { form: t.cbFailed }) });
    } else {
      // 503: the server cannot store requests (its database is down); trying again soon will not help, the phone will.
      setErrors({ form: res.status === 429 ? t.cbBusy : res.status === 503 ? t.cbUnavailable : t.cbFailed });
    }
  };

  if (done) {
    return (
      <div class="view">
        <div class="scroll done" role="status">
          <h3 tabIndex={-1} ref={heading}>
            {t.cbDone}
          </h3>
          <p>
            {t.reference}: <strong>{done.ref}</strong>
          </p>
          <HoursLine part="call" />
          <button type="button" class="ghost" onClick={back}>
            {t.back}
          </button>
        </div>
      </div>
    );
  }

  const field = (name: Field, control: ComponentChildren, label = t[LABELS[name]]) => (
    <div class={name === 'consent' ? 'check' : undefined}>
      {name === 'consent' && control}
      <label for={`sc-${name}`}>{label}</label>
      {name !== 'consent' && control}
      {errors[name] && (
        <p class="error" id={`sc-${name}-error`}>
          {errors[name]}
        </p>
      )}
    </div>
  );
  const a11y = (name: Field) => ({
    id: `sc-${name}`,
    name,
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': errors[name] ? `sc-${name}-error` : undefined,
  });

  return (
    <div class="view">
      <form class="scroll form" ref={form} noValidate onSubmit={submit}>
        <h3 tabIndex={-1} ref={heading}>
          {t.callback}
        </h3>
        <p>{t.cbIntro}</p>
        {field('name', <input {...a11y('name')} type="text" autocomplete="name" maxLength={FIELD_LIMITS.name} required />)}
        {field('phone', <input {...a11y('phone')} type="tel" autocomplete="tel" maxLength={FIELD_LIMITS.phone} required />)}
        {field(
          'preferredTime',
          <select {...a11y('preferredTime')}>
            {t.times.map((time) => (
              <option value={time}>{time}</option>
            ))}
          </select>,
        )}
        {field('message', <textarea {...a11y('message')} rows={3} maxLength={FIELD_LIMITS.message} />)}
        {field('consent', <input {...a11y('consent')} type="checkbox" required />)}
        {asked.length > 0 && (
          <div class="check">
            <input id="sc-share" name="share" type="checkbox" />
            <label for="sc-share">{t.share}</label>
          </div>
        )}
        <div class="hp" aria-hidden="true">
          <label for="sc-website">{t.website}</label>
          <input id="sc-website" name="website" type="text" tabIndex={-1} autocomplete="off" />
        </div>
        {errors.form && (
          <p class="error" role="alert">
            {errors.form}
            {errors.form === t.cbUnavailable && (phone() ? <>: <Phone number={phone()} /></> : '.')}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="main" aria-disabled={sending}>
            {sending ? t.sending : t.submit}
          </button>
          <button type="button" class="ghost" onClick={back}>
            {t.back}
          </button>
        </div>
      </form>
    </div>
  );
}

/** After a No: one optional line on what was missing (in the form's chunk: a No leads to the form). */
export function MissingNote({ entry }: { entry: Entry }) {
  const { store, t, ctx } = useApp();
  useState(() => adoptOnce(ctx.root));
  const send = (e: Event) => {
    e.preventDefault();
    const note = (e.currentTarget as HTMLFormElement).elements.namedItem('missing') as HTMLInputElement;
    store.sendNo(entry, note.value.trim());
  };
  return (
    <form class="missing" onSubmit={send}>
      <label>
        {t.missing}
        <input name="missing" type="text" maxLength={FEEDBACK_NOTE_MAX_LENGTH} autocomplete="off" />
      </label>
      <button type="submit" class="ghost">
        {t.send}
      </button>
    </form>
  );
}

const LABELS = { name: 'name', phone: 'phone', preferredTime: 'time', message: 'message', consent: 'consent' } as const;

let adopted = false;
function adoptOnce(root: ShadowRoot): void {
  if (!adopted) adopt(root, css);
  adopted = true;
}
