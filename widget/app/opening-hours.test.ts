import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../server/api/contract.ts';
import { clinicNow } from './opening-hours.ts';

const weekdays = (zone: string, ...periods: Array<[number, number]>): OpeningHours => ({
  timeZone: zone,
  week: [[], periods, periods, periods, periods, periods, []],
});
const NINE_TO_FIVE: [number, number] = [9 * 60, 17 * 60];
const chicago = weekdays('America/Chicago', [8 * 60, 17 * 60]);

describe('clinicNow', () => {
  it('is open inside a period, saying how long is left', () => {
    // Wednesday 2026-03-04 10:15 in Chicago (UTC-6).
    expect(clinicNow(chicago, new Date('2026-03-04T16:15:00Z'))).toEqual({ open: true, closesIn: 405, next: { inDays: 1, weekday: 4, minute: 480 } });
  });

  it('counts the start as open and the end as closed', () => {
    expect(clinicNow(chicago, new Date('2026-03-04T14:00:00Z')).open).toBe(true); // 08:00
    expect(clinicNow(chicago, new Date('2026-03-04T13:59:00Z'))).toEqual({ open: false, next: { inDays: 0, weekday: 3, minute: 480 } }); // 07:59
    expect(clinicNow(chicago, new Date('2026-03-04T23:00:00Z'))).toEqual({ open: false, next: { inDays: 1, weekday: 4, minute: 480 } }); // 17:00
  });

  it('crosses the day boundary in the clinic time zone, not in UTC or the visitor’s', () => {
    // 03:30 UTC Thursday is still Wednesday 21:30 in Chicago: next is "tomorrow" (Thursday).
    expect(clinicNow(chicago, new Date('2026-03-05T03:30:00Z')).next).toEqual({ inDays: 1, weekday: 4, minute: 480 });
    // 06:30 UTC Thursday is 00:30 Thursday in Chicago: the opening is later today.
    expect(clinicNow(chicago, new Date('2026-03-05T06:30:00Z')).next).toEqual({ inDays: 0, weekday: 4, minute: 480 });
    // Midnight reads as 00, not 24.
    expect(clinicNow(chicago, new Date('2026-03-05T06:00:00Z')).next).toEqual({ inDays: 0, weekday: 4, minute: 480 });
  });

  it('skips the weekend: Friday evening and Saturday point to Monday', () => {
    expect(clinicNow(chicago, new Date('2026-03-06T23:30:00Z')).next).toEqual({ inDays: 3, weekday: 1, minute: 480 }); // Fri 17:30
    expect(clinicNow(chicago, new Date('2026-03-07T18:00:00Z')).next).toEqual({ inDays: 2, weekday: 1, minute: 480 }); // Sat 12:00
    expect(clinicNow(chicago, new Date('2026-03-08T18:00:00Z')).next).toEqual({ inDays: 1, weekday: 1, minute: 480 }); // Sun 12:00
  });

  it('works in zones ahead of UTC and across a daylight-saving change', () => {
    const tokyo = weekdays('Asia/Tokyo', NINE_TO_FIVE);
    // Monday 2026-03-02 00:30 UTC is 09:30 Monday in Tokyo.
    expect(clinicNow(tokyo, new Date('2026-03-02T00:30:00Z')).open).toBe(true);
    // Sunday 23:30 UTC is Monday 08:30 in Tokyo: opens later today.
    expect(clinicNow(tokyo, new Date('2026-03-01T23:30:00Z')).next).toEqual({ inDays: 0, weekday: 1, minute: 540 });
    const kolkata = weekdays('Asia/Kolkata', NINE_TO_FIVE);
    expect(clinicNow(kolkata, new Date('2026-03-02T03:29:00Z')).open).toBe(false); // 08:59 IST (UTC+5:30)
    expect(clinicNow(kolkata, new Date('2026-03-02T03:30:00Z')).open).toBe(true); // 09:00 IST
    // Chicago moves to UTC-5 on 2026-03-08: Monday 08:00 is then 13:00 UTC.
    expect(clinicNow(chicago, new Date('2026-03-09T13:00:00Z')).open).toBe(true);
    expect(clinicNow(chicago, new Date('2026-03-09T12:59:00Z')).open).toBe(false);
  });

  it('handles split days and a week with no hours', () => {
    const lunch = weekdays('Europe/Madrid', [9 * 60, 13 * 60], [15 * 60, 19 * 60]);
    // Tuesday 2026-03-03 14:00 in Madrid (UTC+1): lunch break, back at 15:00 today.
    expect(clinicNow(lunch, new Date('2026-03-03T13:00:00Z'))).toEqual({ open: false, next: { inDays: 0, weekday: 2, minute: 900 } });
    expect(clinicNow({ timeZone: 'UTC', week: [[], [], [], [], [], [], []] }, new Date())).toEqual({ open: false });
    // Open only on Wednesdays: from a Wednesday evening the next is a week on.
    const wednesdays: OpeningHours = { timeZone: 'UTC', week: [[], [], [], [NINE_TO_FIVE], [], [], []] };
    expect(clinicNow(wednesdays, new Date('2026-03-04T18:00:00Z')).next).toEqual({ inDays: 7, weekday: 3, minute: 540 });
  });
});
