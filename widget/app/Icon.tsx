/** Stroke icons drawn inline (no icon font, no external request). */
const PATHS = {
  close: 'M6 6l12 12M18 6L6 18',
  clear: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
};

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
