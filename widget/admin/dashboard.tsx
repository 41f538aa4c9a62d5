import type { AdminApi } from './api.ts';
import { Activity } from './activity.tsx';
import { Feedback } from './feedback.tsx';
import { Inbox } from './inbox.tsx';
import { Unanswered } from './unanswered.tsx';

export interface SectionProps {
  api: AdminApi;
  onUnauthorized: () => void;
}

export function Dashboard(props: SectionProps) {
  return (
    <main class="dashboard">
      <header>
        <h1>Clinic chat: staff</h1>
        <button type="button" class="secondary" onClick={props.onUnauthorized}>
          Sign out
        </button>
      </header>
      <Inbox {...props} />
      <div class="columns">
        <Unanswered {...props} />
        <Feedback {...props} />
      </div>
      <Activity {...props} />
    </main>
  );
}
