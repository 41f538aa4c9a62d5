import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { CallbackRecord, CallbackStatus } from '../../server/api/contract.ts';
import { adminApi, UnauthorizedError } from './api.ts';
import type { SectionProps } from './dashboard.tsx';
import { download } from './download.ts';

const FILTERS: Array<CallbackStatus | 'all'> = ['new', 'contacted', 'closed', 'all'];
/** Light polling with ETags: an unchanged inbox costs a 304 with no body. */
const POLL_MS = 3000;
const LANGUAGES: Record<string, string> = { en: 'English', es: 'Spanish' };

/** The short reference the visitor's confirmation shows: the server's `ref`, else the id's first 6 characters. */
export const reference = (row: CallbackRecord) => row.ref ?? row.id.slice(0, 6);

const when = (iso: string) => new Date(iso).toLocaleString();

export function Inbox({ hidden, onUnauthorized }: SectionProps & { hidden: boolean }) {
  const filter = useSignal<CallbackStatus | 'all'>('new');
  const rows = useSignal<CallbackRecord[] | null>(null);
  const waiting = useSignal(0);
  const error = useSignal<string | null>(null);
  // A failed status change stays on screen until the next change: the background refresh must not overwrite it.
  const failed = useSignal<string | null>(null);
  const refresh = useSignal(0);

  useEffect(() => {
    let etag: string | null = null;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (background: boolean) => {
      try {
        const res = await adminApi.callbacks(filter.value, etag, background);
        if (stopped) return;
        etag = res.etag;
        if (res.rows) rows.value = res.rows;
        error.value = null;
        // The count is of new requests, whatever the filter shows.
        const fresh = filter.value === 'new' ? (rows.value ?? []) : ((await adminApi.callbacks('new', null, true)).rows ?? []);
        waiting.value = fresh.length;
        document.title = `${waiting.value ? `(${waiting.value}) ` : ''}Staff inbox | Clinic chat`;
      } catch (err) {
        if (err instanceof UnauthorizedError) return onUnauthorized(err);
        error.value = 'The inbox could not be refreshed; retrying.';
      }
      if (!stopped) timer = setTimeout(() => void poll(true), POLL_MS);
    };
    void poll(false);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [filter.value, refresh.value]);

  const mark = async (select: HTMLSelectElement, row: CallbackRecord, status: CallbackStatus) => {
    failed.value = null;
    try {
      await adminApi.setStatus(row.id, status);
    } catch (err) {
      if (err instanceof UnauthorizedError) return onUnauthorized(err);
      // Not saved: the control goes back to what is stored, so it never shows a status the server does not have.
      select.value = row.status;
      failed.value = `The status of the request from ${row.name} was not changed (${(err as Error).message}). It is still "${row.status}".`;
    }
    refresh.value++;
  };

  return (
    <section aria-labelledby="inbox-h" hidden={hidden}>
      <div class="section-head">
        <h2 id="inbox-h">Callback requests</h2>
        <p class="count" aria-live="polite">
          {waiting.value} new
        </p>
        <div role="group" aria-label="Filter by status" class="filters">
          {FILTERS.map((f) => (
            <button type="button" aria-pressed={filter.value === f} onClick={() => (filter.value = f)}>
              {f}
            </button>
          ))}
        </div>
        <button type="button" class="secondary" onClick={async () => download(await adminApi.csv('/api/admin/callbacks.csv'), 'callbacks.csv')}>
          Export CSV
        </button>
      </div>
      {failed.value && <p role="alert">{failed.value}</p>}
      {error.value && <p role="status">{error.value}</p>}
      {rows.value?.length === 0 && <p class="empty">No requests here.</p>}
      <ul class="requests">
        {rows.value?.map((row) => (
          <li key={row.id} class="request">
            <article aria-labelledby={`r-${row.id}`}>
              <h3 id={`r-${row.id}`}>
                {row.name} <span class="ref">ref {reference(row)}</span>
              </h3>
              <dl>
                <dt>Phone</dt>
                <dd>
                  <a href={`tel:${row.phone}`}>{row.phone}</a>
                </dd>
                <dt>Best time</dt>
                <dd>{row.preferredTime ?? '—'}</dd>
                <dt>Language</dt>
                <dd>{row.lang ? LANGUAGES[row.lang] : 'not given'}</dd>
                <dt>Received</dt>
                <dd>{when(row.createdAt)}</dd>
                {row.message && (
                  <>
                    <dt>Note</dt>
                    <dd class="note">{row.message}</dd>
                  </>
                )}
              </dl>
              {row.questions && (
                <details>
                  <summary>Questions asked in the chat ({row.questions.length})</summary>
                  <ol>
                    {row.questions.map((q) => (
                      <li>{q}</li>
                    ))}
                  </ol>
                </details>
              )}
              <label for={`s-${row.id}`}>Status</label>{' '}
              <select id={`s-${row.id}`} value={row.status} onChange={(e) => mark(e.currentTarget, row, e.currentTarget.value as CallbackStatus)}>
                <option value="new">new</option>
                <option value="contacted">contacted</option>
                <option value="closed">closed</option>
              </select>
              {row.history.length > 0 && (
                <ul class="history" aria-label="Status history">
                  {row.history.map((h) => (
                    <li>
                      Marked {h.status} by {h.by}, {when(h.at)}
                    </li>
                  ))}
                </ul>
              )}
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
