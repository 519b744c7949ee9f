// The path finder: from and to (search fields, or "path from/to here" on an entity), hop limit, direction,
// alternatives, allowed stances and relation types. The answer is listed below and highlighted on the canvas.

import { RELATION_TYPES, STANCES, STANCE_INFO, type RelationType, type Stance } from "../../model/index.ts";
import { useExplorer, useExplorerState } from "../app/context.ts";
import { STANCE_COLOR } from "../graph/style.ts";
import { clearPath, rememberNames, setPathQuery } from "../state/explorer-state.ts";
import { K_LIMIT, MAX_HOPS_LIMIT, clampInt, describePathLimits, isRunnable } from "../state/path-query.ts";
import { PathResults } from "./PathResults.tsx";
import { SearchField } from "./SearchField.tsx";

function toggleIn<T>(list: readonly T[] | undefined, all: readonly T[], value: T): T[] | undefined {
  const current = new Set(list ?? all);
  if (current.has(value)) current.delete(value);
  else current.add(value);
  const next = all.filter((v) => current.has(v));
  return next.length === all.length ? undefined : next;
}

const ALL_TYPES = RELATION_TYPES.map((t) => t.type);

export function PathFinder() {
  const explorer = useExplorer();
  const { store } = explorer;
  const query = useExplorerState((s) => s.path.query);
  const status = useExplorerState((s) => s.path.status);
  const names = useExplorerState((s) => s.names);
  const update = (q: Parameters<typeof setPathQuery>[0]) => store.update(setPathQuery(q));
  const limits = describePathLimits(query);

  return (
    <div className="path-finder" data-testid="path-finder">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void explorer.runPaths();
        }}
      >
        <label className="field">
          <span>From</span>
          <SearchField
            id="path-from"
            label="Path from"
            placeholder="Start entity"
            value={query.from ? (names[query.from] ?? query.from) : ""}
            onChoose={(entity) => {
              store.update(rememberNames([entity]));
              update({ from: entity.id });
            }}
          />
        </label>
        <button
          type="button"
          className="link swap"
          title="Swap from and to"
          onClick={() => update({ from: query.to, to: query.from })}
        >
          ⇅ swap
        </button>
        <label className="field">
          <span>To</span>
          <SearchField
            id="path-to"
            label="Path to"
            placeholder="End entity"
            value={query.to ? (names[query.to] ?? query.to) : ""}
            onChoose={(entity) => {
              store.update(rememberNames([entity]));
              update({ to: entity.id });
            }}
          />
        </label>
        <div className="field-row">
          <label className="field small">
            <span>Max hops</span>
            <input
              type="number"
              min={1}
              max={MAX_HOPS_LIMIT}
              value={query.maxHops}
              aria-label="Max hops"
              onChange={(e) => update({ maxHops: clampInt(Number(e.target.value), 1, MAX_HOPS_LIMIT, 4) })}
            />
          </label>
          <label className="field small">
            <span>Paths</span>
            <input
              type="number"
              min={1}
              max={K_LIMIT}
              value={query.k}
              aria-label="Number of paths"
              onChange={(e) => update({ k: clampInt(Number(e.target.value), 1, K_LIMIT, 3) })}
            />
          </label>
        </div>
        <p className={limits.lowered ? "path-limits warn" : "path-limits muted"} data-testid="path-limits">
          {limits.text}
        </p>
        <fieldset className="inline">
          <legend>Direction</legend>
          <label className="check">
            <input type="radio" checked={query.direction === "any"} onChange={() => update({ direction: "any" })} />
            <span>either way</span>
          </label>
          <label className="check">
            <input
              type="radio"
              checked={query.direction === "follow"}
              onChange={() => update({ direction: "follow" })}
            />
            <span>follow the arrows</span>
          </label>
        </fieldset>
        <fieldset className="inline">
          <legend>Stances</legend>
          {STANCES.map((stance) => (
            <label key={stance} className="check" title={STANCE_INFO[stance].definition}>
              <input
                type="checkbox"
                aria-label={`Path stance ${stance}`}
                checked={!query.stances || query.stances.includes(stance)}
                onChange={() => update({ stances: toggleIn<Stance>(query.stances, STANCES, stance) })}
              />
              <span style={{ color: STANCE_COLOR[stance] }}>{STANCE_INFO[stance].label}</span>
            </label>
          ))}
        </fieldset>
        <details className="types-picker">
          <summary>Relation types: {query.types ? `${query.types.length} of ${ALL_TYPES.length}` : "all"}</summary>
          <div className="types-list">
            {RELATION_TYPES.map((t) => (
              <label key={t.type} className="check" title={t.definition}>
                <input
                  type="checkbox"
                  checked={!query.types || query.types.includes(t.type)}
                  onChange={() => update({ types: toggleIn<RelationType>(query.types, ALL_TYPES, t.type) })}
                />
                <span style={{ color: STANCE_COLOR[t.stance] }}>{t.reading}</span>
              </label>
            ))}
          </div>
        </details>
        <div className="actions">
          <button type="submit" className="primary" disabled={!isRunnable(query) || status === "loading"}>
            {status === "loading" ? "Finding…" : "Find paths"}
          </button>
          <button type="button" onClick={() => store.update(clearPath())}>
            Clear
          </button>
        </div>
      </form>
      <PathResults />
    </div>
  );
}
