/** Tappable questions (starters, related, suggestions): each one asks itself. */
import { useApp } from './context.ts';

export function Chips({ label, questions }: { label: string; questions: string[] }) {
  const { store } = useApp();
  if (!questions.length) return null;
  return (
    <div class="chips">
      <p class="label">{label}</p>
      <ul>
        {questions.map((q) => (
          <li>
            <button type="button" class="chip" onClick={() => void store.ask(q)}>
              {q}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
