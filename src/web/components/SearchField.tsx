// An autocomplete field over entity names and aliases in every language (/api/search): type, pick with the mouse or
// the arrow keys and Enter. Shows which alias matched ("中国" → China). Used by the top search and the path finder.

import { useEffect, useId, useRef, useState } from "react";
import { KIND_INFO, type EntitySummary, type SearchHit } from "../../model/index.ts";
import { api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import { kindStyle } from "../graph/style.ts";
import { ShapeSwatch } from "./Swatch.tsx";

export interface SearchFieldProps {
  id: string;
  placeholder: string;
  label: string;
  /** Text shown when the field is not being edited (the chosen entity's name). */
  value?: string;
  onChoose(entity: EntitySummary): void;
  limit?: number;
}

export function SearchField({ id, placeholder, label, value = "", onChoose, limit = 8 }: SearchFieldProps) {
  const [text, setText] = useState(value);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) setText(value);
  }, [value]);

  useEffect(() => {
    const q = text.trim();
    if (!typed.current || q.length === 0) {
      setHits([]);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api
        .search(q, limit, abort.signal)
        .then(({ hits }) => {
          setHits(hits);
          setActive(0);
          setError(null);
          setOpen(true);
        })
        .catch((e) => {
          if (!abort.signal.aborted) setError(describeError(e, "searching").message);
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text, limit]);

  const choose = (hit: SearchHit) => {
    typed.current = false;
    setText(hit.entity.name);
    setOpen(false);
    setHits([]);
    onChoose(hit.entity);
  };

  return (
    <div className="search-field">
      <input
        id={id}
        type="search"
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        placeholder={placeholder}
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        value={text}
        onChange={(e) => {
          typed.current = true;
          setText(e.target.value);
        }}
        onFocus={() => hits.length && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(hits.length - 1, a + 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === "Enter" && hits[active]) {
            e.preventDefault();
            choose(hits[active]!);
          } else if (e.key === "Escape") {
            setOpen(false);
            (e.target as HTMLInputElement).blur();
          }
        }}
      />
      {error && <div className="search-error">{error}</div>}
      {open && typed.current && text.trim() && (
        <ul className="search-hits" id={listId} role="listbox">
          {hits.length === 0 && <li className="search-empty">No entity matches “{text.trim()}”.</li>}
          {hits.map((hit, i) => {
            const style = kindStyle(hit.entity.kind);
            return (
              <li
                key={hit.entity.id}
                role="option"
                aria-selected={i === active}
                className={i === active ? "active" : ""}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(hit);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <ShapeSwatch shape={style.shape} color={style.color} />
                <span className="hit-name">{hit.entity.name}</span>
                {hit.matched !== hit.entity.name && <span className="hit-alias">{hit.matched}</span>}
                <span className="hit-kind">{KIND_INFO[hit.entity.kind]?.noun ?? hit.entity.kind}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
