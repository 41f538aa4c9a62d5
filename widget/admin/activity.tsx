import type { DailyStat } from '../../server/api/contract.ts';
import { adminApi } from './api.ts';
import type { SectionProps } from './dashboard.tsx';
import { Loaded, SimpleTable } from './loaded.tsx';
import { useLoader } from './use-loader.ts';

const WIDTH = 720;
const HEIGHT = 160;
/** Room under the bars for the first and last day's date. */
const AXIS = 18;

/** Questions and callbacks per day as paired bars; the table below carries the same numbers for screen readers. */
function DailyChart({ days }: { days: DailyStat[] }) {
  const max = Math.max(1, ...days.map((d) => Math.max(d.questions, d.callbacks)));
  const slot = WIDTH / Math.max(days.length, 1);
  const bar = Math.max(2, slot / 2 - 2);
  const h = (n: number) => (n / max) * (HEIGHT - 20);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-label="Questions and callback requests per day">
      {days.map((d, i) => (
        <g key={d.day}>
          <rect class="q" x={i * slot} y={HEIGHT - h(d.questions)} width={bar} height={h(d.questions)}>
            <title>{`${d.day}: ${d.questions} questions`}</title>
          </rect>
          <rect class="c" x={i * slot + bar + 1} y={HEIGHT - h(d.callbacks)} width={bar} height={h(d.callbacks)}>
            <title>{`${d.day}: ${d.callbacks} callbacks`}</title>
          </rect>
        </g>
      ))}
      <text x={0} y={HEIGHT + AXIS - 4}>{days[0]?.day}</text>
      <text x={WIDTH} y={HEIGHT + AXIS - 4} text-anchor="end">
        {days[days.length - 1]?.day}
      </text>
    </svg>
  );
}

export function Activity({ onUnauthorized }: SectionProps) {
  const { data, error } = useLoader(adminApi.stats, onUnauthorized);
  return (
    <section aria-labelledby="activity-h">
      <h2 id="activity-h">Activity per day</h2>
      <p class="legend">
        <span class="swatch q" /> questions <span class="swatch c" /> callback requests
      </p>
      <Loaded data={data} error={error} empty="No activity yet.">
        {(days) => (
          <>
            <DailyChart days={days} />
            <details>
              <summary>Numbers</summary>
              <SimpleTable head={['Day', 'Questions', 'Callbacks']} rows={days.map((d) => [d.day, d.questions, d.callbacks])} />
            </details>
          </>
        )}
      </Loaded>
    </section>
  );
}
