// What changed in the database since a scene was frozen, before the analyst accepts it: relations added, removed
// and changed (field by field), entities gone or changed. Nothing changes in the scene until "Accept".

import { readRelation, type RelationRecord } from "../../model/index.ts";
import type { PendingRefresh } from "./briefing-state.ts";
import { describeFieldChange, summarizeDiff } from "./scene-diff.ts";

function sentence(r: RelationRecord, names: ReadonlyMap<string, string>): string {
  const end = (id: string) => ({ id, name: names.get(id) ?? id });
  return readRelation({ type: r.type, from: end(r.from), to: end(r.to) });
}

export function RefreshDialog({
  title,
  pending,
  onAccept,
  onDismiss,
}: {
  title: string;
  pending: PendingRefresh;
  onAccept: () => void;
  onDismiss: () => void;
}) {
  const { diff, fresh } = pending;
  const names = new Map<string, string>();
  for (const e of [...diff.entitiesRemoved, ...fresh.entities]) names.set(e.id, e.name);
  return (
    <div className="dialog-backdrop" onClick={onDismiss}>
      <div
        className="dialog refresh-dialog"
        role="dialog"
        aria-label="Changes since the scene was captured"
        data-testid="refresh-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <h2>“{title}”: what changed</h2>
        <p className="refresh-summary">{summarizeDiff(diff)}.</p>
        {diff.added.length > 0 && (
          <section>
            <h3>Added</h3>
            <ul>
              {diff.added.map((r) => (
                <li key={r.id} className="diff-added">
                  + {sentence(r, names)}
                  {r.evidence[0] && <blockquote>{r.evidence[0].text}</blockquote>}
                </li>
              ))}
            </ul>
          </section>
        )}
        {diff.removed.length > 0 && (
          <section>
            <h3>Removed</h3>
            <ul>
              {diff.removed.map((r) => (
                <li key={r.id} className="diff-removed">
                  − {sentence(r, names)}
                </li>
              ))}
            </ul>
          </section>
        )}
        {diff.changed.length > 0 && (
          <section>
            <h3>Changed</h3>
            <ul>
              {diff.changed.map((c) => (
                <li key={c.id} className="diff-changed">
                  ~ {sentence(c.after, names)}:{" "}
                  {c.fields.map((f) => describeFieldChange(f, c.before, c.after)).join("; ")}
                </li>
              ))}
            </ul>
          </section>
        )}
        {(diff.entitiesRemoved.length > 0 || diff.entitiesChanged.length > 0) && (
          <section>
            <h3>Entities</h3>
            <ul>
              {diff.entitiesRemoved.map((e) => (
                <li key={e.id} className="diff-removed">
                  − {e.name} is no longer in the database
                </li>
              ))}
              {diff.entitiesChanged.map((c) => (
                <li key={c.id} className="diff-changed">
                  ~ {c.before.name}:{" "}
                  {c.fields.map((f) => `${f} ${String(c.before[f] ?? "—")} → ${String(c.after[f] ?? "—")}`).join("; ")}
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="actions">
          <button className="primary" onClick={onAccept}>
            Accept the changes
          </button>
          <button onClick={onDismiss}>Keep the frozen scene</button>
        </div>
      </div>
    </div>
  );
}
