// The parts of the Cypher console around the editor, each rendering a slice of the console state and dispatching to
// its controller: the note on the embedded store, the JSON parameters, the Run bar (Run or Cancel, what Run does to
// the canvas, Undo), what stopped or followed a run, and the results of the run's statements.

import type { KeyboardEvent } from "react";
import type { CypherConsoleController } from "./console-actions.ts";
import {
  DRAW_CHOICES,
  DRAW_CHOICE_LABELS,
  describeErrorPlace,
  isDrawChoice,
  selectStatement,
  setDrawChoice,
  setParams,
  shownStatement,
  type ConsoleState,
} from "./console-state.ts";
import type { ParamsParse } from "./params.ts";
import { EmbeddedHelp } from "./EmbeddedHelp.tsx";
import { ErrorView, ResultView } from "./ResultView.tsx";
import type { StatementStatus } from "./run-statements.ts";
import { queryParameters } from "./statements.ts";

interface PartProps {
  controller: CypherConsoleController;
  state: ConsoleState;
}

const STATUS_MARKS: Record<StatementStatus, string> = {
  pending: "–",
  running: "…",
  done: "✓",
  error: "✗",
  cancelled: "■",
  skipped: "–",
};

function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** On the embedded store: how to start Neo4j, emphasised once Run was pressed. */
export function EmbeddedNote({ emphasised }: { emphasised: boolean }) {
  return (
    <div
      className={emphasised ? "console-embedded emphasised" : "console-embedded"}
      data-testid="console-embedded"
      role="note"
    >
      <p className="console-embedded-title">Cypher needs Neo4j.</p>
      <EmbeddedHelp />
    </div>
  );
}

export function ParamsField({ controller, state, params, onRun }: PartProps & { params: ParamsParse; onRun(): void }) {
  const used = queryParameters(state.query);
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onRun();
    }
  };
  return (
    <>
      <label className="console-params">
        <span>
          Parameters <span className="muted">(JSON)</span>
          {used.length > 0 && <span className="muted"> · uses {used.map((p) => `$${p}`).join(", ")}</span>}
        </span>
        <textarea
          value={state.paramsText}
          onChange={(e) => controller.store.update(setParams(e.target.value))}
          onKeyDown={onKey}
          placeholder='{"id": "china"}'
          spellCheck={false}
          rows={Math.min(6, Math.max(1, state.paramsText.split("\n").length))}
          aria-invalid={!params.ok}
          data-testid="console-params"
        />
      </label>
      {!params.ok && (
        <p className="console-field-error" data-testid="console-params-error">
          {params.message}
        </p>
      )}
    </>
  );
}

export function RunBar({ controller, state, canUndo, onRun }: PartProps & { canUndo: boolean; onRun(): void }) {
  const runKeys = isMac() ? "⌘↵" : "Ctrl+Enter";
  return (
    <div className="console-row console-actions">
      {state.run?.running ? (
        <button onClick={controller.cancel} data-testid="console-cancel" className="danger">
          Cancel
        </button>
      ) : (
        <button className="primary" onClick={onRun} title={`Run (${runKeys})`} data-testid="console-run">
          Run <span className="keys">{runKeys}</span>
        </button>
      )}
      <select
        value={state.drawChoice}
        onChange={(e) => isDrawChoice(e.target.value) && controller.store.update(setDrawChoice(e.target.value))}
        title="What Run does to the canvas"
        aria-label="Results on the canvas"
        data-testid="console-canvas-mode"
      >
        {DRAW_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {DRAW_CHOICE_LABELS[choice]}
          </option>
        ))}
      </select>
      {canUndo && state.draws > 0 && (
        <button
          onClick={controller.undoDraw}
          title="Undo the last change the console made to the canvas"
          data-testid="console-undo"
        >
          Undo canvas
        </button>
      )}
    </div>
  );
}

/** Why nothing ran (the embedded store, a draft refused), and the passing notice. */
export function RunMessages({ state, embedded }: { state: ConsoleState; embedded: boolean }) {
  return (
    <>
      {embedded && state.embeddedHint && (
        <p className="console-field-error" role="alert" data-testid="console-embedded-run">
          Not run: this server has no Neo4j. Start it as explained above, then run the query again.
        </p>
      )}
      {state.planError && <ErrorView error={state.planError} />}
      {state.notice && (
        <p className="muted" role="status">
          {state.notice}
        </p>
      )}
    </>
  );
}

export function RunResults({ controller, state }: PartProps) {
  const statements = state.run?.statements ?? [];
  const shown = shownStatement(state);
  if (!state.run || statements.length === 0) return null;
  return (
    <section className="console-results" aria-label="Results">
      {statements.length > 1 && (
        <div className="console-statement-tabs" role="tablist" aria-label="Statements">
          {statements.map((s, i) => (
            <button
              key={i}
              role="tab"
              aria-selected={i === shown?.index}
              className={`${i === shown?.index ? "on " : ""}${s.status}`}
              onClick={() => controller.store.update(selectStatement(i))}
              title={s.statement.text}
              data-testid="console-statement-tab"
            >
              {i + 1} {STATUS_MARKS[s.status]}
            </button>
          ))}
        </div>
      )}
      {shown && (
        <ResultView
          key={`${shown.index}-${shown.run.statement.from}-${shown.run.result?.timeMs ?? shown.run.status}`}
          run={shown.run}
          params={state.run.plan.params}
          errorWhere={describeErrorPlace(state)}
          onDraw={(graph) => controller.draw(graph, controller.store.get().drawChoice)}
        />
      )}
    </section>
  );
}
