// The console's actions against an injected server (a function answering Cypher by its text) and an in-memory
// storage: Run on the embedded store, a refused draft, a run drawn on the connected canvas, leaving the console
// cancelling its run, the library fetched once, and saving, removing and clearing queries.

import { describe, expect, it } from "vitest";
import type { CypherResult } from "../../../../src/model/index.ts";
import {
  createCypherConsole,
  getCypherConsole,
  type ConsoleDeps,
} from "../../../../src/web/console/console-actions.ts";
import { setDrawChoice, setParams, setQuery } from "../../../../src/web/console/console-state.ts";
import { HISTORY_KEY, memoryStorage, SAVED_KEY } from "../../../../src/web/console/query-storage.ts";
import type { ConsoleGraph } from "../../../../src/web/console/result-graph.ts";
import type { RunCypher } from "../../../../src/web/console/run-statements.ts";
import { china, result } from "./fixtures.ts";

const chinaResult = result(["e"], [[china]], { graph: { nodes: [china], relationships: [] } });

function server(answers: Record<string, CypherResult>, calls: string[] = [], gate?: Promise<void>): RunCypher {
  return async (query, _params, signal) => {
    calls.push(query);
    await (gate ?? Promise.resolve());
    if (signal.aborted) throw new DOMException("aborted", "AbortError");
    const answer = answers[query];
    if (!answer) throw new Error(`unexpected query ${query}`);
    return answer;
  };
}

function make(runCypher: RunCypher, extra: Partial<ConsoleDeps> = {}) {
  const storage = memoryStorage();
  const controller = createCypherConsole({
    storage,
    runCypher,
    fetchLibrary: async () => [],
    ...extra,
  });
  const drawn: { graph: ConsoleGraph; mode: string }[] = [];
  let undone = 0;
  const disconnect = controller.connect({ draw: (graph, mode) => drawn.push({ graph, mode }), undo: () => undone++ });
  return { controller, storage, drawn, disconnect, undone: () => undone };
}

async function settle(controller: { store: { get(): { run: { running: boolean } | null } } }): Promise<void> {
  for (let i = 0; i < 50 && controller.store.get().run?.running; i++) await new Promise((r) => setTimeout(r, 0));
}

describe("createCypherConsole", () => {
  it("should run nothing on the embedded store and say why", () => {
    const calls: string[] = [];
    const { controller } = make(server({}, calls));
    controller.store.update(setQuery("RETURN 1"));
    controller.run(true);
    expect(controller.store.get().embeddedHint).toBe(true);
    expect(calls).toEqual([]);
  });

  it("should refuse a draft whose parameters are missing, without calling the server", () => {
    const calls: string[] = [];
    const { controller } = make(server({}, calls));
    controller.store.update(setQuery("RETURN $id"));
    controller.run(false);
    expect(controller.store.get().planError?.message).toMatch(/uses \$id but the parameters do not set it/);
    expect(calls).toEqual([]);
  });

  it("should run the draft, record it in the history and draw its graph on the canvas", async () => {
    const { controller, storage, drawn } = make(server({ "MATCH (e) RETURN e": chinaResult }));
    controller.store.update(setQuery("MATCH (e) RETURN e"));
    controller.store.update(setParams("{}"));
    controller.run(false);
    await settle(controller);
    const s = controller.store.get();
    expect(s.run?.statements.map((r) => r.status)).toEqual(["done"]);
    expect(s.history.map((h) => h.query)).toEqual(["MATCH (e) RETURN e"]);
    expect(storage.data.get(HISTORY_KEY)).toContain("MATCH (e) RETURN e");
    expect(drawn.map((d) => [d.mode, d.graph.nodes.map((n) => n.key)])).toEqual([["merge", ["china"]]]);
    expect(s.draws).toBe(1);
  });

  it("should leave the canvas alone when the draw choice is off, and draw on demand", async () => {
    const { controller, drawn, undone } = make(server({ "MATCH (e) RETURN e": chinaResult }));
    controller.store.update(setQuery("MATCH (e) RETURN e"));
    controller.store.update(setDrawChoice("off"));
    controller.run(false);
    await settle(controller);
    expect(drawn).toEqual([]);
    controller.draw(controller.store.get().run!.graph!, "off");
    expect(drawn.map((d) => d.mode)).toEqual(["merge"]);
    controller.undoDraw();
    expect([undone(), controller.store.get().draws]).toEqual([1, 0]);
  });

  it("should cancel the run when the console is left", async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { controller, drawn, disconnect } = make(server({ "MATCH (e) RETURN e": chinaResult }, [], gate));
    controller.store.update(setQuery("MATCH (e) RETURN e"));
    controller.run(false);
    disconnect();
    open();
    await settle(controller);
    expect(controller.store.get().run?.statements.map((r) => r.status)).toEqual(["cancelled"]);
    expect(drawn).toEqual([]);
  });

  it("should fetch the library once it is there", async () => {
    let fetched = 0;
    const query = { id: "q", name: "Q", description: "", params: {}, query: "RETURN 1" };
    const { controller } = make(server({}), { fetchLibrary: async () => (fetched++, [query]) });
    controller.loadLibrary();
    await Promise.resolve();
    await Promise.resolve();
    controller.loadLibrary();
    expect([fetched, controller.store.get().library.status]).toEqual([1, "ready"]);
  });

  it("should refuse to save without a name, then save, remove and clear", () => {
    const { controller, storage } = make(server({}));
    controller.store.update(setQuery("RETURN 1"));
    expect(controller.save(" ", "")).toBe("Give the query a name to save it.");
    expect(controller.save("One", "the number")).toBeNull();
    const [saved] = controller.store.get().saved;
    expect([saved?.name, controller.store.get().notice]).toEqual(["One", "Saved “One”."]);
    controller.removeSaved(saved!.id);
    expect([controller.store.get().saved, storage.data.get(SAVED_KEY)]).toEqual([[], "[]"]);
    controller.clearHistory();
    expect(controller.store.get().history).toEqual([]);
  });
});

describe("getCypherConsole", () => {
  it("should keep one console per owner, so the draft outlives the tab", () => {
    const explorer = {};
    const first = getCypherConsole(explorer);
    first.store.update(setQuery("RETURN 42"));
    expect(getCypherConsole(explorer)).toBe(first);
    expect(getCypherConsole(explorer).store.get().query).toBe("RETURN 42");
    expect(getCypherConsole({})).not.toBe(first);
  });
});
