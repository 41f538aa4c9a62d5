/** A line on the clinic's hours (after hours: when it opens; when to expect a call), once the after-hours chunk is here. */
import type { HoursNote } from './after-hours.ts';
import { useApp } from './context.ts';

export function HoursLine({ part }: { part: keyof HoursNote }) {
  const { store, ctx } = useApp();
  const hours = store.config.value?.clinic.openingHours;
  // Worked out when drawn, so a conversation left open over closing time says the right thing.
  const text = hours && store.afterHours.value?.hoursNote(ctx.options.lang, hours)[part];
  return text ? <p>{text}</p> : null;
}
