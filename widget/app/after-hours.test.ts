import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../server/api/contract.ts';
import { hoursNote } from './after-hours.ts';

const day: Array<[number, number]> = [[480, 1020]];
const chicago: OpeningHours = { timeZone: 'America/Chicago', week: [[], day, day, day, day, day, []] };
const at = (iso: string) => new Date(iso);

describe('hoursNote', () => {
  it('while open: no greeting note, a call today', () => {
    expect(hoursNote('en', chicago, at('2026-03-04T16:15:00Z'))).toEqual({ call: "We're open now; expect a call today." });
    expect(hoursNote('es', chicago, at('2026-03-04T16:15:00Z'))).toEqual({ call: 'Ahora estamos abiertos; espere una llamada hoy.' });
  });

  it('in the last hour: the call comes at the next opening', () => {
    // Wednesday 16:30 in Chicago.
    expect(hoursNote('en', chicago, at('2026-03-04T22:30:00Z'))).toEqual({ call: 'We close soon; expect a call tomorrow morning.' });
  });

  it('closed in the evening, overnight and at the weekend', () => {
    expect(hoursNote('en', chicago, at('2026-03-05T01:00:00Z'))).toEqual({
      greeting: "We're closed now and open again tomorrow morning.",
      call: "We're closed now; expect a call tomorrow morning.",
    });
    expect(hoursNote('en', chicago, at('2026-03-05T08:00:00Z')).call).toBe("We're closed now; expect a call later today.");
    expect(hoursNote('en', chicago, at('2026-03-06T23:30:00Z')).call).toBe("We're closed now; expect a call on Monday morning.");
    expect(hoursNote('es', chicago, at('2026-03-06T23:30:00Z'))).toEqual({
      greeting: 'Ahora estamos cerrados; abrimos de nuevo el lunes por la mañana.',
      call: 'Ahora estamos cerrados; espere una llamada el lunes por la mañana.',
    });
  });

  it('says afternoon for an afternoon opening, and nothing for a week without hours', () => {
    const afternoons: OpeningHours = { timeZone: 'Europe/Madrid', week: [[], [[900, 1140]], [], [], [], [], []] };
    // Sunday 2026-03-01 10:00 in Madrid.
    expect(hoursNote('es', afternoons, at('2026-03-01T09:00:00Z')).call).toBe('Ahora estamos cerrados; espere una llamada mañana por la tarde.');
    expect(hoursNote('en', { timeZone: 'UTC', week: [[], [], [], [], [], [], []] }, new Date())).toEqual({});
  });
});
