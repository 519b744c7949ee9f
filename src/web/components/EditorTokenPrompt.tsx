// The one prompt for the server's editor token, shown when a write (a deck save, an accepted report claim) was refused
// without it. The token is kept for this browser tab's session only (src/web/api/editor-token.ts).

import { useState } from "react";

export interface EditorTokenPromptProps {
  /** The server's refusal, shown beneath the request; "not it" / "neither" in it means a wrong token was given. */
  reason: string;
  /** What the token is for, ending the sentence "This server needs its editor token to ...". */
  purpose: string;
  testId: string;
  onGive(token: string): void;
  onDismiss(): void;
}

export function EditorTokenPrompt({ reason, purpose, testId, onGive, onDismiss }: EditorTokenPromptProps) {
  const [token, setToken] = useState("");
  return (
    <form
      className="token-prompt"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        onGive(token);
      }}
    >
      <p className="error-text">
        {/not it|neither/.test(reason)
          ? "That is not the server's editor token."
          : `This server needs its editor token to ${purpose}.`}
      </p>
      <p className="muted small">{reason}</p>
      <label className="field">
        <span>Editor token (kept for this browser tab's session only)</span>
        <input
          type="password"
          autoComplete="off"
          data-testid="editor-token"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </label>
      <div className="actions">
        <button className="primary" type="submit" disabled={!token.trim()}>
          Use token
        </button>
        <button type="button" onClick={onDismiss}>
          Not now
        </button>
      </div>
    </form>
  );
}
