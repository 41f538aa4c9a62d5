import { describe, expect, it } from 'vitest';
import { english } from '../language/en/index.ts';
import { compileRuleSet } from './compile.ts';

const rules = compileRuleSet({
  concepts: {
    cannot: ['cannot', 'can not', 'unable to'],
    breathe: ['breathe'],
    fainted: ['=fainted', 'passed out'],
    fever: ['fever', 'temperature'],
    red: ['red', 'swollen'],
  },
  negatable: ['fever'],
  rules: [
    { id: 'breathing', label: 'Trouble breathing', when: [['cannot', 'breathe']] },
    { id: 'fainting', label: 'Fainting', when: [['fainted']] },
    { id: 'infection', label: 'Fever and a red site', when: [['fever', 'red']] },
  ],
  ignore: ['breathe a sigh of relief'],
}, english);
const match = (text: string) => {
  const { words, breaks } = english.normaliseWithBreaks(text);
  return rules.match(words, breaks)?.rule.id;
};

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

  it('ignores a plainly denied negatable concept', () => {
    expect(match('no fever, the spot is a bit red')).toBeUndefined();
    expect(match("I don't have a fever but it is swollen")).toBeUndefined();
    expect(match('never had any temperature, just red')).toBeUndefined();
  });

  it('still counts a negatable concept that is not plainly denied', () => {
    expect(match('No, fever and the spot is red')).toBe('infection');
    expect(match('not sure if fever but it is red')).toBe('infection');
    expect(match('no fever yesterday but a temperature now and red')).toBe('infection');
    expect(match('fever and red, not swollen')).toBe('infection');
  });

  it('never lets a denial hide a concept that is not negatable', () => {
    expect(match('I can not breathe')).toBe('breathing');
  });

  it('lets an `unless` concept stop a rule only when said before the rule is complete', () => {
    const hypothetical = compileRuleSet({
      concepts: { fever: ['fever'], now: ['i have'], asking: ['if', 'what if'] },
      rules: [{ id: 'fever-now', label: 'Fever now', when: [['fever', 'now']], unless: ['asking'] }],
    }, english);
    const fires = (text: string) => hypothetical.match(english.normalise(text))?.rule.id;
    expect(fires('i have a fever')).toBe('fever-now');
    expect(fires('what if i have a fever')).toBeUndefined();
    expect(fires('i have a fever, what if it is an infection')).toBe('fever-now');
  });

  it('names the words each concept matched, and where', () => {
    const hit = rules.match(english.normalise('since lunch I cannot really breathe'));
    expect(hit?.concepts).toEqual({ cannot: 'cannot', breathe: 'breathe' });
    expect([hit?.start, hit?.end]).toEqual([3, 6]);
  });

  it('lets no word of an ignored phrase (an idiom) count', () => {
    expect(match('I cannot wait to breathe a sigh of relief')).toBeUndefined();
  });

  it('exposes its words for typo correction', () => {
    expect(rules.vocabulary.has('breathe')).toBe(true);
  });
});
