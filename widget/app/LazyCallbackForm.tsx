/**
 * The call-back form is its own chunk: most visitors never need it, so it
 * stays out of what is downloaded to open the chat and get an answer. It is
 * fetched when a button offering it is hovered or focused, or when shown.
 */
import { signal } from '@preact/signals-core';
import type { ComponentType } from 'preact';
import { useApp } from './context.ts';
import { Phone } from './Phone.tsx';
import { useWatch } from './use-watch.ts';

const Form = signal<ComponentType | undefined>(undefined);
const failed = signal(false);
let loading: Promise<unknown> | undefined;

export function preloadCallbackForm(): void {
  loading ||= import('./CallbackForm.tsx').then(
    (m) => (Form.value = m.CallbackForm),
    () => {
      loading = undefined;
      failed.value = true;
    },
  );
}

export function LazyCallbackForm() {
  const { t, phone } = useApp();
  useWatch(Form, failed);
  preloadCallbackForm();
  const Loaded = Form.value;
  if (Loaded) return <Loaded />;
  return (
    <div class="view">
      <p class="scroll" role="status">
        {failed.value ? t.failed : t.sending} {failed.value && phone() && <Phone number={phone()} />}
      </p>
    </div>
  );
}
