import { describe, expect, it } from 'vitest';
import { ink, luminance, parseHex, textOn, toHex } from './color.ts';

const contrast = (a: string, b: string) => {
  const [la, lb] = [luminance(parseHex(a)!), luminance(parseHex(b)!)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};
const SAMPLES = ['#ffff00', '#777777', '#787878', '#797979', '#7a7a7a', '#0f766e', '#ff0000', '#00ff00', '#000000', '#ffffff', '#5c9dff', '#ff7f50', '#ffd54f'];

describe('parseHex', () => {
  it('reads #rgb and #rrggbb, with or without the #, and nothing else', () => {
    expect(parseHex('#0a7')).toEqual([0, 170, 119]);
    expect(parseHex(' 1D4ED8 ')).toEqual([29, 78, 216]);
    for (const bad of [undefined, '', 'red', '#12345', 'url(x)', '#0a7;color:red']) expect(parseHex(bad), bad).toBeFalsy();
  });
});

describe('textOn', () => {
  it('gives every colour text with at least 4.5:1, the better of black and white', () => {
    for (const c of SAMPLES) {
      const on = textOn(parseHex(c)!);
      expect(contrast(c, on), c).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c, on), c).toBeGreaterThanOrEqual(contrast(c, on === '#fff' ? '#000' : '#fff'));
    }
    expect(textOn(parseHex('#ffff00')!)).toBe('#000');
    expect(textOn(parseHex('#0f172a')!)).toBe('#fff');
  });
});

describe('ink', () => {
  it('darkens light colours until they read on white, and leaves dark ones alone', () => {
    for (const c of SAMPLES) expect(contrast(ink(parseHex(c)!), '#fff'), c).toBeGreaterThanOrEqual(4.5);
    expect(ink(parseHex('#0f172a')!)).toBe('#0f172a');
    expect(toHex([15, 118, 110])).toBe('#0f766e');
  });
});
