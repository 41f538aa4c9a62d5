import { useSignal } from '@preact/signals';
import type { StaffMe, StaffRole } from '../../server/api/contract.ts';
import { Activity } from './activity.tsx';
import { adminApi, type UnauthorizedError } from './api.ts';
import { Answers } from './answers.tsx';
import { AuditTrail } from './audit.tsx';
import { Inbox } from './inbox.tsx';

export interface SectionProps {
  onUnauthorized: (error?: UnauthorizedError) => void;
}

type Tab = 'inbox' | 'answers' | 'audit' | 'activity';

const TABS: Array<{ id: Tab; label: string; roles: StaffRole[] }> = [
  { id: 'inbox', label: 'Callback requests', roles: ['frontdesk', 'admin'] },
  { id: 'answers', label: 'Answers', roles: ['editor', 'admin'] },
  { id: 'audit', label: 'Audit trail', roles: ['admin'] },
  { id: 'activity', label: 'Activity', roles: ['frontdesk', 'editor', 'admin'] },
];

const ROLE_NAMES: Record<StaffRole, string> = { frontdesk: 'front desk', editor: 'editor', admin: 'admin' };

export function Dashboard({ me, onUnauthorized }: { me: StaffMe } & SectionProps) {
  const tabs = TABS.filter((t) => t.roles.includes(me.role));
  const tab = useSignal<Tab>(tabs[0]!.id);
  const signOut = async () => {
    await adminApi.logout().catch(() => undefined);
    onUnauthorized();
  };
  return (
    <>
      <header class="top">
        <h1>Clinic chat: staff</h1>
        <nav aria-label="Sections">
          {tabs.map((t) => (
            <button type="button" class="tab" aria-current={tab.value === t.id ? 'page' : undefined} onClick={() => (tab.value = t.id)}>
              {t.label}
            </button>
          ))}
        </nav>
        <p class="who">
          {me.who} ({ROLE_NAMES[me.role]})
        </p>
        <button type="button" class="secondary" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main class="dashboard">
        {/* The inbox stays mounted (hidden) on other tabs, so the title count keeps updating. */}
        {tabs.some((t) => t.id === 'inbox') && <Inbox hidden={tab.value !== 'inbox'} onUnauthorized={onUnauthorized} />}
        {tab.value === 'answers' && <Answers onUnauthorized={onUnauthorized} />}
        {tab.value === 'audit' && <AuditTrail onUnauthorized={onUnauthorized} />}
        {tab.value === 'activity' && <Activity onUnauthorized={onUnauthorized} />}
      </main>
    </>
  );
}
