// One statement's outcome: while running, a spinner; on success, the row count, time and truncation, and the result
// as a table (sortable, copyable as TSV), as a graph (drawn on the canvas on demand) or as raw JSON, with CSV and
// JSON exports; on failure, the error in plain words.

import { useMemo, useState } from "react";
import { copyText, downloadText } from "./browser-io.ts";
import type { ConsoleError } from "./console-errors.ts";
import { EmbeddedHelp } from "./EmbeddedHelp.tsx";
import { exportFileName, toCsv, toJsonExport, toTsv } from "./export.ts";
import { describeGraph, isEmptyGraph, resultGraph, type ConsoleGraph } from "./result-graph.ts";
import { sortedRowIndices, type SortOrder } from "./result-table.ts";
import { ResultTable } from "./ResultTable.tsx";
import { truncationText } from "./truncation.ts";
import type { StatementRun } from "./run-statements.ts";

const VIEWS = ["table", "graph", "json"] as const;
type View = (typeof VIEWS)[number];

export function ErrorView({ error, where }: { error: ConsoleError; where?: string }) {
  return (
    <div className={`console-error ${error.kind}`} role="alert" data-testid="console-error">
      <p className="console-error-title">{error.title}</p>
      {error.kind === "embedded" ? (
        <EmbeddedHelp />
      ) : (
        <>
          {error.message !== error.title && (
            <p className="console-error-message">
              {error.code && <code className="console-error-code">{error.code}</code>} {error.message}
            </p>
          )}
          {where && <p className="console-error-where">{where}</p>}
          {error.rule && <p className="muted">Refused by the guard's “{error.rule}” rule.</p>}
          {error.action && <p className="muted">{error.action}</p>}
        </>
      )}
    </div>
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

interface Props {
  run: StatementRun;
  params: Record<string, unknown>;
  /** Where the error is marked in the editor, e.g. "Marked in the editor at line 3, column 10." */
  errorWhere?: string;
  onDraw?(graph: ConsoleGraph): void;
}

export function ResultView({ run, params, errorWhere, onDraw }: Props) {
  const [view, setView] = useState<View>("table");
  const [sort, setSort] = useState<SortOrder | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const result = run.result;
  const order = useMemo(() => (result ? sortedRowIndices(result.rows, sort) : []), [result, sort]);
  const graph = useMemo(() => (result ? resultGraph([result]).graph : null), [result]);

  if (run.status === "pending") return <p className="muted">Waiting for the statements before it.</p>;
  if (run.status === "running") return <p className="busy">Running…</p>;
  if (run.status === "skipped") return <p className="muted">Not run: a statement before it failed or was cancelled.</p>;
  if (run.error) return <ErrorView error={run.error} where={errorWhere} />;
  if (!result) return null;

  const copy = async () => {
    try {
      await copyText(toTsv(result, order));
      setCopied("Copied as TSV.");
    } catch (error) {
      setCopied(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
    setTimeout(() => setCopied(null), 2500);
  };
  const exportCsv = () => downloadText(exportFileName("csv", new Date()), toCsv(result), "text/csv;charset=utf-8");
  const exportJson = () =>
    downloadText(
      exportFileName("json", new Date()),
      toJsonExport(result, { query: run.statement.text, params, truncated: result.truncated, exportedAt: new Date() }),
      "application/json",
    );

  return (
    <div className="console-result" data-testid="console-result">
      <p className="console-summary" data-testid="console-summary">
        {plural(result.rows.length, "row", "rows")} in {result.timeMs.toLocaleString("en")} ms
        {result.truncated && (
          <span className="warn" data-testid="console-truncated">
            {" "}
            · {truncationText(result)}
          </span>
        )}
      </p>
      <div className="console-result-bar">
        <div className="segmented" role="tablist" aria-label="Show the result as">
          {VIEWS.map((v) => (
            <button
              key={v}
              role="tab"
              aria-selected={view === v}
              className={view === v ? "on" : ""}
              onClick={() => setView(v)}
            >
              {v === "json" ? "JSON" : v[0]!.toUpperCase() + v.slice(1)}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button onClick={copy} title="Copy the table as tab-separated text (pastes into a spreadsheet)">
          Copy
        </button>
        <button onClick={exportCsv} title="Download the table as CSV" data-testid="console-export-csv">
          CSV
        </button>
        <button onClick={exportJson} title="Download the query and rows as JSON" data-testid="console-export-json">
          JSON
        </button>
      </div>
      {copied && (
        <p className="muted" role="status">
          {copied}
        </p>
      )}
      {view === "table" && (
        <ResultTable columns={result.columns} rows={result.rows} order={order} sort={sort} onSort={setSort} />
      )}
      {view === "graph" && graph && (
        <div className="console-graph-view">
          <p>{isEmptyGraph(graph) ? "No nodes or relationships in this result." : describeGraph(graph)}</p>
          {onDraw && !isEmptyGraph(graph) && (
            <button onClick={() => onDraw(graph)}>Draw this result on the canvas</button>
          )}
          {!isEmptyGraph(graph) && (
            <ul className="console-graph-list">
              {graph.nodes.slice(0, 50).map((n) => (
                <li key={n.key}>
                  <span className="muted">{n.kind ?? n.labels.join(":")}</span> {n.label}
                </li>
              ))}
              {graph.nodes.length > 50 && <li className="muted">… {graph.nodes.length - 50} more</li>}
            </ul>
          )}
        </div>
      )}
      {view === "json" && (
        <pre className="console-json" data-testid="console-json">
          {JSON.stringify({ columns: result.columns, rows: result.rows }, null, 2)}
        </pre>
      )}
    </div>
  );
}
