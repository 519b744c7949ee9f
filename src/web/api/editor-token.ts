// The editor token (STATECRAFT_EDITOR_TOKEN on the server) the person typed in the Briefings tab, kept for this tab's
// session only: sessionStorage, never localStorage (it would outlive the session) and never the URL (it would land in
// history, logs and shared links). http.ts sends it with every request when one is stored.

const KEY = "statecraft.editorToken";

/** The tab's sessionStorage, or undefined where there is none (tests in Node, storage disabled by the browser). */
function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function storedEditorToken(): string | undefined {
  try {
    return session()?.getItem(KEY) || undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the token for this tab's session; an empty one forgets it. */
export function storeEditorToken(token: string): void {
  const storage = session();
  if (!storage) return;
  const value = token.trim();
  if (value) storage.setItem(KEY, value);
  else storage.removeItem(KEY);
}
