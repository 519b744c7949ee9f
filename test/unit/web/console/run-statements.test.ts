// One Run: the plan (statements, parameters, missing $names), statements in order each with its own result, a
// failure stopping the rest, cancelling, and the run's graph completed with the ends of bare relationships.

import { describe, expect, it } from "vitest";
import type { CypherResult } from "../../../../src/model/index.ts";
import { errorFromBody } from "../../../../src/web/api/errors.ts";
import { MISSING_NODES_QUERY } from "../../../../src/web/console/result-graph.ts";
import { graphOfRun, planRun, runStatements, type RunCypher } from "../../../../src/web/console/run-statements.ts";
import { splitStatements } from "../../../../src/web/console/statements.ts";
import { exportsTo, result, russia, smic } from "./fixtures.ts";

describe("planRun", () => {
  it("splits the statements and reads the parameters", () => {
    const plan = planRun("MATCH (e {id: $id}) RETURN e; RETURN 2", '{"id": "china"}');
    expect(plan.ok && plan.statements.map((s) => s.text)).toEqual(["MATCH (e {id: $id}) RETURN e", "RETURN 2"]);
    expect(plan.ok && plan.params).toEqual({ id: "china" });
  });

  it("refuses an empty query", () => {
    const plan = planRun(" // only a comment\n", "");
    expect(plan.ok === false && plan.error.message).toBe("Write a Cypher query first.");
  });

  it("refuses parameters that are not a JSON object, with the place", () => {
    const plan = planRun("RETURN $id", "{id: 1}");
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.error.kind).toBe("invalid");
      expect(plan.paramsLine).toBe(1);
      expect(plan.error.message).toMatch(/not valid JSON at line 1, column 2/);
    }
  });

  it("names parameters the query uses but does not set", () => {
    const plan = planRun("MATCH p = (a {id: $from})--(b {id: $to}) RETURN p", '{"from": "smic"}');
    expect(plan.ok === false && plan.error.message).toBe(
      'The query uses $to but the parameters do not set it: add {"to": …} to the parameters.',
    );
  });
});

function fakeRun(answers: Record<string, CypherResult | Error>, calls: string[] = []): RunCypher {
  return async (query, _params, signal) => {
    calls.push(query);
    await Promise.resolve();
    if (signal.aborted) throw new DOMException("aborted", "AbortError");
    const answer = answers[query];
    if (!answer) throw new Error(`unexpected query ${query}`);
    if (answer instanceof Error) throw answer;
    return answer;
  };
}

describe("runStatements", () => {
  it("runs each statement in order with its own result", async () => {
    const calls: string[] = [];
    const one = result(["x"], [[1]]);
    const two = result(["y"], [[2]]);
    const changes: string[][] = [];
    const runs = await runStatements(
      splitStatements("RETURN 1 AS x; RETURN 2 AS y"),
      {},
      fakeRun({ "RETURN 1 AS x": one, "RETURN 2 AS y": two }, calls),
      new AbortController().signal,
      (r) => changes.push(r.map((s) => s.status)),
    );
    expect(calls).toEqual(["RETURN 1 AS x", "RETURN 2 AS y"]);
    expect(runs.map((r) => [r.status, r.result])).toEqual([
      ["done", one],
      ["done", two],
    ]);
    expect(changes[0]).toEqual(["pending", "pending"]);
    expect(changes).toContainEqual(["done", "running"]);
  });

  it("stops at the first failure and skips the rest", async () => {
    const refused = errorFromBody(403, {
      error: { status: 403, message: "The query would change the graph.", rule: "write" },
    });
    const calls: string[] = [];
    const runs = await runStatements(
      splitStatements("RETURN 1; CREATE (n); RETURN 3"),
      {},
      fakeRun({ "RETURN 1": result(["1"], [[1]]), "CREATE (n)": refused }, calls),
      new AbortController().signal,
    );
    expect(calls).toEqual(["RETURN 1", "CREATE (n)"]);
    expect(runs.map((r) => r.status)).toEqual(["done", "error", "skipped"]);
    expect(runs[1]!.error).toMatchObject({ kind: "refused", rule: "write" });
  });

  it("marks the running statement cancelled and skips the rest when aborted", async () => {
    const abort = new AbortController();
    const run: RunCypher = (_q, _p, signal) =>
      new Promise((_, reject) => {
        signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        abort.abort();
      });
    const runs = await runStatements(splitStatements("RETURN 1; RETURN 2"), {}, run, abort.signal);
    expect(runs.map((r) => r.status)).toEqual(["cancelled", "skipped"]);
    expect(runs[0]!.error?.kind).toBe("cancelled");
  });

  it("reports an unexpected failure as a server error", async () => {
    const runs = await runStatements(
      splitStatements("RETURN 1"),
      {},
      fakeRun({ "RETURN 1": new Error("boom") }),
      new AbortController().signal,
    );
    expect(runs[0]).toMatchObject({ status: "error", error: { kind: "server", message: "boom" } });
  });
});

describe("graphOfRun", () => {
  it("fetches the ends of relationships returned without their nodes", async () => {
    const calls: { query: string; params: Record<string, unknown> }[] = [];
    const run: RunCypher = async (query, params) => {
      calls.push({ query, params });
      return result(["n"], [[smic], [russia]]);
    };
    const graph = await graphOfRun([result(["r"], [[exportsTo]])], { run, signal: new AbortController().signal });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(MISSING_NODES_QUERY);
    expect((calls[0]!.params.ids as string[]).sort()).toEqual([russia.elementId, smic.elementId].sort());
    expect(graph.nodes.map((n) => n.key)).toEqual(["smic", "russia"]);
    expect(graph.edges.map((e) => e.key)).toEqual(["r-smic-russia"]);
  });

  it("asks nothing when nothing is missing, and keeps what it has when the fetch fails", async () => {
    let asked = 0;
    const failing: RunCypher = async () => {
      asked++;
      throw new Error("down");
    };
    const signal = new AbortController().signal;
    const full = await graphOfRun([result(["a"], [[smic]])], { run: failing, signal });
    expect(asked).toBe(0);
    expect(full.nodes).toHaveLength(1);
    const partial = await graphOfRun([result(["r"], [[exportsTo]])], { run: failing, signal });
    expect(asked).toBe(1);
    expect(partial).toEqual({ nodes: [], edges: [] });
  });
});
