import { z } from 'zod';
import { LANGS } from '../../knowledge/index.ts';
import { text } from './parse.ts';

const status = z.enum(['new', 'contacted', 'closed'], { error: 'must be new, contacted or closed' });

const count = (max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s === '' ? fallback : /^\d+$/.test(s) ? Number(s) : NaN))
    .refine((n) => Number.isInteger(n) && n >= 1 && n <= max, { error: `must be a whole number from 1 to ${max}` });

const callbackQuery = (maxLimit: number, defaultLimit: number) =>
  z.object({
  limit: count(maxLimit, defaultLimit),
  status: status.optional(),
  since: z
    .string()
    .optional()
    .transform((s) => (s ? new Date(s) : undefined))
    .refine((d) => d === undefined || !Number.isNaN(d.getTime()), {
      error: 'must be a date such as 2026-01-31 or 2026-01-31T09:00:00Z',
    })
    .transform((d) => d?.toISOString()),
});

export const callbackListQuery = callbackQuery(1000, 100);

/** The CSV export defaults to everything still retained. */
export const callbackExportQuery = callbackQuery(100_000, 100_000);

export const statusUpdate = z.object({ status });

export const unansweredQuery = z.object({
  limit: count(500, 50),
  lang: z.enum(LANGS, { error: () => `must be one of ${LANGS.join(', ')}` }).optional(),
});

export const statsQuery = z.object({ days: count(366, 30) });

const optionalFilter = text(1, 300).optional();

export const auditQuery = z.object({
  limit: count(1000, 200),
  before: count(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).optional(),
  who: optionalFilter,
  target: optionalFilter,
  action: optionalFilter,
});

export const auditExportQuery = auditQuery.extend({ limit: count(1_000_000, 1_000_000) });
