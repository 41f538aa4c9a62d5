import { useSignal } from '@preact/signals';
import type { StaffMe } from '../../server/api/contract.ts';
import { adminApi, RequestError } from './api.ts';

/** The contract's sign-in form: "Email", "Password", "Sign in" (and "Code" when the account has an authenticator). */
export function SignIn({ onSignedIn, notice }: { onSignedIn: (me: StaffMe) => void; notice: string | null }) {
  const error = useSignal<string | null>(null);
  const needCode = useSignal(false);
  const busy = useSignal(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    busy.value = true;
    try {
      onSignedIn(await adminApi.login({ email: value('email'), password: value('password'), ...(needCode.value ? { code: value('code') } : {}) }));
    } catch (err) {
      if (err instanceof RequestError) {
        if (err.body.totpRequired) needCode.value = true;
        error.value =
          err.status === 429 && err.retryAfter
            ? `Too many failed sign-ins. Try again in ${Math.ceil(err.retryAfter / 60)} minute(s).`
            : err.body.fields
              ? Object.entries(err.body.fields).map(([f, r]) => `${f}: ${r}`).join('; ')
              : err.body.error;
      } else error.value = 'The server could not be reached. Please try again.';
    } finally {
      busy.value = false;
    }
  };

  return (
    <main class="login">
      <h1>Clinic chat: staff</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} aria-describedby={error.value ? 'sign-in-error' : undefined}>
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        {needCode.value && (
          <>
            <label for="code">Code from your authenticator app</label>
            <input id="code" name="code" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" required />
          </>
        )}
        {error.value && (
          <p id="sign-in-error" class="error" role="alert">
            {error.value}
          </p>
        )}
        <button type="submit" aria-disabled={busy.value}>
          Sign in
        </button>
      </form>
    </main>
  );
}
