import { useSignal } from '@preact/signals';
import type { CallbackRecord, CallbackStatus } from '../../server/api/contract.ts';
import type { SectionProps } from './dashboard.tsx';
import { Loaded } from './loaded.tsx';
import { useLoader } from './use-loader.ts';

const FILTERS: Array<CallbackStatus | 'all'> = ['new', 'contacted', 'closed', 'all'];

export function Inbox({ api, onUnauthorized }: SectionProps) {
  const filter = useSignal<CallbackStatus | 'all'>('new');
  const reloads = useSignal(0);
  const { data, error } = useLoader(() => api.callbacks(filter.value), onUnauthorized, `${filter.value}:${reloads.value}`);

  const mark = async (row: CallbackRecord, status: CallbackStatus) => {
    await api.setStatus(row.id, status);
    reloads.value++;
  };
  const exportCsv = async () => {
    const url = URL.createObjectURL(await api.csv());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'callbacks.csv';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section aria-labelledby="inbox-h">
      <div class="section-head">
        <h2 id="inbox-h">Callback requests</h2>
        <div role="group" aria-label="Filter by status" class="filters">
          {FILTERS.map((f) => (
            <button type="button" aria-pressed={filter.value === f} onClick={() => (filter.value = f)}>
              {f}
            </button>
          ))}
        </div>
        <button type="button" class="secondary" onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      <Loaded data={data} error={error} empty="No requests here.">
        {(rows) => (
          <table>
            <thead>
              <tr>
                <th>Reference</th>
                <th>Received</th>
                <th>Name</th>
                <th>Phone</th>
                <th>Best time</th>
                <th>Note</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td class="ref">{row.ref}</td>
                  <td>{new Date(row.createdAt).toLocaleString()}</td>
                  <td>{row.name}</td>
                  <td>
                    <a href={`tel:${row.phone}`}>{row.phone}</a>
                  </td>
                  <td>{row.preferredTime ?? '—'}</td>
                  <td class="note">{row.message ?? '—'}</td>
                  <td>
                    <select
                      aria-label={`Status of request from ${row.name}`}
                      value={row.status}
                      onChange={(e) => mark(row, e.currentTarget.value as CallbackStatus)}
                    >
                      <option value="new">new</option>
                      <option value="contacted">contacted</option>
                      <option value="closed">closed</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}
