import { statSync, type Stats } from 'node:fs';

export interface FileIdentity {
  /**
   * `null` while every file recorded at start is still the one at its path;
   * otherwise which one is gone or replaced. A deleted database keeps
   * working through its open descriptor, so SQLite never notices, but every
   * later write would vanish at the next restart.
   */
  changed(): string | null;
}

const identity = (s: Stats) => `${s.dev}:${s.ino}`;

/**
 * Remembers the device and inode behind each path, now or (for files SQLite
 * creates later, such as the WAL) the first time they are seen.
 *
 * Reasons name the file by its label, not its path: they reach `/healthz`.
 *
 * @example
 * const files = watchFileIdentity({ 'database file': '/data/clinic-chat.db' })
 * if (files.changed()) refuseWrites()
 */
export function watchFileIdentity(files: Record<string, string>): FileIdentity {
  const labels = Object.keys(files);
  const known = new Map<string, string>();
  const look = (path: string): string | null => {
    try {
      return identity(statSync(path));
    } catch {
      return null;
    }
  };
  for (const label of labels) {
    const id = look(files[label]!);
    if (id !== null) known.set(label, id);
  }
  return {
    changed() {
      for (const label of labels) {
        const now = look(files[label]!);
        const before = known.get(label);
        if (before === undefined) {
          if (now !== null) known.set(label, now);
        } else if (now === null) {
          return `the ${label} was deleted while the server had it open`;
        } else if (now !== before) {
          return `the ${label} was replaced while the server had it open`;
        }
      }
      return null;
    },
  };
}
