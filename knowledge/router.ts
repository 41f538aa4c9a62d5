import type { Decision, Explanation } from './decision.ts';
import type { Engine } from './engine.ts';
import { createDetector } from './language/detect.ts';
import { LANGUAGES, MAIN_LANG } from './language/index.ts';
import type { Lang } from './language/types.ts';
import type { Profile } from './reply/profile.ts';

/** The engines of one knowledge base folder, one per language, answering in the language of the question. */
export interface Router {
  /** `hint`: the interface language, used only when the question's own language is unclear. */
  decide(question: string, hint?: Lang): Decision;
  explain(question: string, hint?: Lang): Explanation;
  /** Greeting, clinic texts and reply lines in `lang` (the main language when it has no translation). */
  profile(lang?: Lang): Profile;
  /** The main base's entry ids (translations share them). */
  entryIds(): string[];
  languages(): Lang[];
  /** Per translation, the main entries it lacks. */
  missingTranslations(): Partial<Record<Lang, string[]>>;
}

/**
 * Picks the engine for the question's language (see `createDetector`), and
 * checks urgency in every language the message has words of: "me duele el
 * pecho" in the English interface, or Spanglish, must still reach
 * emergency guidance, in the language the visitor wrote. When the language is unclear, every
 * engine is asked and the surest answer wins.
 */
export function createRouter(engines: ReadonlyMap<Lang, Engine>, missing: Partial<Record<Lang, string[]>>): Router {
  const main = engines.get(MAIN_LANG)!;
  const all = [...engines.values()];
  const detector = createDetector(all.map((engine) => ({ language: LANGUAGES[engine.language], knows: engine.knows })));

  const explain = (question: string, hint?: Lang): Explanation => {
    const detection = detector.detect(question, hint);
    const chosen = engines.get(detection.lang) ?? main;
    let explanation = chosen.explain(question);
    // Unclear language: the surest answer of any engine, else the chosen one's reply. A visitor who
    // chose the interface language and mixes in the other ("what's the success rate? a cuanta gente
    // le sirve?") gets an answer in the language they chose, when it has one.
    const answeredInHint = hint === detection.lang && explanation.decision.kind === 'answer';
    if (detection.unsure && explanation.decision.kind !== 'urgent' && !answeredInHint) {
      for (const other of all) {
        if (other === chosen) continue;
        const alternative = other.explain(question);
        if (isSurer(alternative.decision, explanation.decision)) explanation = alternative;
      }
    }
    const lang = explanation.decision.lang;
    explanation.trace.lang = { chosen: lang, detected: detection.lang, ...(hint ? { hint } : {}), note: `${detection.note} (${formatScores(detection.scores)})` };
    const gated = (d: Decision) => d.kind === 'urgent' && (d.care !== 'unsure' ? 2 : 1);
    if (gated(explanation.decision) === 2) return explanation;
    for (const other of all) {
      // Another language's rules read only a message that has some of its words (Spanglish, or a
      // Spanish symptom in an English sentence): its idioms and framing are not the message's own.
      if (other.language === lang || !(detection.scores[other.language]! > 0)) continue;
      const urgent = other.checkUrgent(question);
      // A rule firing there beats an unsure reading here; an unsure one there beats no gate at all.
      const hit = urgent.fired ?? (gated(explanation.decision) ? undefined : urgent.unsure);
      if (!hit) continue;
      const care = urgent.fired ? (hit.crisis ? 'crisis' : 'emergency') : 'unsure';
      explanation.trace.triage = { ...urgent, notes: [...urgent.notes, `${care === 'unsure' ? 'unsure' : 'fired'} in ${other.language}; the reply stays in ${lang}`] };
      explanation.trace.summary = `urgent${care === 'unsure' ? ' (unsure)' : ''}: rule ${hit.id} ${care === 'unsure' ? 'partly matched' : 'fired'} in ${other.language}`;
      explanation.decision = { kind: 'urgent', lang, rule: hit, care };
      if (care !== 'unsure') return explanation;
    }
    return explanation;
  };

  return {
    decide: (question, hint) => explain(question, hint).decision,
    explain,
    profile: (lang) => (engines.get(lang ?? MAIN_LANG) ?? main).profile(),
    entryIds: () => main.entryIds(),
    languages: () => [...engines.keys()],
    missingTranslations: () => missing,
  };
}

/** An answer beats anything else; between answers, the higher confidence. */
function isSurer(a: Decision, b: Decision): boolean {
  if (a.kind === 'answer' && b.kind !== 'answer') return true;
  return a.kind === 'answer' && b.kind === 'answer' && a.confidence > b.confidence;
}

function formatScores(scores: Partial<Record<Lang, number>>): string {
  return Object.entries(scores)
    .map(([lang, score]) => `${lang} ${score}`)
    .join(', ');
}
