/** Urgent symptoms: the panel shows only emergency guidance and numbers to call (unsure: with the clinic's own number, "get checked now"). */
import type { EmergencyResponse } from '../../server/api/contract.ts';
import { useApp } from './context.ts';
import { EmergencyCalls } from './EmergencyCalls.tsx';
import { useFocusOnMount } from './focus.ts';

export function Emergency({ reply }: { reply: EmergencyResponse }) {
  const { store, t } = useApp();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section class="view emergency" aria-labelledby="sc-em">
      <div class="scroll">
        <h3 id="sc-em" tabIndex={-1} ref={heading}>
          {reply.care === 'unsure' ? t.unsureTitle : t.emergencyTitle}
        </h3>
        <p>{reply.message}</p>
        <EmergencyCalls reply={reply} />
        <button type="button" class="ghost" onClick={() => (store.view.value = 'chat')}>
          {t.back}
        </button>
      </div>
    </section>
  );
}
