import type { SectionProps } from './dashboard.tsx';
import { Loaded, SimpleTable } from './loaded.tsx';
import { useLoader } from './use-loader.ts';

export function Feedback({ api, onUnauthorized }: SectionProps) {
  const { data, error } = useLoader(api.feedback, onUnauthorized);
  return (
    <section aria-labelledby="feedback-h">
      <h2 id="feedback-h">Was this helpful?</h2>
      <Loaded data={data} error={error} empty="No feedback yet.">
        {(rows) => <SimpleTable head={['Entry', 'Yes', 'No']} rows={rows.map((f) => [f.entryId, f.helpful, f.notHelpful])} />}
      </Loaded>
    </section>
  );
}
