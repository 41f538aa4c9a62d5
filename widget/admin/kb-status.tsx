import type { KbStatus } from '../../server/api/contract.ts';

/** The knowledge base as served: last reload, what blocks the folder on disk, what looks like a mistake. */
export function KbStatusPanel({ status }: { status: KbStatus }) {
  return (
    <section aria-labelledby="kb-h">
      <h2 id="kb-h">Knowledge base status</h2>
      {status.lastReload && (
        <p>
          Last reload {new Date(status.lastReload.at).toLocaleString()}: {status.lastReload.entries} answers
          {status.servingLastGood ? ', from the last good copy' : ''}.
        </p>
      )}
      {status.problems.length === 0 ? (
        <p class="ok">No problems: every file is live.</p>
      ) : (
        <div role="alert">
          <p>
            <strong>
              {status.problems.length} problem{status.problems.length === 1 ? '' : 's'} keep{status.problems.length === 1 ? 's' : ''} the files on disk from going live.
            </strong>{' '}
            The chat keeps answering from the last good version.
          </p>
          <ul>
            {status.problems.map((p) => (
              <li>
                <code>{p.file}</code>: {p.field ? `${p.field}: ` : ''}
                {p.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {status.warnings.length > 0 && (
        <ul class="hint">
          {status.warnings.map((p) => (
            <li>
              <code>{p.file}</code> {p.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
