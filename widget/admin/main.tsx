/**
 * Staff page at /admin: callback inbox, unanswered questions, answer feedback
 * and daily activity. Same Preact build as the widget; no third-party code.
 */
import { render } from 'preact';
import { signal } from '@preact/signals';
import { createAdminApi, type AdminApi } from './api.ts';
import { Dashboard } from './dashboard.tsx';
import { Login } from './login.tsx';
import { adminStyles } from './styles.ts';

const api = signal<AdminApi | null>(null);

function AdminPage() {
  return api.value ? (
    <Dashboard api={api.value} onUnauthorized={() => (api.value = null)} />
  ) : (
    <Login onToken={(token) => (api.value = createAdminApi(token))} />
  );
}

// A constructed stylesheet keeps the page working under a CSP without 'unsafe-inline'.
const sheet = new CSSStyleSheet();
sheet.replaceSync(adminStyles);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const root = document.getElementById('admin') ?? document.body;
render(<AdminPage />, root);
