/**
 * Keeps the conversation in sessionStorage (this tab, this site) so it
 * survives page loads; written only once the visitor has asked something.
 * Storage may be blocked or full: then the conversation simply isn't kept.
 */
const KEY = 'spinechat:conversation';

export function loadSession<T>(): T[] {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

export function saveSession<T>(entries: T[]): void {
  try {
    if (entries.length) sessionStorage.setItem(KEY, JSON.stringify(entries));
    else sessionStorage.removeItem(KEY);
  } catch {
    /* not kept */
  }
}
