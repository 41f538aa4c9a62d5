import { z } from 'zod';
import { KNOWLEDGE_LIMITS as L } from './limits.ts';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, dashes)');
const text = z.string().trim().min(1, 'must not be empty');
const upTo = (max: number) => text.max(max, `must be at most ${max} characters`);
const atMost = (max: number, what: string) => [max, `at most ${max} ${what} (the limit per entry)`] as const;
// YAML reads an unquoted 911 as a number; a tag like that is still fine.
const tag = z.union([z.number().transform(String), text]);

/** Front matter of `entries/<id>.md`. */
export const entrySchema = z.object({
  id: kebab,
  title: upTo(L.titleCharacters),
  questions: z
    .array(upTo(L.questionCharacters), 'must be a list of alternate phrasings')
    .min(1, 'needs at least one alternate phrasing')
    .max(...atMost(L.questionsPerEntry, 'alternate phrasings')),
  tags: z.array(tag).max(...atMost(L.tagsPerEntry, 'tags')).default([]),
  related: z.array(kebab).max(...atMost(L.relatedPerEntry, 'related entries')).default([]),
  sources: z
    .array(
      z.object({
        title: text,
        url: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
      }),
      'is missing: every entry needs at least one source (title + url)',
    )
    .min(1, 'is missing: every entry needs at least one source (title + url)')
    .max(...atMost(L.sourcesPerEntry, 'sources')),
  reviewed: z
    .union([z.string(), z.date()])
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date')),
});
export type EntryFrontMatter = z.infer<typeof entrySchema>;

/** Optional overrides of the chat's own lines (see knowledge/reply/wording.ts for the defaults). */
const replyLines = z
  .object({
    notFound: text,
    outOfScope: text,
    emergency: text,
    crisis: text,
    unsure: text,
    call911: text,
    callClinic: text,
    call988: text,
    callAfterHours: text,
    smallTalk: z.object({ greeting: text, thanks: text, goodbye: text, complaint: text }).partial(),
  })
  .partial();
export type ReplyLines = z.infer<typeof replyLines>;

/**
 * When the clinic's team answers the phone: per weekday (Sunday first) its
 * periods in minutes after midnight, clinic time; an empty day is closed.
 */
export interface OpeningHours {
  /** IANA time zone, e.g. "America/Chicago". */
  timeZone: string;
  week: Array<Array<[number, number]>>;
}

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
  /** What the knowledge base covers, in the chat's words ("medial branch blocks"); fills {{topic}} in replies. */
  topic: text.optional(),
  replies: replyLines.optional(),
});
export type ClinicProfile = z.infer<typeof clinicSchema>;

/** A translation folder's `clinic.yaml` (`es/clinic.yaml`): only the texts a visitor reads, each optional. */
export const translatedClinicSchema = z.object({
  hours: text.optional(),
  address: text.optional(),
  greeting: text.optional(),
  starters: z.array(text).min(1, 'needs at least one starter question').max(6, 'at most 6 starter questions').optional(),
  policies: z.record(z.string(), text).default({}),
  topic: text.optional(),
  replies: replyLines.optional(),
});
export type TranslatedClinic = z.infer<typeof translatedClinicSchema>;

/** `lay-terms.yaml`: canonical term -> the words and phrases visitors use for it. */
export const layTermsSchema = z.object({
  synonyms: z.record(text, z.array(text).min(1, 'list at least one lay term')).default({}),
});
export type LayTerms = z.infer<typeof layTermsSchema>;
