// One end of a claim card: the entity it names now (of the store, or new), and a search over the store's entities
// (GET /api/search) to pick another, or a new entity of the typed name and a chosen kind. Keyboard: type, arrows to
// move through the choices, Enter to take one, Escape to close.

import { useEffect, useId, useState } from "react";
import { ENTITY_KINDS, type EntityKind } from "../../model/kinds.ts";
import type { SearchHit } from "../../model/index.ts";
import type { CardEnd } from "./report-state.ts";
import { useReports } from "./use-reports.ts";

interface Props {
  label: string;
  end: CardEnd;
  onChange(end: CardEnd): void;
  testId: string;
}

export function EndPicker({ label, end, onChange, testId }: Props) {
  const reports = useReports();
  const [query, setQuery] = useState<string | null>(null);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const listId = useId();
  const open = query !== null;

  useEffect(() => {
    if (query === null || !query.trim()) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      reports.search(query, controller.signal).then(
        (found) => setHits(found),
        () => setHits([]),
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, reports]);

  const choices: { label: string; pick: () => CardEnd }[] = [
    ...hits.map((h) => ({
      label: `${h.entity.name} (${h.entity.kind})`,
      pick: (): CardEnd => ({ id: h.entity.id, name: h.entity.name, kind: h.entity.kind }),
    })),
    ...(query?.trim()
      ? [
          {
            label: `New: “${query.trim()}” (${end.kind})`,
            pick: (): CardEnd => ({ id: null, name: query.trim(), kind: end.kind }),
          },
        ]
      : []),
  ];
  const take = (i: number) => {
    const choice = choices[i];
    if (!choice) return;
    onChange(choice.pick());
    setQuery(null);
  };

  return (
    <div className="end-picker" data-testid={testId}>
      <span className="end-label">{label}</span>
      <span className="end-name" data-testid={`${testId}-name`}>
        {end.name} <span className={end.id ? "end-tag known" : "end-tag new"}>{end.id ? "in store" : "new"}</span>
      </span>
      {end.id === null && (
        <select
          aria-label={`${label}: kind of the new entity`}
          value={end.kind}
          onChange={(e) => onChange({ ...end, kind: e.target.value as EntityKind })}
        >
          {ENTITY_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      )}
      <input
        className="end-search"
        role="combobox"
        aria-expanded={open && choices.length > 0}
        aria-controls={listId}
        aria-label={`${label}: search the store's entities, or type a new name`}
        placeholder="Change…"
        value={query ?? ""}
        data-testid={`${testId}-search`}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, choices.length - 1));
          else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
          else if (e.key === "Enter") take(active);
          else if (e.key === "Escape") setQuery(null);
          else return;
          e.preventDefault();
        }}
        onBlur={() => setTimeout(() => setQuery(null), 200)}
      />
      {open && choices.length > 0 && (
        <ul className="end-choices" role="listbox" id={listId}>
          {choices.map((c, i) => (
            <li
              key={c.label}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                take(i);
              }}
            >
              {c.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
