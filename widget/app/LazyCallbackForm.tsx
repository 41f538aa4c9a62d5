/**
 * The call-back form is its own chunk: most visitors never need it, so it
 * stays out of what is downloaded to open the chat and get an answer. It is
 * fetched when a button offering it (or "No" to "Was this helpful?") is
 * hovered or focused, or when shown. The "what was missing?" line after a
 * No lives in the same chunk.
 */
import { signal } from '@preact/signals-core';
import type * as FormModule from './CallbackForm.tsx';
import { useApp } from './context.ts';
import { Phone } from './Phone.tsx';
import type { Entry } from './store.ts';
import { useWatch } from './use-watch.ts';

const loaded = signal<typeof FormModule | undefined>(undefined);
const failed = signal(false);
let loading: Promise<unknown> | undefined;

export function preloadCallbackForm(): void {
  loading ||= import('./CallbackForm.tsx').then(
    (m) => (loaded.value = m),
    () => {
      loading = undefined;
      failed.value = true;
    },
  );
}

export function LazyCallbackForm() {
  const { t, phone } = useApp();
  useWatch(loaded, failed);
  preloadCallbackForm();
  const Loaded = loaded.value?.CallbackForm;
  if (Loaded) return <Loaded />;
  return (
    <div class="view">
      <p class="scroll" role="status">
        {failed.value ? t.failed : t.sending} {failed.value && phone() && <Phone number={phone()} />}
      </p>
    </div>
  );
}

export function LazyMissingNote({ entry }: { entry: Entry }) {
  useWatch(loaded);
  preloadCallbackForm();
  const Loaded = loaded.value?.MissingNote;
  return Loaded ? <Loaded entry={entry} /> : null;
}
