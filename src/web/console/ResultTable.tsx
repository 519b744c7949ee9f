// A result as a table: one column per returned name, sortable by clicking its header (ascending, descending, as
// returned), cells in Cypher notation with the full value on hover.

import { useMemo } from "react";
import { formatValue, nextSortOrder, type SortOrder } from "./result-table.ts";

interface Props {
  columns: readonly string[];
  rows: readonly (readonly unknown[])[];
  order: readonly number[];
  sort: SortOrder | null;
  onSort(sort: SortOrder | null): void;
}

function Cell({ value }: { value: unknown }) {
  const text = formatValue(value);
  if (value === null || value === undefined) return <td className="null">null</td>;
  const numeric = typeof value === "number";
  return (
    <td className={numeric ? "num" : undefined} title={text.length > 40 ? text : undefined}>
      {text}
    </td>
  );
}

export function ResultTable({ columns, rows, order, sort, onSort }: Props) {
  const body = useMemo(
    () =>
      order.map((i) => (
        <tr key={i}>
          {columns.map((_, c) => (
            <Cell key={c} value={rows[i]![c]} />
          ))}
        </tr>
      )),
    [columns, rows, order],
  );
  if (columns.length === 0) return <p className="muted">The statement returned no columns.</p>;
  return (
    <div className="console-table-wrap">
      <table className="console-table" data-testid="console-table">
        <thead>
          <tr>
            {columns.map((name, c) => {
              const dir = sort?.column === c ? sort.direction : null;
              return (
                <th key={c} aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none"}>
                  <button className="link" onClick={() => onSort(nextSortOrder(sort, c))} title={`Sort by ${name}`}>
                    {name}
                    <span className="sort-mark">{dir === "asc" ? " ▲" : dir === "desc" ? " ▼" : ""}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}
