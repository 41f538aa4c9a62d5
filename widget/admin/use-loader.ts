import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { UnauthorizedError } from './api.ts';

/**
 * Loads data once per `reloadKey` change; a 401 hands control back to the
 * sign-in form instead of showing a broken dashboard.
 */
export function useLoader<T>(load: () => Promise<T>, onUnauthorized: (error: UnauthorizedError) => void, reloadKey: unknown = 0) {
  const data = useSignal<T | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    load().then(
      (value) => {
        data.value = value;
        error.value = null;
      },
      (err: unknown) => {
        if (err instanceof UnauthorizedError) onUnauthorized(err);
        else error.value = err instanceof Error ? err.message : String(err);
      },
    );
  }, [reloadKey]);
  return { data, error };
}
