/**
 * Staff page at /admin: sign-in, then what the role may see: the live
 * callback inbox (front desk), answers, unanswered questions and "try a
 * question" (editors), the audit trail and accounts (admins), daily activity.
 * Same Preact build as the widget; no third-party code.
 */
import { render } from 'preact';
import { signal } from '@preact/signals';
import type { StaffMe } from '../../server/api/contract.ts';
import { adminApi, UnauthorizedError } from './api.ts';
import { Dashboard } from './dashboard.tsx';
import { SignIn } from './sign-in.tsx';
import { adminStyles } from './styles.ts';

const me = signal<StaffMe | null | undefined>(undefined);
const notice = signal<string | null>(null);

const signedOut = (error?: UnauthorizedError) => {
  notice.value = error?.reason === 'idle' ? 'You were signed out after 15 minutes without activity.' : error ? error.message : null;
  me.value = null;
  document.title = 'Staff | Clinic chat';
};

function AdminPage() {
  if (me.value === undefined) return null;
  return me.value ? (
    <Dashboard me={me.value} onUnauthorized={signedOut} />
  ) : (
    <SignIn notice={notice.value} onSignedIn={(who) => ((notice.value = null), (me.value = who))} />
  );
}

// A constructed stylesheet keeps the page working under a CSP without 'unsafe-inline'.
const sheet = new CSSStyleSheet();
sheet.replaceSync(adminStyles);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

// The session cookie survives a reload; ask the server whether it is still good.
adminApi.me().then(
  (who) => (me.value = who),
  () => (me.value = null),
);

const root = document.getElementById('admin') ?? document.body;
render(<AdminPage />, root);
