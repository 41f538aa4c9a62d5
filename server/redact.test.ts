import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text.ts';
import { questionKey, redactContactDetails } from './redact.ts';

describe('redactContactDetails', () => {
  it.each([
    ['call me at 555-123-4567 please', 'call me at [phone] please'],
    ['my number is (555) 123 4567', 'my number is [phone]'],
    ['+44 20 7946 0958 is my mobile', '[phone] is my mobile'],
    ['5551234567', '[phone]'],
    ['email jane.doe+mbb@mail.example.org today', 'email [email] today'],
    ['both: a@b.co and 555.123.4567', 'both: [email] and [phone]'],
    // What a red-team pass got through, as typed:
    ['call ５５５１２３４５６７', 'call [phone]'],
    ['call ٥٥٥١٢٣٤٥٦٧', 'call [phone]'],
    ['call ۵۵۵-۱۲۳-۴۵۶۷', 'call [phone]'],
    ['call 555 - 123 - 4567', 'call [phone]'],
    ['call five five five one two three four five six seven', 'call [phone]'],
    ['call Five Five Five, one two three, 4567', 'call [phone]'],
    ['llámame al cinco cinco cinco uno dos tres cuatro', 'llámame al [phone]'],
    ['jane at example dot com', '[email]'],
    ['write to jane (at) mail [dot] co [dot] uk', 'write to [email]'],
    ['jane at example.com please', '[email] please'],
    ['mail jane＠example．com', 'mail [email]'],
    ['call 555\u200b123\u200b4567', 'call [phone]'],
  ])('%s', (input, output) => {
    expect(redactContactDetails(input)).toBe(output);
  });

  it('keeps ordinary numbers, dates and counted words', () => {
    for (const text of [
      'is 80% relief good',
      'my block is on 3/14',
      'I am 67 years old',
      'level L4-L5',
      'since 2019',
      'I have one question about two injections',
      'is it one or two shots, three at most',
      'the pain is worse at night. Then it eases',
      'look at the clinic website',
    ]) {
      expect(redactContactDetails(text)).toBe(text);
    }
  });
});

describe('foldText', () => {
  it('folds full-width and other scripts’ digits and drops invisible characters', () => {
    expect(foldText('５𝟓٥۵५\u200b\u202eX')).toBe('55555X');
  });
});

describe('questionKey', () => {
  it('groups repeats that differ only in case, spacing and punctuation', () => {
    expect(questionKey('Do you take  Medicare?')).toBe(questionKey('do you take medicare'));
    expect(questionKey('Call me at [phone]!')).toBe('call me at [phone]');
  });
});
