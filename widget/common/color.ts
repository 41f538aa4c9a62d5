/**
 * Turns a clinic's `data-color` into accessible colours (WCAG 2.2 AA):
 * - the colour itself, used as a background (launcher, header, buttons);
 * - `textOn`: black or white, whichever contrasts more with it (always ≥ 4.58:1);
 * - `ink`: the colour darkened until it reaches 4.5:1 on white, for text,
 *   links and focus rings inside the panel.
 * The loader needs the first two to draw the launcher; the app adds `ink`.
 */
type Rgb = number[];

/** Above this luminance black text contrasts more than white: (L+.05)² = .05 × 1.05. */
const BLACK_TEXT_ABOVE = 0.1791;
/** 1.05 / (L + .05) ≥ 4.5 (the colour against white) holds up to this luminance. */
const INK_MAX = 0.1833;

/** Accepts `#rgb` and `#rrggbb` (with or without the #); anything else is ignored. */
export function parseHex(color: string | undefined): Rgb | undefined {
  const hex = /^#?([\da-f]{3}|[\da-f]{6})$/i.exec(color?.trim() ?? '')?.[1];
  return hex ? (hex.length < 6 ? hex.replace(/./g, '$&$&') : hex).match(/../g)!.map((h) => parseInt(h, 16)) : undefined;
}

export function textOn(rgb: Rgb): string {
  return luminance(rgb) > BLACK_TEXT_ABOVE ? '#000' : '#fff';
}

export function ink(rgb: Rgb): string {
  while (luminance(rgb) > INK_MAX) rgb = rgb.map((c) => (c * 0.9) | 0);
  return toHex(rgb);
}

export function toHex(rgb: Rgb): string {
  return '#' + rgb.map((c) => c.toString(16).padStart(2, '0')).join('');
}

/** WCAG relative luminance. */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
