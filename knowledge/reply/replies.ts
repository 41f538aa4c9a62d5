import type { AnswerResponse, EmergencyResponse, FallbackResponse, SuggestedQuestion } from '../../server/api/contract.ts';
import type { ConceptRule } from '../concepts/schema.ts';
import type { KnowledgeEntry } from '../load/read-base.ts';
import type { ClinicProfile } from '../load/schemas.ts';

/**
 * Urgent guidance only: emergency services, the crisis line, the clinic's
 * after-hours line. Nothing from the FAQ, by design.
 */
export function emergencyReply(rule: ConceptRule, clinic: ClinicProfile): EmergencyResponse {
  const afterHours = { label: `Call ${clinic.name} after-hours line (${clinic.afterHoursPhone})`, tel: telDigits(clinic.afterHoursPhone) };
  const call911 = { label: 'Call 911', tel: '911' };
  const call988 = { label: 'Call or text 988 (Suicide and Crisis Lifeline)', tel: '988' };
  if (rule.crisis) {
    return {
      kind: 'emergency',
      message:
        'I am really sorry you are going through this. You do not have to face it alone: please call or text 988 now to reach the Suicide and Crisis Lifeline, any time, day or night. If you are in danger right now, call 911 or go to the nearest emergency room.',
      actions: [call988, call911, afterHours],
    };
  }
  return {
    kind: 'emergency',
    message: `What you describe can be urgent. Please call 911 or go to the nearest emergency room now; do not wait for an answer here. If you have thoughts of harming yourself, call or text 988. You can also reach ${clinic.name}'s after-hours line at ${clinic.afterHoursPhone}.`,
    actions: [call911, call988, afterHours],
  };
}

export function answerReply(entry: KnowledgeEntry, related: SuggestedQuestion[], confidence: number): AnswerResponse {
  return {
    kind: 'answer',
    answer: { id: entry.id, title: entry.title, text: entry.text, sources: entry.sources.map(({ title, url }) => ({ title, url })) },
    related,
    confidence,
  };
}

export function fallbackReply(
  reason: FallbackResponse['reason'],
  clinic: ClinicProfile,
  suggestions: SuggestedQuestion[],
): FallbackResponse {
  const reach = `You can ask for a call back, or phone ${clinic.name} at ${clinic.phone} (${clinic.hours}).`;
  const message =
    reason === 'out-of-scope'
      ? `That is something our team needs to help you with in person: I can only share general information about medial branch blocks. ${reach}`
      : `I am sorry, I do not have a good answer to that. I can only share general information about medial branch blocks, and I would rather not guess. ${reach}`;
  return { kind: 'fallback', reason, message, suggestions, callback: { offered: true, phone: clinic.phone } };
}

function telDigits(phone: string): string {
  return phone.replace(/[^\d+]/g, '');
}
