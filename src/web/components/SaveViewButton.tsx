// "Save view": keeps the view on screen on the server (its state and every entity's position) under a new id, puts
// `saved=<id>` in the URL and copies the link, so whoever opens it gets the same picture. When the server wants its
// editor token for the write, asks for it once (kept for this tab's session, as the Briefings tab does) and retries.

import { useState } from "react";
import { ApiError, describeError } from "../api/errors.ts";
import { storeEditorToken } from "../api/editor-token.ts";
import { useExplorer, useExplorerState } from "../app/context.ts";
import { saveView } from "../app/saved-views.ts";
import { analysisStore } from "../analysis/analysis-state.ts";
import { setNotice } from "../state/explorer-state.ts";

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function SaveViewButton() {
  const explorer = useExplorer();
  const { store, graph } = explorer;
  const ready = useExplorerState((s) => s.load.phase === "ready" && !s.layoutRunning);
  const [saving, setSaving] = useState(false);

  const save = async (retried = false): Promise<void> => {
    setSaving(true);
    try {
      const link = await saveView(store, graph, analysisStore(explorer).get().collapsed);
      const copied = await copy(link);
      store.update(setNotice({ text: `View saved: ${link}${copied ? " (link copied)" : ""}`, tone: "info" }));
    } catch (error) {
      if (!retried && error instanceof ApiError && error.status === 401) {
        const token = window.prompt(`${error.message}\n\nEditor token (kept for this tab's session only):`);
        if (token?.trim()) {
          storeEditorToken(token);
          return save(true);
        }
      }
      const report = describeError(error, "saving the view");
      store.update(setNotice({ text: `${report.message} ${report.action}`, tone: "error" }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <button
      disabled={!ready || saving}
      onClick={() => void save()}
      data-testid="save-view"
      title="Save this view on the server and copy a link that shows every reader the same picture"
    >
      {saving ? "Saving…" : "Save view"}
    </button>
  );
}
