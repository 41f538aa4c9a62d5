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

/** A plain table; cells may hold controls (a button naming the row). */
export function SimpleTable({ head, rows, caption, visibleCaption = false }: { head: string[]; rows: Array<ComponentChildren[]>; caption?: string; visibleCaption?: boolean }) {
  return (
    <table>
      {caption && <caption class={visibleCaption ? undefined : 'vh'}>{caption}</caption>}
      <thead>
        <tr>
          {head.map((h) => (
            <th scope="col">{h}</th>
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
