/**
 * What the chat says about the clinic's hours: after hours, the greeting says
 * when it opens again, and the fallback and the call-back confirmation say
 * when to expect a call. A chunk of its own (both languages are a few
 * words), fetched only when the clinic gives structured hours.
 *
 * @example
 * hoursNote('en', config.clinic.openingHours, new Date())
 * // { greeting: "We're closed now and open again tomorrow morning.", call: "We're closed now; expect a call tomorrow morning." }
 */
import type { Lang, OpeningHours } from '../../server/api/contract.ts';
import { clinicNow, type NextOpening } from './opening-hours.ts';

const WORDS = {
  en: {
    closedGreeting: "We're closed now and open again {when}.",
    callToday: "We're open now; expect a call today.",
    closedCall: "We're closed now; expect a call {when}.",
    closingCall: "We close soon; expect a call {when}.",
    laterToday: 'later today',
    tomorrow: 'tomorrow',
    onDay: 'on {day}',
    morning: 'morning',
    afternoon: 'afternoon',
  },
  es: {
    closedGreeting: 'Ahora estamos cerrados; abrimos de nuevo {when}.',
    callToday: 'Ahora estamos abiertos; espere una llamada hoy.',
    closedCall: 'Ahora estamos cerrados; espere una llamada {when}.',
    closingCall: 'Cerramos pronto; espere una llamada {when}.',
    laterToday: 'hoy más tarde',
    tomorrow: 'mañana',
    onDay: 'el {day}',
    morning: 'por la mañana',
    afternoon: 'por la tarde',
  },
};

/** Less time than this before closing, and the call is more likely to come at the next opening. */
const CALL_TIME_MINUTES = 60;

export interface HoursNote {
  /** Only after hours. */
  greeting?: string;
  /** When to expect a call; missing when the week has no hours at all. */
  call?: string;
}

export function hoursNote(lang: Lang, hours: OpeningHours, now = new Date()): HoursNote {
  const w = WORDS[lang];
  const state = clinicNow(hours, now);
  const when = state.next && whenPhrase(lang, state.next);
  if (state.open && state.closesIn! >= CALL_TIME_MINUTES) return { call: w.callToday };
  if (!when) return {};
  const fill = (s: string) => s.replace('{when}', when);
  return state.open ? { call: fill(w.closingCall) } : { greeting: fill(w.closedGreeting), call: fill(w.closedCall) };
}

/** "later today", "tomorrow morning", "on Monday afternoon" (es: "mañana por la mañana", "el lunes por la tarde"). */
function whenPhrase(lang: Lang, next: NextOpening): string {
  const w = WORDS[lang];
  if (next.inDays === 0) return w.laterToday;
  // 2023-01-01 was a Sunday, so day 1 + weekday names that weekday in the visitor's language.
  const day = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + next.weekday));
  return `${next.inDays === 1 ? w.tomorrow : w.onDay.replace('{day}', day)} ${next.minute < 720 ? w.morning : w.afternoon}`;
}

