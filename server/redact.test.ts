import { describe, expect, it } from 'vitest';
import { questionKey, redactContactDetails } from './redact.ts';

describe('redactContactDetails', () => {
  it.each([
    ['call me at 555-123-4567 please', 'call me at [phone] please'],
    ['my number is (555) 123 4567', 'my number is [phone]'],
    ['+44 20 7946 0958 is my mobile', '[phone] is my mobile'],
    ['5551234567', '[phone]'],
    ['email jane.doe+mbb@mail.example.org today', 'email [email] today'],
    ['both: a@b.co and 555.123.4567', 'both: [email] and [phone]'],
  ])('%s', (input, output) => {
    expect(redactContactDetails(input)).toBe(output);
  });

  it('keeps ordinary numbers and dates', () => {
    for (const text of ['is 80% relief good', 'my block is on 3/14', 'I am 67 years old', 'level L4-L5', 'since 2019']) {
      expect(redactContactDetails(text)).toBe(text);
    }
  });
});

describe('questionKey', () => {
  it('groups repeats that differ only in case, spacing and punctuation', () => {
    expect(questionKey('Do you take  Medicare?')).toBe(questionKey('do you take medicare'));
    expect(questionKey('Call me at [phone]!')).toBe('call me at [phone]');
  });
});
