import type { SectionProps } from './dashboard.tsx';
import { useLoader } from './use-loader.ts';

export function Unanswered({ api, onUnauthorized }: SectionProps) {
  const { data, error } = useLoader(api.unanswered, onUnauthorized);
  return (
    <section aria-labelledby="unanswered-h">
      <h2 id="unanswered-h">Top unanswered questions</h2>
      <p class="hint">Questions the knowledge base could not answer; add an entry or an alternate phrasing.</p>
      {error.value && <p role="alert">{error.value}</p>}
      {data.value && data.value.length === 0 && <p class="empty">None yet.</p>}
      {data.value && data.value.length > 0 && (
        <ol>
          {data.value.slice(0, 20).map((q) => (
            <li key={q.key}>
              <span class="count">{q.count}×</span> {q.example}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
