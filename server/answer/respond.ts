import type { Decision, Profile } from '../../knowledge/index.ts';
import type { AskResponse, EmergencyAction } from '../api/contract.ts';

/**
 * Turns the engine's Decision into the wire response, worded by the
 * knowledge base's own reply lines. Urgent: emergency guidance only (911 and
 * the after-hours line; 988 first, and only, for self-harm; unsure: 911, the
 * clinic's own number and the after-hours line). Refused, not
 * found and small talk: a short message plus the callback offer.
 */
export function toAskResponse(decision: Decision, profile: Profile): AskResponse {
  const { replies, clinic } = profile;
  const callback = { offered: true as const, phone: clinic.phone };
  switch (decision.kind) {
    case 'answer': {
      const { entry } = decision;
      return {
        kind: 'answer',
        answer: { id: entry.id, title: entry.title, text: entry.text, sources: entry.sources.map(({ title, url }) => ({ title, url })) },
        related: decision.related.map(({ id, title }) => ({ id, question: title })),
        confidence: decision.confidence,
        lang: decision.lang,
      };
    }
    case 'urgent': {
      const call911: EmergencyAction = { label: replies.call911, tel: '911' };
      const afterHours: EmergencyAction = { label: replies.callAfterHours, tel: telDigits(clinic.afterHoursPhone) };
      const { care, lang } = decision;
      if (care === 'crisis') {
        return { kind: 'emergency', care, message: replies.crisis, actions: [{ label: replies.call988, tel: '988' }, call911, afterHours], lang };
      }
      if (care === 'unsure') {
        const clinicLine: EmergencyAction = { label: replies.callClinic, tel: telDigits(clinic.phone) };
        return { kind: 'emergency', care, message: replies.unsure, actions: [call911, clinicLine, afterHours], lang };
      }
      return { kind: 'emergency', care, message: replies.emergency, actions: [call911, afterHours], lang };
    }
    case 'refused':
    case 'not-found':
      return {
        kind: 'fallback',
        reason: decision.kind === 'refused' ? 'out-of-scope' : 'not-found',
        message: decision.kind === 'refused' ? replies.outOfScope : replies.notFound,
        suggestions: decision.suggestions.map(({ id, title }) => ({ id, question: title })),
        callback,
        lang: decision.lang,
      };
    case 'small-talk':
      return { kind: 'fallback', reason: 'small-talk', message: replies.smallTalk[decision.intent], suggestions: [], callback, lang: decision.lang };
  }
}

function telDigits(phone: string): string {
  return phone.replace(/[^\d+]/g, '');
}
