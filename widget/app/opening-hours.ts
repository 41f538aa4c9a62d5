/**
 * Is the clinic open now, and when does it open next, in the clinic's own
 * time zone (not the visitor's)? `now` is injectable, so the day boundary,
 * weekends and time zones are tested without waiting.
 *
 * @example
 * clinicNow({ timeZone: 'America/Chicago', week }, new Date('2026-03-06T23:30:00Z'))
 * // Friday 17:30 in Chicago: { open: false, next: { inDays: 3, weekday: 1, minute: 480 } }
 */
import type { OpeningHours } from '../../server/api/contract.ts';

export interface NextOpening {
  /** 0 = later today, 1 = tomorrow, … (clinic calendar days). */
  inDays: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes after midnight, clinic time. */
  minute: number;
}

export interface ClinicNow {
  open: boolean;
  /** While open: minutes until the current period ends. */
  closesIn?: number;
  /** The next period to start after now; missing when the week has none. */
  next?: NextOpening;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function clinicNow({ timeZone, week }: OpeningHours, now: Date): ClinicNow {
  const parts: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(now)) {
    parts[p.type] = p.value;
  }
  const today = DAYS.indexOf(parts.weekday!);
  const minute = +parts.hour! * 60 + +parts.minute!;
  const state: ClinicNow = { open: false };
  // Eight days: from later today round to the same weekday next week.
  for (let inDays = 0; inDays < 8 && !state.next; inDays++) {
    const weekday = (today + inDays) % 7;
    for (const [from, to] of week[weekday] ?? []) {
      if (!inDays && from <= minute && minute < to) Object.assign(state, { open: true, closesIn: to - minute });
      else if (inDays || from > minute) {
        state.next = { inDays, weekday, minute: from };
        break;
      }
    }
  }
  return state;
}
