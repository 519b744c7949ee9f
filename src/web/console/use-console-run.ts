// The console's controller for Run and Cancel: runs a checked plan statement by statement through the server,
// keeps each statement's status for the UI, aborts on Cancel (the server ends the transaction) or when the console
// goes away, and hands the run's graph to `onGraph` once all statements are done.

import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api/client.ts";
import type { ConsoleError } from "./console-errors.ts";
import type { ConsoleGraph } from "./result-graph.ts";
import { graphOfRun, runStatements, type RunPlan, type StatementRun } from "./run-statements.ts";

export type ReadyPlan = Extract<RunPlan, { ok: true }>;

export interface ConsoleRun {
  /** The plan that was run: its text, parameters and statements. */
  plan: ReadyPlan;
  statements: StatementRun[];
  running: boolean;
  /** The graph of the whole run, once known (null while running or when it failed). */
  graph: ConsoleGraph | null;
}

export interface ConsoleRunner {
  run: ConsoleRun | null;
  /** An error that stopped the run before it started (parameters, nothing to run). */
  planError: ConsoleError | null;
  start(plan: RunPlan): void;
  cancel(): void;
}

export function useConsoleRun(onFinished: (run: ConsoleRun) => void, initial: ConsoleRun | null = null): ConsoleRunner {
  const [run, setRun] = useState<ConsoleRun | null>(initial);
  const [planError, setPlanError] = useState<ConsoleError | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  useEffect(() => () => abortRef.current?.abort(), []);

  const start = useCallback((plan: RunPlan) => {
    if (!plan.ok) {
      // What would run is wrong: the previous results would only confuse.
      abortRef.current?.abort();
      abortRef.current = null;
      setRun(null);
      setPlanError(plan.error);
      return;
    }
    setPlanError(null);
    abortRef.current?.abort();
    const abort = new AbortController();
    abortRef.current = abort;
    const runner = (query: string, params: Record<string, unknown>, signal: AbortSignal) =>
      api.cypher(query, params, signal);
    // A newer run replaces this one: from then on this one's updates are dropped.
    const update = (patch: Partial<ConsoleRun>) => {
      if (abortRef.current === abort) setRun((current) => (current ? { ...current, ...patch } : current));
    };
    setRun({ plan, statements: [], running: true, graph: null });
    void (async () => {
      const statements = await runStatements(plan.statements, plan.params, runner, abort.signal, (s) =>
        update({ statements: s }),
      );
      const results = statements.flatMap((s) => (s.result ? [s.result] : []));
      const graph =
        results.length > 0 && !abort.signal.aborted
          ? await graphOfRun(results, { run: runner, signal: abort.signal })
          : null;
      if (abortRef.current !== abort) return;
      const done: ConsoleRun = { plan, statements, running: false, graph };
      update(done);
      finished.current(done);
    })();
  }, []);

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  return { run, planError, start, cancel };
}
