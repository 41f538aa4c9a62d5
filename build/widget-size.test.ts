/** The widget's byte budgets, measured on a fresh build (gzip -9). */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget, LOADER_BUDGET, TOTAL_BUDGET, widgetSizes, type WidgetBuildResult } from './widget.ts';

const widgetDir = fileURLToPath(new URL('../widget/', import.meta.url));

describe('widget build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'widget-size-'));
  let result: WidgetBuildResult;
  beforeAll(async () => {
    result = await buildWidget({ outDir });
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it(`keeps the loader within ${LOADER_BUDGET} bytes and everything needed to open and answer within ${TOTAL_BUDGET}`, () => {
    const sizes = widgetSizes(outDir);
    console.log(`widget gzip bytes: loader ${sizes.loader}, app ${sizes.app}, total ${sizes.total}`);
    expect(sizes.loader).toBeLessThanOrEqual(LOADER_BUDGET);
    expect(sizes.total).toBeLessThanOrEqual(TOTAL_BUDGET);
  });

  it('imports each language entry with the chunks it needs, and leaves the call-back form out of them', () => {
    const loader = readFileSync(join(outDir, 'widget.js'), 'utf8');
    for (const files of Object.values(result.appFiles)) {
      // One entry and one shared chunk (CallbackForm.tsx imports main.tsx for this): every extra file costs gzip bytes.
      expect(files, files.join()).toHaveLength(2);
      for (const file of files) expect(loader).toContain(file);
      const opened = files.map((f) => readFileSync(join(outDir, f), 'utf8')).join('\n');
      expect(opened).not.toContain('sc-website');
    }
    const lazy = readdirSync(outDir).filter((f) => f.endsWith('.js') && !Object.values(result.appFiles).flat().includes(f) && f !== 'widget.js');
    expect(lazy.some((f) => readFileSync(join(outDir, f), 'utf8').includes('sc-website'))).toBe(true);
  });

  it('ships no eval, and its own code sets no HTML strings or inline style attributes (strict CSP, Trusted Types)', () => {
    for (const file of readdirSync(outDir).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(join(outDir, file), 'utf8'), file).not.toMatch(/\beval\(|new Function\(/);
    }
    const sources = readdirSync(widgetDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      expect(readFileSync(join(widgetDir, file), 'utf8'), file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\bstyle=|setAttribute\('style'/);
    }
  });
});
