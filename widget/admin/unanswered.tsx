import type { SectionProps } from './dashboard.tsx';
import { Loaded } from './loaded.tsx';
import { useLoader } from './use-loader.ts';

export function Unanswered({ api, onUnauthorized }: SectionProps) {
  const { data, error } = useLoader(api.unanswered, onUnauthorized);
  return (
    <section aria-labelledby="unanswered-h">
      <h2 id="unanswered-h">Top unanswered questions</h2>
      <p class="hint">Questions the knowledge base could not answer; add an entry or an alternate phrasing.</p>
      <Loaded data={data} error={error} empty="None yet.">
        {(rows) => (
          <ol>
            {rows.slice(0, 20).map((q) => (
              <li key={q.key}>
                <span class="count">{q.count}×</span> {q.example}
              </li>
            ))}
          </ol>
        )}
      </Loaded>
    </section>
  );
}
