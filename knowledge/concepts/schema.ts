import { z } from 'zod';

/**
 * A staff-reviewable rule set: named concepts (each a list of words or
 * phrases) and rules that fire when all concepts of one alternative appear in
 * the same message. Used by urgent triage and by the out-of-scope list.
 */
// Staff may write numbers unquoted (a temperature like 102).
const phrase = z.union([z.string().min(1), z.number()]).transform(String);

export const conceptRuleSetSchema = z
  .object({
    concepts: z.record(z.string().min(1), z.array(phrase).min(1)),
    /** Concepts that do not count where the visitor denies them ("no fever"). */
    negatable: z.array(z.string().min(1)).optional(),
    /**
     * Phrases whose words never count for any concept: idioms like "this pain
     * is killing me" or "I could murder a coffee".
     */
    ignore: z.array(phrase).optional(),
    /**
     * Urgent rules only: words that say what a message reports. A rule's
     * concepts framed as a history, a hypothetical, a fear or a chronic
     * problem do not fire, unless a `now` word says it is happening now.
     */
    framing: z
      .object({
        now: z.array(phrase).min(1),
        history: z.array(phrase).default([]),
        hypothetical: z.array(phrase).default([]),
        fear: z.array(phrase).default([]),
        chronic: z.array(phrase).default([]),
        /**
         * Phrases that report a symptom without dating it ("i have", "feels", "started"): with
         * `now`, what a rule's `unsure` alternative needs in its sentence to count.
         */
        reported: z.array(phrase).default([]),
      })
      .optional(),
    rules: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
          label: z.string().min(1),
          /** Alternatives: the rule fires when every concept of any one list is present. */
          when: z.array(z.array(z.string().min(1)).min(1)).min(1),
          /**
           * Urgent rules only: weaker alternatives (a red-flag word without its severity, a partial
           * picture). Reported happening now, they get the "unsure" tier: emergency guidance together
           * with the clinic's numbers ("get checked now"), never an FAQ answer.
           */
          unsure: z.array(z.array(z.string().min(1)).min(1)).optional(),
          /**
           * Concepts that stop the rule when said before its `when` concepts are all present:
           * "what if I get a fever after" asks about a fever, "I have a fever, what if it's infected" reports one.
           */
          unless: z.array(z.string().min(1)).optional(),
          crisis: z.boolean().optional(),
          /** Framings that still make this rule urgent ("what if I ended it all" is a crisis, not a hypothetical). */
          urgentEvenIf: z.array(z.enum(['history', 'hypothetical', 'fear', 'chronic'])).optional(),
        }),
      ),
  })
  .superRefine((set, ctx) => {
    set.negatable?.forEach((name, i) => {
      if (!(name in set.concepts)) ctx.addIssue({ code: 'custom', path: ['negatable', i], message: `unknown concept "${name}"` });
    });
    const ids = new Set<string>();
    set.rules.forEach((rule, r) => {
      if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', r, 'id'], message: `duplicate rule id "${rule.id}"` });
      ids.add(rule.id);
      rule.unless?.forEach((name, u) => {
        if (!(name in set.concepts)) ctx.addIssue({ code: 'custom', path: ['rules', r, 'unless', u], message: `unknown concept "${name}"` });
      });
      for (const key of ['when', 'unsure'] as const) {
        rule[key]?.forEach((alternative, a) =>
          alternative.forEach((name, c) => {
            if (!(name in set.concepts)) {
              ctx.addIssue({ code: 'custom', path: ['rules', r, key, a, c], message: `unknown concept "${name}"` });
            }
          }),
        );
      }
    });
  });

export type ConceptRuleSet = z.infer<typeof conceptRuleSetSchema>;
export type ConceptRule = ConceptRuleSet['rules'][number];
