import { describe, expect, it } from 'vitest';
import { plainText, readingGrade } from './reading-grade.ts';

describe('readingGrade', () => {
  it('scores short plain sentences low and long Latinate ones high', () => {
    const plain = readingGrade('Rest today. Most people feel fine the next day. Call us if you are worried.');
    const dense = readingGrade(
      'Interventional procedures necessitate comprehensive consideration of contraindications, ' +
        'particularly anticoagulation and immunosuppression, prior to administration.',
    );
    expect(plain.grade).toBeLessThan(4);
    expect(dense.grade).toBeGreaterThan(16);
  });

  it('counts words, sentences and syllables of the text a patient reads', () => {
    expect(readingGrade('**Never** stop it. Ask [the clinic](https://example.org) first.')).toMatchObject({
      sentences: 2,
      words: 7,
      syllables: 9,
    });
  });

  it('counts each list item as a sentence, with or without a full stop', () => {
    const list = readingGrade('Call if you notice:\n\n- a fever\n- bleeding that won\'t stop.\n- a bad headache');
    expect(list.sentences).toBe(4);
  });

  it('counts a number as one short word', () => {
    expect(readingGrade('A fever over 100.4 °F.')).toMatchObject({ words: 5, syllables: 7 });
  });
});

describe('plainText', () => {
  it('drops emphasis, link targets and bullets', () => {
    expect(plainText('- **Big** relief, see [this](https://x.org)')).toBe('Big relief, see this.');
  });
});
