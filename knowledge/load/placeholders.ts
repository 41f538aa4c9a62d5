import type { ClinicProfile } from './schemas.ts';

/** Every `{{clinic.<key>}}` / `{{policy.<key>}}` value a clinic profile offers. */
export function placeholderValues(clinic: ClinicProfile): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(clinic)) {
    if (typeof value === 'string') values.set(`clinic.${key}`, value);
  }
  for (const [key, value] of Object.entries(clinic.policies)) values.set(`policy.${key}`, value);
  return values;
}

/** Fills placeholders; returns the names it could not fill, so the loader can report them. */
export function fillPlaceholders(text: string, values: ReadonlyMap<string, string>): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined) {
      unknown.push(name);
      return whole;
    }
    return value;
  });
  return { text: filled, unknown };
}

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;
