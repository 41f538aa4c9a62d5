import { describe, expect, it } from 'vitest';
import { normalise } from '../text/normalise.ts';
import { compileRuleSet } from './compile.ts';

const rules = compileRuleSet({
  concepts: {
    cannot: ['cannot', 'unable to'],
    breathe: ['breathe'],
    fainted: ['=fainted', 'passed out'],
  },
  rules: [
    { id: 'breathing', label: 'Trouble breathing', when: [['cannot', 'breathe']] },
    { id: 'fainting', label: 'Fainting', when: [['fainted']] },
  ],
});
const match = (text: string) => rules.match(normalise(text))?.id;

describe('concept rules', () => {
  it('fires when all concepts of an alternative co-occur, in any order and inflection', () => {
    expect(match("I can't breathe")).toBe('breathing');
    expect(match('breathing: I am unable to')).toBe('breathing');
    expect(match('I passed out')).toBe('fainting');
  });

  it('does not fire on one concept alone', () => {
    expect(match('how do I breathe during it')).toBeUndefined();
  });

  it('matches "=" phrases on the exact word only', () => {
    expect(match('I fainted')).toBe('fainting');
    expect(match('will I faint')).toBeUndefined();
  });

  it('exposes its words for typo correction', () => {
    expect(rules.vocabulary.has('breathe')).toBe(true);
  });
});
