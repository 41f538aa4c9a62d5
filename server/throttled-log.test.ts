import { describe, expect, it } from 'vitest';
import { oneLine, throttledLog } from './throttled-log.ts';

describe('throttledLog', () => {
  it('writes each kind at most linesPerWindow times per window, then says how many it skipped', () => {
    const lines: string[] = [];
    let t = 0;
    const log = throttledLog({ write: (l) => lines.push(l), linesPerWindow: 2, windowMs: 1000, now: () => t });
    for (let i = 0; i < 10; i++) log('disk', `disk ${i}`);
    log('other', 'other 0');
    expect(lines).toEqual(['disk 0', 'disk 1', 'other 0']);
    t = 1000;
    log('disk', 'disk 10');
    expect(lines.slice(3)).toEqual(['(8 more like the next line were not logged in the last 1 s)', 'disk 10']);
  });
});

describe('oneLine', () => {
  it('keeps an error to one line with its cause and where the cause was thrown', () => {
    const cause = Object.assign(new Error('database or disk is full\nmore'), { code: 'SQLITE_FULL' });
    const line = oneLine(new Error('storage unavailable', { cause }));
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^Error: storage unavailable \(cause: database or disk is full\) at .*throttled-log\.test\.ts/);
  });
});
