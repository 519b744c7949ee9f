// The console's state producers and readouts: the draft, the draw choice, a run from start to finish (which
// statement is shown, the error mark, stale updates dropped), the schema, the library and the lists.

import { describe, expect, it } from "vitest";
import {
  DRAW_CHOICES,
  countDraw,
  createConsoleState,
  describeErrorPlace,
  finishRun,
  isDrawChoice,
  libraryFailed,
  libraryLoaded,
  loadQuery,
  rejectPlan,
  retrySchema,
  schemaFailed,
  selectStatement,
  setDrawChoice,
  setParams,
  setQuery,
  setSchema,
  showEmbeddedHint,
  shownStatement,
  startRun,
  uncountDraw,
  updateStatements,
  type ConsoleState,
  type ReadyPlan,
} from "../../../../src/web/console/console-state.ts";
import { paramsError } from "../../../../src/web/console/console-errors.ts";
import { planRun, type StatementRun } from "../../../../src/web/console/run-statements.ts";
import { EMPTY_SCHEMA } from "../../../../src/web/console/schema.ts";
import { result } from "./fixtures.ts";

const empty = () => createConsoleState({ history: [], saved: [] });

function ready(query: string, params = ""): ReadyPlan {
  const plan = planRun(query, params);
  if (!plan.ok) throw new Error(`test plan refused: ${plan.error.message}`);
  return plan;
}

function statuses(plan: ReadyPlan, ...status: StatementRun["status"][]): StatementRun[] {
  return plan.statements.map((statement, i) => ({ statement, status: status[i] ?? "pending" }));
}

describe("createConsoleState", () => {
  it("should start from an empty draft when there is no history", () => {
    const s = empty();
    expect([s.query, s.paramsText, s.drawChoice, s.run, s.library.status]).toEqual(["", "", "merge", null, "loading"]);
  });

  it("should start from the latest run of the history", () => {
    const s = createConsoleState({
      history: [
        { query: "RETURN $x", params: '{"x": 1}', at: "2026-01-02T00:00:00Z" },
        { query: "RETURN 1", params: "", at: "2026-01-01T00:00:00Z" },
      ],
      saved: [],
    });
    expect([s.query, s.paramsText]).toEqual(["RETURN $x", '{"x": 1}']);
  });
});

describe("draft producers", () => {
  it("should return the same state when nothing changes", () => {
    const s = empty();
    expect(setQuery("")(s)).toBe(s);
    expect(setParams("")(s)).toBe(s);
    expect(setDrawChoice("merge")(s)).toBe(s);
    expect(selectStatement(null)(s)).toBe(s);
  });

  it("should set the query and the parameters", () => {
    const s = setParams('{"id": "china"}')(setQuery("RETURN $id")(empty()));
    expect([s.query, s.paramsText]).toEqual(["RETURN $id", '{"id": "china"}']);
  });

  it("should ask the editor to take a loaded query, a new request each time", () => {
    const once = loadQuery("RETURN 1", "{}")(empty());
    const twice = loadQuery("RETURN 1", "{}")(once);
    expect([once.query, once.paramsText, once.loadRequest?.query]).toEqual(["RETURN 1", "{}", "RETURN 1"]);
    expect(twice.loadRequest?.nonce).toBe((once.loadRequest?.nonce ?? 0) + 1);
  });

  it.each([
    ["merge", true],
    ["replace", true],
    ["off", true],
    ["add", false],
    ["", false],
  ])("should tell whether %j is a draw choice (%s)", (value, expected) => {
    expect(isDrawChoice(value)).toBe(expected);
  });

  it("should list every draw choice once", () => {
    expect(new Set(DRAW_CHOICES).size).toBe(DRAW_CHOICES.length);
  });

  it("should not count draws below zero", () => {
    expect(uncountDraw()(empty()).draws).toBe(0);
    expect(uncountDraw()(countDraw()(countDraw()(empty()))).draws).toBe(1);
  });

  it("should emphasise the embedded note once", () => {
    const s = showEmbeddedHint()(empty());
    expect(s.embeddedHint).toBe(true);
    expect(showEmbeddedHint()(s)).toBe(s);
  });
});

describe("run producers", () => {
  it("should drop the previous run when the plan is refused", () => {
    const plan = ready("RETURN 1");
    const running = startRun(1, plan)(empty());
    const refused = rejectPlan(paramsError("The parameters are not valid JSON."))(running);
    expect(refused.run).toBeNull();
    expect(refused.planError?.message).toBe("The parameters are not valid JSON.");
  });

  it("should ignore updates of a run that another replaced", () => {
    const plan = ready("RETURN 1");
    const s = startRun(2, plan)(startRun(1, plan)(empty()));
    expect(updateStatements(1, statuses(plan, "done"))(s)).toBe(s);
    expect(finishRun(1, statuses(plan, "done"), null)(s)).toBe(s);
  });

  it("should record statuses while running and clear the error place on start", () => {
    const plan = ready("RETURN 1; RETURN 2");
    const started = startRun(1, plan)({ ...empty(), selected: 0, errorMark: { from: 0, to: 1, message: "x" } });
    expect([started.selected, started.errorMark, started.run?.running]).toEqual([null, null, true]);
    const s = updateStatements(1, statuses(plan, "done", "running"))(started);
    expect(s.run?.statements.map((r) => r.status)).toEqual(["done", "running"]);
  });

  it("should show the last statement that succeeded when all went well", () => {
    const plan = ready("RETURN 1; RETURN 2");
    const done = statuses(plan, "done", "done").map((r) => ({ ...r, result: result(["x"], [[1]]) }));
    const s = finishRun(1, done, null)(startRun(1, plan)(empty()));
    expect([s.run?.running, s.selected, shownStatement(s)?.index]).toEqual([false, 1, 1]);
  });

  it("should show and mark the statement that failed while the editor holds the text that ran", () => {
    const query = "RETURN 1;\nMATCH (n) RETRN n";
    const plan = ready(query);
    const failure = { kind: "neo4j" as const, title: "Syntax error", message: "Invalid input 'RETRN'" };
    const error = { ...failure, position: { line: 1, column: 11, offset: 10 } };
    const runs: StatementRun[] = [
      { statement: plan.statements[0]!, status: "done", result: result(["x"], [[1]]) },
      { statement: plan.statements[1]!, status: "error", error },
    ];
    const s = finishRun(1, runs, null)(startRun(1, plan)(setQuery(query)(empty())));
    expect(s.selected).toBe(1);
    expect(s.errorMark).toEqual({ from: 20, to: 25, message: "Invalid input 'RETRN'" });
    expect(describeErrorPlace(s)).toBe("At line 2, column 11, marked in the editor.");
    const edited = setQuery("RETURN 3")(s);
    expect(describeErrorPlace(edited)).toBe("At line 2, column 11.");
  });

  it("should not mark an error when the text changed while it ran", () => {
    const plan = ready("MATCH (n) RETRN n");
    const error = {
      kind: "neo4j" as const,
      title: "Syntax error",
      message: "Invalid input",
      position: { line: 1, column: 11, offset: 10 },
    };
    const runs: StatementRun[] = [{ statement: plan.statements[0]!, status: "error", error }];
    const s = finishRun(1, runs, null)(startRun(1, plan)(setQuery("RETURN 2")(empty())));
    expect(s.errorMark).toBeNull();
  });

  it("should show nothing before a run", () => {
    expect(shownStatement(empty())).toBeNull();
    expect(describeErrorPlace(empty())).toBeUndefined();
  });
});

describe("schema and library producers", () => {
  it("should keep a note when the schema could not be read, and clear it once read", () => {
    const failed = schemaFailed("Neo4j is not reachable")(empty());
    expect(failed.schemaNote).toBe(
      "Completion knows Cypher but not this graph's labels and types yet (Neo4j is not reachable)",
    );
    const read = setSchema({ ...EMPTY_SCHEMA, labels: ["Country"] })(failed);
    expect([read.schemaNote, read.schema.labels]).toEqual([null, ["Country"]]);
    expect(retrySchema()(read).schemaAttempt).toBe(read.schemaAttempt + 1);
  });

  it("should record the library or why it failed", () => {
    const failed: ConsoleState = libraryFailed("The server did not answer.")(empty());
    expect(failed.library).toEqual({ status: "error", queries: [], error: "The server did not answer." });
    const query = { id: "q", name: "Q", description: "", params: {}, query: "RETURN 1" };
    expect(libraryLoaded([query])(failed).library).toEqual({ status: "ready", queries: [query] });
  });
});
