const DAY_MS = 86_400_000;

/** Every UTC day from `from` to `until` (both YYYY-MM-DD), inclusive. */
export function daysBetween(from: string, until: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(until); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** The UTC day after `day` (YYYY-MM-DD). */
export const nextDay = (day: string): string => new Date(Date.parse(day) + DAY_MS).toISOString().slice(0, 10);
