import { describe, expect, it } from 'vitest';
import { english } from '../language/en/index.ts';
import { dropSelfDescription } from './self-description.ts';

const keep = new Set(['diabetic', 'wimp']);
const drop = (text: string) => dropSelfDescription(english.normalise(text), keep, english.lexicon).join(' ');

describe('self-description', () => {
  it('drops what the visitor says they are or where they work', () => {
    expect(drop("I'm a nurse, can I work after")).toBe('i am a can i work after');
    expect(drop('I work as a builder')).toBe('i work as a');
    expect(drop('I work in a warehouse lifting boxes')).toBe('i work in a lifting boxes');
  });

  it('drops an age', () => {
    expect(drop('I am 79 years of age')).toBe('i am');
    expect(drop('my 84 year old father')).toBe('my father');
    expect(drop('aged 70, can I drive')).toBe('can i drive');
  });

  it('keeps words the lay terms know and numbers that are not ages', () => {
    expect(drop("I'm a diabetic")).toBe('i am a diabetic');
    expect(drop("I'm a wimp with needles")).toBe('i am a wimp with needles');
    expect(drop('relief for 6 hours')).toBe('relief for 6 hours');
  });
});
