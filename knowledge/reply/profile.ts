import type { Lang } from '../language/types.ts';
import { fillPlaceholders, placeholderValues } from '../load/placeholders.ts';
import type { ClinicProfile, OpeningHours } from '../load/schemas.ts';
import { DEFAULT_WORDING, type ReplyWording } from './wording.ts';

/** What the server needs to greet and to word every reply that is not an entry. */
export interface Profile {
  clinic: { name: string; phone: string; hours: string; afterHoursPhone: string; openingHours?: OpeningHours };
  greeting: string;
  starters: string[];
  /** Every line filled from the clinic profile. */
  replies: ReplyWording;
}

/**
 * The clinic's own reply lines (`replies:` in clinic.yaml) over the
 * language's defaults, with `{{clinic.*}}` and `{{topic}}` filled in once
 * per knowledge base version.
 */
export function replyWording(clinic: ClinicProfile, lang: Lang): Profile {
  const values = placeholderValues(clinic);
  values.set('topic', clinic.topic ?? DEFAULT_TOPIC[lang]);
  const fill = (text: string) => fillPlaceholders(text, values).text;
  const defaults = DEFAULT_WORDING[lang];
  const own = clinic.replies ?? {};
  const line = (key: Exclude<keyof ReplyWording, 'smallTalk'>) => fill(own[key] ?? defaults[key]);
  return {
    clinic: {
      name: clinic.name,
      phone: clinic.phone,
      hours: clinic.hours,
      afterHoursPhone: clinic.afterHoursPhone,
      ...(clinic.openingHours ? { openingHours: clinic.openingHours } : {}),
    },
    greeting: clinic.greeting,
    starters: [...clinic.starters],
    replies: {
      notFound: line('notFound'),
      outOfScope: line('outOfScope'),
      emergency: line('emergency'),
      crisis: line('crisis'),
      unsure: line('unsure'),
      call911: line('call911'),
      callClinic: line('callClinic'),
      call988: line('call988'),
      callAfterHours: line('callAfterHours'),
      smallTalk: {
        greeting: fill(own.smallTalk?.greeting ?? defaults.smallTalk.greeting),
        thanks: fill(own.smallTalk?.thanks ?? defaults.smallTalk.thanks),
        goodbye: fill(own.smallTalk?.goodbye ?? defaults.smallTalk.goodbye),
        complaint: fill(own.smallTalk?.complaint ?? defaults.smallTalk.complaint),
      },
    },
  };
}

/** For a base that does not say what it covers. */
const DEFAULT_TOPIC: Record<Lang, string> = { en: 'this topic', es: 'este tema' };
