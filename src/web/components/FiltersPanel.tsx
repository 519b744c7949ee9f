// Filters over what the canvas shows: entity kinds, relation stances and relation types (grouped by stance), each
// with a live count of what it would show given the other filters. Built from the model's registries.

import {
  ENTITY_KINDS,
  KIND_INFO,
  RELATION_TYPES,
  STANCES,
  STANCE_INFO,
  type RelationType,
  type Stance,
} from "../../model/index.ts";
import { useExplorer, useExplorerState, useVisibility } from "../app/context.ts";
import { KIND_STYLE, STANCE_COLOR } from "../graph/style.ts";
import { setFilters } from "../state/explorer-state.ts";
import {
  ALL_TYPES,
  isDefaultFilters,
  resetFilters,
  setTypes,
  toggleKind,
  toggleStance,
  toggleType,
} from "../state/filters.ts";
import { LineSwatch, ShapeSwatch } from "./Swatch.tsx";
import { shownLabel } from "../state/status.ts";

function typesOf(stance: Stance): RelationType[] {
  return RELATION_TYPES.filter((t) => t.stance === stance).map((t) => t.type);
}

export function FiltersPanel() {
  const { store } = useExplorer();
  const filters = useExplorerState((s) => s.filters);
  const visibility = useVisibility();
  const facets = visibility?.facets;
  const update = (p: Parameters<typeof setFilters>[0]) => store.update(setFilters(p));

  return (
    <div className="filters" data-testid="filters">
      <div className="panel-row">
        <span className="muted">
          {visibility ? `${shownLabel(visibility.nodes.size, visibility.edges)} shown` : "…"}
        </span>
        <button className="link" disabled={isDefaultFilters(filters)} onClick={() => update(resetFilters())}>
          Reset
        </button>
      </div>

      <fieldset>
        <legend>Entity kinds</legend>
        {ENTITY_KINDS.filter((k) => (facets?.kinds[k] ?? 0) > 0 || !filters.kinds.has(k)).map((kind) => (
          <label key={kind} className="check" title={KIND_INFO[kind].definition}>
            <input type="checkbox" checked={filters.kinds.has(kind)} onChange={() => update(toggleKind(kind))} />
            <ShapeSwatch shape={KIND_STYLE[kind].shape} color={KIND_STYLE[kind].color} />
            <span>{KIND_INFO[kind].plural}</span>
            <span className="count">{facets?.kinds[kind] ?? 0}</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Stances</legend>
        {STANCES.map((stance) => (
          <label key={stance} className="check" title={STANCE_INFO[stance].definition}>
            <input
              type="checkbox"
              checked={filters.stances.has(stance)}
              onChange={() => update(toggleStance(stance))}
            />
            <LineSwatch color={STANCE_COLOR[stance]} />
            <span>{STANCE_INFO[stance].label}</span>
            <span className="count">{facets?.stances[stance] ?? 0}</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>
          Relation types
          <span className="legend-actions">
            <button className="link" onClick={() => update(setTypes(ALL_TYPES))}>
              all
            </button>
            <button className="link" onClick={() => update(setTypes([]))}>
              none
            </button>
          </span>
        </legend>
        {STANCES.map((stance) => (
          <div key={stance} className="type-group">
            <div className="type-group-title" style={{ color: STANCE_COLOR[stance] }}>
              {STANCE_INFO[stance].label}
            </div>
            {typesOf(stance).map((type) => {
              const spec = RELATION_TYPES.find((t) => t.type === type)!;
              const count = facets?.types[type] ?? 0;
              return (
                <label key={type} className={count ? "check" : "check empty"} title={spec.definition}>
                  <input type="checkbox" checked={filters.types.has(type)} onChange={() => update(toggleType(type))} />
                  <span>{spec.reading}</span>
                  <span className="count">{count}</span>
                </label>
              );
            })}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
