import { describe, expect, it } from 'vitest';
import { callbackSchema, isHoneypotFilled, normalizePhone } from './callback.ts';

describe('normalizePhone', () => {
  it.each([
    ['(555) 123-4567', '5551234567'],
    ['+1 555.123.4567', '+15551234567'],
    [' 555 / 123 45 67 ', '5551234567'],
    ['555-CALL-NOW', '555CALLNOW'],
    ['＋１ ５５５ １２３ ４５６７', '+15551234567'],
    ['٥٥٥​١٢٣٤٥٦٧', '5551234567'],
  ])('%s -> %s', (raw, normal) => {
    expect(normalizePhone(raw)).toBe(normal);
  });
});

describe('callbackSchema', () => {
  const valid = { name: 'Jane', phone: '555 123 4567', consent: true };

  it('accepts the minimum and fills optional fields with null', () => {
    expect(callbackSchema.parse(valid)).toEqual({ name: 'Jane', phone: '5551234567', preferredTime: null, message: null, consent: true, lang: null, questions: null });
  });

  it('keeps the language and the shared questions, within the shared limits', () => {
    expect(callbackSchema.parse({ ...valid, lang: 'es', questions: [' ¿duele? '] })).toMatchObject({ lang: 'es', questions: ['¿duele?'] });
    expect(callbackSchema.parse({ ...valid, questions: [] }).questions).toBeNull();
    expect(callbackSchema.safeParse({ ...valid, lang: 'fr' }).success).toBe(false);
    expect(callbackSchema.safeParse({ ...valid, questions: Array(11).fill('q') }).success).toBe(false);
    expect(callbackSchema.safeParse({ ...valid, questions: ['x'.repeat(501)] }).success).toBe(false);
  });

  it('keeps line breaks in the message but not in the name', () => {
    expect(callbackSchema.parse({ ...valid, message: 'line one\r\nline two' }).message).toBe('line one\r\nline two');
    expect(callbackSchema.safeParse({ ...valid, name: 'Jane\nDoe' }).success).toBe(false);
  });

  it('drops unknown keys', () => {
    expect(callbackSchema.parse({ ...valid, status: 'closed', id: 'x' })).not.toHaveProperty('status');
  });

  it.each(['++5551234567', '+', '555123', '1234567890123456', '555-CALL-NOW'])('rejects phone %s', (phone) => {
    expect(callbackSchema.safeParse({ ...valid, phone }).success).toBe(false);
  });
});

describe('isHoneypotFilled', () => {
  it('is true only for a filled website field', () => {
    expect(isHoneypotFilled({ website: 'x' })).toBe(true);
    expect(isHoneypotFilled({ website: 1 })).toBe(true);
    for (const website of [undefined, null, '', false]) expect(isHoneypotFilled({ website })).toBe(false);
  });
});

describe('text staff can read', () => {
  const valid = { name: 'Jane', phone: '555 123 4567', consent: true };

  it('refuses a name made only of invisible characters', () => {
    for (const name of ['\u200b\u200b\u200b', '\u200d\u200c', '\u202e', '\ufeff \u2060']) {
      expect(callbackSchema.safeParse({ ...valid, name }).success).toBe(false);
    }
  });

  it('drops direction overrides and zero-width spaces, keeping joiners inside emoji', () => {
    const parsed = callbackSchema.parse({ ...valid, name: '\u202eJane\u200b Doe\u202c', message: 'family 👨\u200d👩\u200d👧 \u2066ok\u2069' });
    expect(parsed.name).toBe('Jane Doe');
    expect(parsed.message).toBe('family 👨\u200d👩\u200d👧 ok');
  });

  it('turns an invisible optional field into null', () => {
    expect(callbackSchema.parse({ ...valid, preferredTime: '\u200b' }).preferredTime).toBeNull();
  });
});
