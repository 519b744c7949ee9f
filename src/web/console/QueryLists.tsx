// The queries to start from: the library that ships with Statecraft, the analyst's saved queries (name and
// description, with a form to save the current one) and the history of runs. One click loads a query with its
// parameters into the editor.

import { useState, type FormEvent } from "react";
import type { LibraryState } from "./console-state.ts";
import { formatParams } from "./params.ts";
import type { HistoryEntry, SavedQuery } from "./query-storage.ts";

const LIST_TABS = ["library", "saved", "history"] as const;
type ListTab = (typeof LIST_TABS)[number];

interface Props {
  library: LibraryState;
  saved: SavedQuery[];
  history: HistoryEntry[];
  onLoad(query: string, params: string): void;
  /** Saves the editor's query and parameters; returns why it could not, or null. */
  onSave(name: string, description: string): string | null;
  onRemoveSaved(id: string): void;
  onClearHistory(): void;
}

function firstLine(query: string): string {
  const line = query.split("\n").find((l) => l.trim() !== "" && !l.trim().startsWith("//")) ?? query;
  return line.trim().length > 90 ? `${line.trim().slice(0, 89)}…` : line.trim();
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleString("en-GB", { dateStyle: "short", timeStyle: "short" });
}

function SaveForm({ onSave, onDone }: { onSave: Props["onSave"]; onDone(): void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const why = onSave(name, description);
    setProblem(why);
    if (!why) onDone();
  };
  return (
    <form className="console-save-form" onSubmit={submit} aria-label="Save the current query">
      <label>
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={120} />
      </label>
      <label>
        <span>Description</span>
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {problem && (
        <p className="console-field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="console-row">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function QueryLists({ library, saved, history, onLoad, onSave, onRemoveSaved, onClearHistory }: Props) {
  const [tab, setTab] = useState<ListTab>("library");
  const [saving, setSaving] = useState(false);
  const counts: Record<ListTab, number> = {
    library: library.queries.length,
    saved: saved.length,
    history: history.length,
  };
  const labels: Record<ListTab, string> = { library: "Library", saved: "Saved", history: "History" };

  return (
    <section className="console-lists" aria-label="Queries" data-testid="console-lists">
      <div className="segmented" role="tablist">
        {LIST_TABS.map((t) => (
          <button
            key={t}
            role="tab"
            aria-selected={tab === t}
            className={tab === t ? "on" : ""}
            onClick={() => setTab(t)}
          >
            {labels[t]} <span className="count-inline">{counts[t]}</span>
          </button>
        ))}
      </div>

      {tab === "library" && (
        <ul className="console-list" data-testid="console-library">
          {library.status === "loading" && <li className="muted busy">Loading the library…</li>}
          {library.status === "error" && (
            <li className="console-field-error">Could not load the library: {library.error}</li>
          )}
          {library.status === "ready" && library.queries.length === 0 && (
            <li className="muted">The library is empty.</li>
          )}
          {library.queries.map((q) => (
            <li key={q.id}>
              <button className="link" onClick={() => onLoad(q.query, formatParams(q.params))} title={q.query}>
                {q.name}
              </button>
              {q.description && <p className="muted">{q.description}</p>}
            </li>
          ))}
        </ul>
      )}

      {tab === "saved" && (
        <>
          {saving ? (
            <SaveForm onSave={onSave} onDone={() => setSaving(false)} />
          ) : (
            <button onClick={() => setSaving(true)} data-testid="console-save-open">
              Save the current query…
            </button>
          )}
          <ul className="console-list" data-testid="console-saved">
            {saved.length === 0 && <li className="muted">No saved queries yet.</li>}
            {saved.map((q) => (
              <li key={q.id}>
                <div className="console-row">
                  <button className="link" onClick={() => onLoad(q.query, q.params)} title={q.query}>
                    {q.name}
                  </button>
                  <span className="spacer" />
                  <button className="link remove" aria-label={`Delete ${q.name}`} onClick={() => onRemoveSaved(q.id)}>
                    ×
                  </button>
                </div>
                {q.description && <p className="muted">{q.description}</p>}
              </li>
            ))}
          </ul>
        </>
      )}

      {tab === "history" && (
        <>
          <ul className="console-list" data-testid="console-history">
            {history.length === 0 && <li className="muted">Queries you run appear here.</li>}
            {history.map((h, i) => (
              <li key={`${h.at}-${i}`}>
                <button className="link mono" onClick={() => onLoad(h.query, h.params)} title={h.query}>
                  {firstLine(h.query)}
                </button>
                <p className="muted">
                  {when(h.at)}
                  {h.params.trim() && ` · ${h.params.replace(/\s+/g, " ").slice(0, 80)}`}
                </p>
              </li>
            ))}
          </ul>
          {history.length > 0 && (
            <button className="link" onClick={onClearHistory}>
              Clear the history
            </button>
          )}
        </>
      )}
    </section>
  );
}
