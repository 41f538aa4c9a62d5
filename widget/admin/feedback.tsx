import type { SectionProps } from './dashboard.tsx';
import { useLoader } from './use-loader.ts';

export function Feedback({ api, onUnauthorized }: SectionProps) {
  const { data, error } = useLoader(api.feedback, onUnauthorized);
  return (
    <section aria-labelledby="feedback-h">
      <h2 id="feedback-h">Was this helpful?</h2>
      {error.value && <p role="alert">{error.value}</p>}
      {data.value && data.value.length === 0 && <p class="empty">No feedback yet.</p>}
      {data.value && data.value.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Entry</th>
              <th>Yes</th>
              <th>No</th>
            </tr>
          </thead>
          <tbody>
            {data.value.map((f) => (
              <tr key={f.entryId}>
                <td>{f.entryId}</td>
                <td>{f.helpful}</td>
                <td>{f.notHelpful}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
