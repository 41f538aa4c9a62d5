import { useSignal } from '@preact/signals';
import type { ExplainResponse } from '../../server/api/contract.ts';
import { adminApi, UnauthorizedError } from './api.ts';
import type { SectionProps } from './dashboard.tsx';
import { ExplainPanel } from './explain-panel.tsx';

/** Type a visitor's question and see what the chat would decide, and why. */
export function TryQuestion({ onUnauthorized }: SectionProps) {
  const result = useSignal<ExplainResponse | null>(null);
  const error = useSignal<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const question = ((e.currentTarget as HTMLFormElement).elements.namedItem('try') as HTMLInputElement).value;
    try {
      result.value = await adminApi.explain(question);
      error.value = null;
    } catch (err) {
      if (err instanceof UnauthorizedError) return onUnauthorized(err);
      error.value = (err as Error).message;
    }
  };
  return (
    <section aria-labelledby="try-h">
      <h2 id="try-h">Try a question</h2>
      <form class="inline" onSubmit={submit}>
        <label for="try">Visitor question</label>
        <input id="try" name="try" type="text" maxLength={500} required />
        <button type="submit">Try</button>
      </form>
      {error.value && <p role="alert">{error.value}</p>}
      <div aria-live="polite">{result.value && <ExplainPanel explained={result.value} />}</div>
    </section>
  );
}
