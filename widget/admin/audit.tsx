import { adminApi, UnauthorizedError } from './api.ts';
import type { SectionProps } from './dashboard.tsx';
import { download } from './download.ts';
import { Loaded, SimpleTable } from './loaded.tsx';
import { useLoader } from './use-loader.ts';
import { useSignal } from '@preact/signals';

/** Admins: who saw, exported or changed which request or answer, and the staff accounts. */
export function AuditTrail({ onUnauthorized }: SectionProps) {
  const reloads = useSignal(0);
  const audit = useLoader(adminApi.audit, onUnauthorized, reloads.value);
  const accounts = useLoader(adminApi.accounts, onUnauthorized, reloads.value);
  const remove = async (email: string) => {
    if (!confirm(`Remove ${email}? Every session of this account ends at once.`)) return;
    await adminApi.removeAccount(email).catch((err) => err instanceof UnauthorizedError && onUnauthorized(err));
    reloads.value++;
  };
  return (
    <>
      <section aria-labelledby="audit-h">
        <div class="section-head">
          <h2 id="audit-h">Audit trail</h2>
          <button type="button" class="secondary" onClick={async () => download(await adminApi.csv('/api/admin/audit.csv'), 'audit.csv')}>
            Export CSV
          </button>
        </div>
        <p class="hint">Every view, export and change of a callback request, every change to an answer, and every sign-in. Entries cannot be changed or deleted.</p>
        <Loaded data={audit.data} error={audit.error} empty="Nothing recorded yet.">
          {(rows) => (
            <SimpleTable
              caption="Audit entries, newest first"
              head={['When', 'Who', 'What', 'Which', 'Detail', 'From']}
              rows={rows.map((r) => [new Date(r.at).toLocaleString(), r.who, r.action, r.target ?? '', r.detail ?? '', r.address])}
            />
          )}
        </Loaded>
      </section>
      <section aria-labelledby="accounts-h">
        <h2 id="accounts-h">Staff accounts</h2>
        <p class="hint">
          Add or reset an account on the server: <code>npm run staff -- add EMAIL --role frontdesk|editor|admin</code>
        </p>
        <Loaded data={accounts.data} error={accounts.error} empty="No accounts yet.">
          {(rows) => (
            <SimpleTable
              caption="Staff accounts"
              head={['Email', 'Role', 'Authenticator', 'Actions']}
              rows={rows.map((a) => [
                a.email,
                a.role,
                a.totp ? 'yes' : 'no',
                <button type="button" class="secondary" onClick={() => remove(a.email)} aria-label={`Remove ${a.email}`}>
                  Remove
                </button>,
              ])}
            />
          )}
        </Loaded>
      </section>
    </>
  );
}
