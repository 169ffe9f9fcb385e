/**
 * On the screens about the session token (none in the address, a wrong
 * one), a field to type or paste the token `livesurface token` prints, and,
 * where this device keeps a token, a way to forget it. A home-screen app has
 * no address bar to open a new address in: this is where its token is
 * replaced. `TokenForm` is the view; `PageTokenForm` acts on this page.
 */
import { useId, useState, type FormEvent } from 'react';
import { addressWithToken, forgetSessionToken, pageSessionToken, tokenStorage } from './session-token';
import './token-form.css';

export interface TokenFormProps {
  /** Open the surface with this token (kept in place of any other). */
  onUse: (token: string) => void;
  /** Forget the token this device keeps; absent where it keeps none. */
  onForget?: () => void;
}

export function TokenForm({ onUse, onForget }: TokenFormProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const token = typed.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token) onUse(token);
  };
  return (
    <form className="ls-token-form" onSubmit={submit}>
      <label className="ls-token-label" htmlFor={id}>
        Or type the token <code>livesurface token</code> prints
      </label>
      <div className="ls-token-row">
        <input
          id={id}
          className="ls-token-input"
          type="text"
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit" className="ls-status-action" disabled={!token}>
          Open the surface
        </button>
      </div>
      {onForget && (
        <button type="button" className="ls-token-forget" onClick={onForget}>
          Forget this device’s token
        </button>
      )}
    </form>
  );
}

/** The form acting on this page: a token opens this address with it (the page keeps it), forgetting reopens it without. */
export function PageTokenForm() {
  const keeps = pageSessionToken() !== null;
  return (
    <TokenForm
      onUse={(token) => window.location.assign(addressWithToken(window.location, token))}
      onForget={
        keeps
          ? () => {
              forgetSessionToken(tokenStorage());
              window.location.assign(addressWithToken(window.location, null));
            }
          : undefined
      }
    />
  );
}
