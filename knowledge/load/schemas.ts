import { z } from 'zod';
import type { OpeningHours } from '../../server/api/contract.ts';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, dashes)');
const text = z.string().trim().min(1, 'must not be empty');
// YAML reads an unquoted 911 as a number; a tag like that is still fine.
const tag = z.union([z.number().transform(String), text]);

/** Front matter of `entries/<id>.md`. */
export const entrySchema = z.object({
  id: kebab,
  title: text,
  questions: z.array(text, 'must be a list of alternate phrasings').min(1, 'needs at least one alternate phrasing'),
  tags: z.array(tag).default([]),
  related: z.array(kebab).default([]),
  sources: z
    .array(
      z.object({
        title: text,
        url: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
      }),
      'is missing: every entry needs at least one source (title + url)',
    )
    .min(1, 'is missing: every entry needs at least one source (title + url)'),
  reviewed: z
    .union([z.string(), z.date()])
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date')),
});
export type EntryFrontMatter = z.infer<typeof entrySchema>;

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const PERIOD = /^([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-4]):([0-5]\d)$/;
const minutes = (h: string, m: string) => Number(h) * 60 + Number(m);

/** One day's periods, "08:00-17:00" or "08:00-12:00, 13:00-17:00"; `closed` (or leaving the day out) for none. */
const dayHours = z
  .string()
  .trim()
  .transform((text, ctx): Array<[number, number]> => {
    if (text === 'closed') return [];
    const periods: Array<[number, number]> = [];
    for (const part of text.split(',')) {
      const m = PERIOD.exec(part.trim());
      const period: [number, number] | undefined = m ? [minutes(m[1]!, m[2]!), minutes(m[3]!, m[4]!)] : undefined;
      if (!period || period[0] >= period[1] || period[0] < (periods.at(-1)?.[1] ?? 0)) {
        ctx.addIssue({ code: 'custom', message: `"${part.trim()}" is not a period like 08:00-17:00 (24-hour clock, in order, not overlapping)` });
        return z.NEVER;
      }
      periods.push(period);
    }
    return periods;
  });

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'must be an IANA time zone such as America/Chicago' },
);

/**
 * `openingHours` in clinic.yaml (optional: the human `hours` line stays):
 * `{ timeZone: America/Chicago, mon: "08:00-17:00", …, sat: closed }`.
 */
export const openingHoursSchema = z
  .strictObject({ timeZone, ...Object.fromEntries(WEEKDAYS.map((d) => [d, dayHours.optional()])) } as { timeZone: typeof timeZone } & Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<typeof dayHours>
  >)
  .transform((o): OpeningHours => ({ timeZone: o.timeZone, week: WEEKDAYS.map((d) => o[d] ?? []) }));

/** `clinic.yaml`: extra top-level strings are allowed and usable as {{clinic.<key>}}. */
export const clinicSchema = z.looseObject({
  name: text,
  phone: text,
  hours: text,
  afterHoursPhone: text,
  openingHours: openingHoursSchema.optional(),
  address: text.optional(),
  greeting: text,
  starters: z.array(text).min(1, 'needs at least one starter question').max(6, 'at most 6 starter questions'),
  policies: z.record(z.string(), text).default({}),
});
export type ClinicProfile = z.infer<typeof clinicSchema>;

/** `lay-terms.yaml`: canonical term -> the words and phrases visitors use for it. */
export const layTermsSchema = z.object({
  synonyms: z.record(text, z.array(text).min(1, 'list at least one lay term')).default({}),
});
export type LayTerms = z.infer<typeof layTermsSchema>;
