// "What changed" in the Analysis tab: two days (or since the open deck's last scene), the changes the server finds
// between them (GET /api/changes) listed with their evidence, and drawn on the canvas: new relations thick and
// labelled, ended ones dashed. Capturing a scene freezes the change with it (Scene.views.changes).

import { useState } from "react";
import type { ChangeRecord, ChangesAnswer } from "../../model/changes.ts";
import { readRelation } from "../../model/readout.ts";
import { api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import { useExplorer, useExplorerState } from "../app/context.ts";
import { requestCamera, select } from "../state/explorer-state.ts";
import { setChanges, useAnalysis } from "./analysis-state.ts";
import { useAnalysisStore } from "./use-views.ts";

const KIND_LABEL = { began: "New", ended: "Ended", changed: "New evidence" } as const;

export function changesView(answer: ChangesAnswer) {
  const of = (kind: ChangeRecord["change"]) =>
    answer.changes.filter((c) => c.change === kind).map((c) => c.relation.id);
  return { from: answer.from, to: answer.to, added: of("began"), ended: of("ended"), changed: of("changed") };
}

function ChangeItem({ change, name }: { change: ChangeRecord; name: (id: string) => string }) {
  const explorer = useExplorer();
  const r = change.relation;
  const sentence = readRelation({
    type: r.type,
    from: { id: r.from, name: name(r.from) },
    to: { id: r.to, name: name(r.to) },
  });
  const evidence =
    change.change === "changed" ? r.evidence.filter((e) => change.newSources.includes(e.source)) : r.evidence;
  const show = async () => {
    if (!(await explorer.ensureEntity(r.from)) || !(await explorer.ensureEntity(r.to))) return;
    explorer.store.update(select({ kind: "relation", id: r.id }));
    explorer.store.update(requestCamera({ kind: "nodes", ids: [r.from, r.to] }));
  };
  return (
    <li data-change={change.change}>
      <span className={`change-kind ${change.change}`}>{KIND_LABEL[change.change]}</span> {change.on}:{" "}
      <button className="link" onClick={() => void show()}>
        {sentence}
      </button>
      {evidence.slice(0, 2).map((e, i) => (
        <p key={i} className="evidence">
          “{e.text}” <span className="muted">({e.source})</span>
        </p>
      ))}
    </li>
  );
}

export function ChangesSection({ lastSceneAt }: { lastSceneAt?: string | undefined }) {
  const store = useAnalysisStore();
  const dataset = useExplorerState((s) => s.dataset);
  const range = useExplorerState((s) => s.summary?.dateRange);
  const shown = useAnalysis(store, (s) => s.changes);
  const [from, setFrom] = useState(shown?.from ?? "");
  const [to, setTo] = useState(shown?.to ?? range?.max ?? "");
  const [answer, setAnswer] = useState<ChangesAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = new Map(answer?.entities.map((e) => [e.id, e.name]) ?? []);
  const name = (id: string) => names.get(id) ?? id;

  const run = async (start: string, end: string) => {
    setError(null);
    try {
      const result = await api.changes({ from: start, to: end, ...(dataset ? { dataset } : {}) });
      setAnswer(result);
      store.update(setChanges(changesView(result)));
    } catch (e) {
      setError(describeError(e, "asking what changed").message);
    }
  };
  const sinceLastScene = () => {
    if (!lastSceneAt) return;
    const start = lastSceneAt.slice(0, 10);
    const end = new Date().toISOString().slice(0, 10);
    setFrom(start);
    setTo(end);
    void run(start, end);
  };
  const clear = () => {
    setAnswer(null);
    store.update(setChanges(null));
  };

  return (
    <section className="analysis-section" aria-label="What changed">
      <h3>What changed</h3>
      <div className="analysis-row">
        <input type="date" aria-label="Changes from" value={from} onChange={(e) => setFrom(e.target.value)} />
        →
        <input type="date" aria-label="Changes to" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="analysis-row">
        <button data-testid="changes-run" disabled={!from || !to} onClick={() => void run(from, to)}>
          Show changes
        </button>
        <button
          disabled={!lastSceneAt}
          onClick={sinceLastScene}
          title={lastSceneAt ? `Since ${lastSceneAt.slice(0, 10)}` : "Open a deck with a scene first (Briefings)"}
        >
          Since the deck's last scene
        </button>
        {shown && (
          <button className="link" onClick={clear}>
            Clear
          </button>
        )}
      </div>
      {error && <p className="error">{error}</p>}
      {answer && (
        <>
          <p className="hint" data-testid="changes-summary">
            {answer.from} → {answer.to}: {answer.changes.length} change{answer.changes.length === 1 ? "" : "s"}
            {answer.truncated ? " (the first ones; narrow the dates for the rest)" : ""}.
          </p>
          <ol className="change-list" data-testid="changes-list">
            {answer.changes.map((c) => (
              <ChangeItem key={c.relation.id} change={c} name={name} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
