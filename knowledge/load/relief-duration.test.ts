import { describe, expect, it } from 'vitest';
import { findReliefDurations } from './relief-duration.ts';

const durations = (text: string) => findReliefDurations(text).map((d) => d.duration);

describe('findReliefDurations', () => {
  it.each([
    ['Relief from RFA usually lasts around 6 to 12 months.', '6 to 12 months'],
    ['The numbing medicine wears off within 4-6 hours.', '4-6 hours'],
    ['You should feel better for six hours.', 'six hours'],
    ['The block lasts 8 hours or so.', '8 hours'],
    ['Your usual pain comes back after 2 days.', '2 days'],
    ['- **Big relief for 3 hours**, then the pain returns', '3 hours'],
    ['Most people are pain-free for 1 year.', '1 year'],
    ['A 24-hour window of relief is normal.', '24-hour'],
  ])('flags %j', (text, duration) => {
    expect(durations(text)).toEqual([duration]);
  });

  it.each([
    'Skip baths, hot tubs and swimming for about 24 hours.',
    'Most have had the pain for 3 months or more.',
    'A second block is often done about 1 to 2 weeks later.',
    'Soreness can last 2 to 3 days.',
    'Relief from RFA usually lasts for months, and sometimes a year or more.',
    'The injection itself takes about 15 to 30 minutes.',
    'If you have had pain for the last 3 months, ask your doctor.',
  ])('leaves %j alone', (text) => {
    expect(durations(text)).toEqual([]);
  });

  it('ignores what a placeholder will fill in, since that is the clinic setting', () => {
    expect(durations('{{policy.reliefDuration}} Relief from RFA lasts longer.')).toEqual([]);
    expect(durations('Relief lasts {{policy.hours}} 6 hours.')).toEqual(['6 hours']);
  });

  it('checks each sentence and list item on its own', () => {
    const text = 'Relief is expected to be short. Skip baths for 24 hours.\n- Relief for 5 hours is typical';
    expect(findReliefDurations(text)).toEqual([{ sentence: 'Relief for 5 hours is typical', duration: '5 hours' }]);
  });
});
