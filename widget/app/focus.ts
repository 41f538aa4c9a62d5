/** Moves focus to the element once it appears, so keyboard and screen-reader users land on the new view. */
import { useEffect, useRef } from 'preact/hooks';

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
