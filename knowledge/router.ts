import type { Decision, Explanation, Trace } from './decision.ts';
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

  /**
   * One routing for both calls: `ask` is the engine's `explain` (a trace is kept and annotated) or
   * its `decide` (no trace is built: the hot path of every request).
   */
  const route = (question: string, hint: Lang | undefined, askText: (engine: Engine, text: string) => Routed): Routed => {
    const detection = detector.detect(question, hint);
    // A mixed message is read by each engine without the words only another language knows: "does it
    // hurt? duele" is a whole question to the English engine, not one with a word it cannot place.
    const ask = (engine: Engine) => askText(engine, detection.unsure ? withoutForeignWords(question, engine, all) : question);
    const chosen = engines.get(detection.lang) ?? main;
    let routed = ask(chosen);
    // Unclear language: the surest answer of any engine, else the chosen one's reply. A visitor who
    // chose the interface language and mixes in the other ("what's the success rate? a cuanta gente
    // le sirve?") gets an answer in the language they chose, when it has one.
    const answeredInHint = hint === detection.lang && routed.decision.kind === 'answer';
    if (detection.unsure && routed.decision.kind !== 'urgent' && !answeredInHint) {
      for (const other of all) {
        if (other === chosen) continue;
        const alternative = ask(other);
        if (isSurer(alternative.decision, routed.decision)) routed = alternative;
      }
    }
    const lang = routed.decision.lang;
    const { trace } = routed;
    if (trace) trace.lang = { chosen: lang, detected: detection.lang, ...(hint ? { hint } : {}), note: `${detection.note} (${formatScores(detection.scores)})` };
    const gated = (d: Decision) => d.kind === 'urgent' && (d.care !== 'unsure' ? 2 : 1);
    if (gated(routed.decision) === 2) return routed;
    for (const other of all) {
      // Another language's rules read only a message that has some of its words (Spanglish, or a
      // Spanish symptom in an English sentence): its idioms and framing are not the message's own.
      if (other.language === lang || !(detection.scores[other.language]! > 0)) continue;
      const urgent = other.checkUrgent(question);
      // A rule firing there beats an unsure reading here; an unsure one there beats no gate at all.
      const hit = urgent.fired ?? (gated(routed.decision) ? undefined : urgent.unsure);
      if (!hit) continue;
      const care = urgent.fired ? (hit.crisis ? 'crisis' : 'emergency') : 'unsure';
      if (trace) {
        trace.triage = { ...urgent, notes: [...urgent.notes, `${care === 'unsure' ? 'unsure' : 'fired'} in ${other.language}; the reply stays in ${lang}`] };
        trace.summary = `urgent${care === 'unsure' ? ' (unsure)' : ''}: rule ${hit.id} ${care === 'unsure' ? 'partly matched' : 'fired'} in ${other.language}`;
      }
      routed.decision = { kind: 'urgent', lang, rule: hit, care };
      if (care !== 'unsure') return routed;
    }
    return routed;
  };
  const explain = (question: string, hint?: Lang): Explanation => route(question, hint, (engine, text) => engine.explain(text)) as Explanation;

  return {
    decide: (question, hint) => route(question, hint, (engine, text) => ({ decision: engine.decide(text) })).decision,
    explain,
    profile: (lang) => (engines.get(lang ?? MAIN_LANG) ?? main).profile(),
    entryIds: () => main.entryIds(),
    languages: () => [...engines.keys()],
    missingTranslations: () => missing,
  };
}

/** An engine's reply as routed: with its trace when explaining. */
interface Routed {
  decision: Decision;
  trace?: Trace;
}

/** An answer beats anything else; between answers, the higher confidence. */
/** `question` without the tokens whose words `engine` does not know and another engine does; whole if that leaves nothing. */
function withoutForeignWords(question: string, engine: Engine, all: readonly Engine[]): string {
  const language = LANGUAGES[engine.language];
  const others = all.filter((other) => other !== engine);
  const foreign = (token: string) => {
    const words = language.normalise(token);
    return words.length > 0 && words.every((w) => !engine.knows(w) && others.some((other) => other.knows(w)));
  };
  const kept = question.split(/\s+/).filter((token) => token !== '' && !foreign(token));
  return kept.length > 0 ? kept.join(' ') : question;
}

function isSurer(a: Decision, b: Decision): boolean {
  if (a.kind === 'answer' && b.kind !== 'answer') return true;
  return a.kind === 'answer' && b.kind === 'answer' && a.confidence > b.confidence;
}

function formatScores(scores: Partial<Record<Lang, number>>): string {
  return Object.entries(scores)
    .map(([lang, score]) => `${lang} ${score}`)
    .join(', ');
}
