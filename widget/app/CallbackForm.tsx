/**
 * The call-back request. Typed data stays in this component only (never in
 * URLs or storage) and survives a failed submit; one Idempotency-Key per
 * attempt is reused on every retry, so a retried request is stored once.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallbackRequest } from '../../server/api/contract.ts';
import { FIELD_LIMITS, SHARED_QUESTIONS } from '../../server/api/limits.ts';
import { adopt } from '../shared/adopt.ts';
import { useApp } from './context.ts';
import css from './form.css';
import { useFocusOnMount } from './focus.ts';
import { newIdempotencyKey } from './idempotency.ts';

type Field = 'name' | 'phone' | 'preferredTime' | 'message' | 'consent';
type Errors = Partial<Record<Field | 'form', string>>;

export function CallbackForm() {
  const { api, store, t, ctx } = useApp();
  const [key] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  const [doneId, setDoneId] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const heading = useFocusOnMount<HTMLHeadingElement>();
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
      setDoneId(res.data.id);
      ctx.emit('callback', { id: res.data.id });
    } else if (res.status === 400 && res.error?.fields) {
      const fields = res.error.fields;
      const known = Object.keys(fields).some((k) => k in LABELS);
      setErrors({ ...(fields as Errors), ...(known ? {} : { form: t.cbFailed }) });
    } else {
      setErrors({ form: res.status === 429 ? t.cbBusy : t.cbFailed });
    }
  };

  if (doneId) {
    return (
      <div class="view">
        <div class="scroll done" role="status">
          <h3 tabIndex={-1} ref={heading}>
            {t.cbDone}
          </h3>
          <p>
            {t.reference}: {doneId}
          </p>
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

const LABELS = { name: 'name', phone: 'phone', preferredTime: 'time', message: 'message', consent: 'consent' } as const;

let adopted = false;
function adoptOnce(root: ShadowRoot): void {
  if (!adopted) adopt(root, css);
  adopted = true;
}
