/**
 * Re-renders the calling component whenever one of `signals` changes. This
 * ten-line bridge between @preact/signals-core and Preact replaces the
 * @preact/signals integration (about 1.2 KB gzip), which would break the
 * 16 KB budget; the widget is small enough for the root to watch its store.
 */
import { effect, type ReadonlySignal } from '@preact/signals-core';
import { useEffect, useState } from 'preact/hooks';

export function useWatch(...signals: ReadonlySignal<unknown>[]): void {
  const [, rerender] = useState(0);
  const rendered = signals.map((s) => s.peek());
  useEffect(() => {
    let first = true;
    return effect(() => {
      // The first run subscribes; it re-renders only if a value moved since render.
      const changed = signals.map((s) => s.value).some((v, i) => v !== rendered[i]);
      if (changed || !first) rerender((n) => n + 1);
      first = false;
    });
  }, []);
}
