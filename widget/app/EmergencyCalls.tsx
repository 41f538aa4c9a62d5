/** The emergency numbers (911, 988 from the server) plus the clinic's after-hours line. */
import type { EmergencyResponse } from '../../server/api/contract.ts';
import { telHref } from '../common/tel.ts';
import { useApp } from './context.ts';

export function EmergencyCalls({ reply }: { reply: EmergencyResponse }) {
  const { store, t } = useApp();
  const afterHours = store.config.value?.clinic.afterHoursPhone;
  const actions = [...reply.actions];
  if (afterHours && !actions.some((a) => telHref(a.tel) === telHref(afterHours))) {
    actions.push({ label: `${t.afterHours}: ${afterHours}`, tel: afterHours });
  }
  return (
    <ul class="calls">
      {actions.map((a) => (
        <li>
          <a class="call" href={telHref(a.tel)}>
            {a.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
