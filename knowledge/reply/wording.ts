import type { SmallTalk } from '../decision.ts';
import type { Lang } from '../language/types.ts';

/**
 * Everything the chat says that is not an entry: the fallbacks, the
 * emergency screens and their buttons, small talk. A knowledge base may
 * override any line in `clinic.yaml` under `replies:`; these defaults name
 * no procedure (they say `{{topic}}`, the base's own words for what it
 * covers) and fill `{{clinic.*}}` from the clinic profile.
 */
export interface ReplyWording {
  notFound: string;
  outOfScope: string;
  /** Bodily emergencies: 911 or the emergency room, then the after-hours line. Never 988. */
  emergency: string;
  /** Self-harm: the 988 Lifeline first. */
  crisis: string;
  /** A red flag reported now on weak evidence: emergency guidance together with how to reach the clinic now. */
  unsure: string;
  call911: string;
  /** The clinic's own number, on the unsure screen. */
  callClinic: string;
  call988: string;
  callAfterHours: string;
  smallTalk: Record<SmallTalk, string>;
}

export const DEFAULT_WORDING: Record<Lang, ReplyWording> = {
  en: {
    notFound:
      'I am sorry, I do not have a good answer to that. I can only share general information about {{topic}}, and I would rather not guess. You can ask for a call back, or phone {{clinic.name}} at {{clinic.phone}} ({{clinic.hours}}).',
    outOfScope:
      'That is something our team needs to help you with in person: I can only share general information about {{topic}}. You can ask for a call back, or phone {{clinic.name}} at {{clinic.phone}} ({{clinic.hours}}).',
    emergency:
      "What you describe can be urgent. Please call 911 or go to the nearest emergency room now; do not wait for an answer here. You can also reach {{clinic.name}}'s after-hours line at {{clinic.afterHoursPhone}}.",
    crisis:
      'I am really sorry you are going through this. You do not have to face it alone: please call or text 988 now to reach the Suicide and Crisis Lifeline, any time, day or night. If you are in danger right now, call 911 or go to the nearest emergency room.',
    unsure:
      'What you describe may need to be checked today, so please do not wait for an answer here. If it is severe, sudden or getting worse, or you feel very unwell, call 911 or go to the nearest emergency room now. Otherwise call {{clinic.name}} now at {{clinic.phone}} ({{clinic.hours}}), or the after-hours line at {{clinic.afterHoursPhone}}, and tell them what is happening.',
    call911: 'Call 911',
    callClinic: 'Call {{clinic.name}} ({{clinic.phone}})',
    call988: 'Call or text 988 (Suicide and Crisis Lifeline)',
    callAfterHours: 'Call {{clinic.name}} after-hours line ({{clinic.afterHoursPhone}})',
    smallTalk: {
      greeting: 'Hello! Ask me anything about {{topic}}: what it is, how to get ready, or what to expect afterwards.',
      thanks: 'You are welcome. Is there anything else you would like to know?',
      goodbye: 'Take care! If you need a person, you can ask for a call back or phone {{clinic.phone}}.',
      complaint:
        'I am sorry I was not more helpful. I can only share general information about {{topic}}. You can ask for a call back, or phone {{clinic.name}} at {{clinic.phone}}.',
    },
  },
  es: {
    notFound:
      'Lo siento, no tengo una buena respuesta para eso. Solo puedo dar información general sobre {{topic}} y prefiero no adivinar. Puede pedir que le llamemos, o llamar a {{clinic.name}} al {{clinic.phone}} ({{clinic.hours}}).',
    outOfScope:
      'Eso es algo en lo que nuestro equipo le tiene que ayudar en persona: yo solo puedo dar información general sobre {{topic}}. Puede pedir que le llamemos, o llamar a {{clinic.name}} al {{clinic.phone}} ({{clinic.hours}}).',
    emergency:
      'Lo que describe puede ser urgente. Llame al 911 o vaya a la sala de emergencias más cercana ahora mismo; no espere una respuesta aquí. También puede llamar a la línea fuera de horario de {{clinic.name}} al {{clinic.afterHoursPhone}}.',
    crisis:
      'Siento mucho que esté pasando por esto. No tiene que enfrentarlo solo: llame al 988 y marque 2 para hablar en español, o envíe un mensaje de texto con la palabra AYUDA al 988, a cualquier hora del día o de la noche. Si está en peligro ahora mismo, llame al 911 o vaya a la sala de emergencias más cercana.',
    unsure:
      'Lo que describe puede necesitar que lo revisen hoy, así que no espere una respuesta aquí. Si es fuerte, repentino o va empeorando, o se siente muy mal, llame al 911 o vaya a la sala de emergencias más cercana ahora mismo. Si no, llame ahora a {{clinic.name}} al {{clinic.phone}} ({{clinic.hours}}), o a la línea fuera de horario al {{clinic.afterHoursPhone}}, y cuénteles lo que está pasando.',
    call911: 'Llamar al 911',
    callClinic: 'Llamar a {{clinic.name}} ({{clinic.phone}})',
    call988: 'Llamar al 988 y marcar 2 (Línea de Prevención del Suicidio y Crisis, en español)',
    callAfterHours: 'Llamar a la línea fuera de horario de {{clinic.name}} ({{clinic.afterHoursPhone}})',
    smallTalk: {
      greeting: '¡Hola! Pregúnteme lo que quiera sobre {{topic}}: qué es, cómo prepararse o qué esperar después.',
      thanks: 'Con mucho gusto. ¿Hay algo más que quiera saber?',
      goodbye: '¡Cuídese! Si necesita hablar con una persona, puede pedir que le llamemos o llamar al {{clinic.phone}}.',
      complaint:
        'Siento no haberle ayudado más. Solo puedo dar información general sobre {{topic}}. Puede pedir que le llamemos, o llamar a {{clinic.name}} al {{clinic.phone}}.',
    },
  },
};
