import { useSignal } from '@preact/signals';

export function Login({ onToken }: { onToken: (token: string) => void }) {
  const token = useSignal('');
  return (
    <main class="login">
      <h1>Clinic chat: staff</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.value.trim()) onToken(token.value.trim());
        }}
      >
        <label for="token">Staff token (ADMIN_TOKEN)</label>
        <input
          id="token"
          type="password"
          autocomplete="current-password"
          value={token.value}
          onInput={(e) => (token.value = e.currentTarget.value)}
        />
        <button type="submit">Open inbox</button>
      </form>
    </main>
  );
}
