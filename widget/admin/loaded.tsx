import type { ComponentChildren } from 'preact';
import type { Signal } from '@preact/signals';

interface LoadedProps<T> {
  data: Signal<T[] | null>;
  error: Signal<string | null>;
  empty: string;
  children: (rows: T[]) => ComponentChildren;
}

/** The error, empty and loaded states every staff list shares. */
export function Loaded<T>({ data, error, empty, children }: LoadedProps<T>) {
  if (error.value) return <p role="alert">{error.value}</p>;
  if (!data.value) return null;
  return data.value.length === 0 ? <p class="empty">{empty}</p> : <>{children(data.value)}</>;
}

/** A plain table of text cells, for lists that need no controls. */
export function SimpleTable({ head, rows }: { head: string[]; rows: Array<Array<string | number>> }) {
  return (
    <table>
      <thead>
        <tr>
          {head.map((h) => (
            <th>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            {r.map((c) => (
              <td>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
