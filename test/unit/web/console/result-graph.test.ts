// Results as a graph for the canvas: entities and relations keyed by their ids (so they merge with the explorer's),
// other nodes and relationships by element id; nodes found in paths, lists and maps; values kept as sent.

import { describe, expect, it } from "vitest";
import {
  describeGraph,
  resultGraph,
  SYNTHETIC_PREFIX,
  type ConsoleGraph,
} from "../../../../src/web/console/result-graph.ts";
import { china, cites, exportsTo, locatedIn, result, russia, smic, source } from "./fixtures.ts";

const keys = (g: ConsoleGraph) => ({ nodes: g.nodes.map((n) => n.key), edges: g.edges.map((e) => e.key) });

describe("resultGraph", () => {
  it("maps entity nodes and relations to their ids, with label, kind and properties", () => {
    const { graph, missing } = resultGraph([result(["a", "r", "b"], [[smic, locatedIn, china]])]);
    expect(missing).toEqual([]);
    expect(graph.nodes).toEqual([
      {
        key: "smic",
        label: "SMIC",
        kind: "Company",
        properties: smic.properties,
        labels: ["Entity", "Company"],
        entity: true,
      },
      {
        key: "china",
        label: "China",
        kind: "Country",
        properties: china.properties,
        labels: ["Entity", "Country"],
        entity: true,
      },
    ]);
    expect(graph.edges).toEqual([
      {
        key: "r-smic-china",
        source: "smic",
        target: "china",
        type: "LOCATED_IN",
        properties: locatedIn.properties,
        relation: true,
      },
    ]);
  });

  it("keys other nodes and relationships without an id by element id", () => {
    const { graph } = resultGraph([result(["c", "r", "s"], [[china, cites, source]])]);
    expect(keys(graph)).toEqual({
      nodes: ["china", `${SYNTHETIC_PREFIX}4:db:9`],
      edges: [`${SYNTHETIC_PREFIX}5:db:22`],
    });
    const src = graph.nodes[1]!;
    expect(src).toMatchObject({ label: "Briefing, 9 March 2022", entity: false, labels: ["Source"] });
    expect(src.kind).toBeUndefined();
    expect(graph.edges[0]).toMatchObject({ source: "china", target: `${SYNTHETIC_PREFIX}4:db:9`, relation: false });
  });

  it("unpacks paths, and finds nodes and relationships in nested lists and maps", () => {
    const path = { nodes: [china, smic, russia], relationships: [locatedIn, exportsTo] };
    const { graph } = resultGraph([
      result(["p", "hops"], [[path, 2]]),
      result(["m"], [[{ list: [[source]], inner: { rel: cites } }]]),
    ]);
    expect(keys(graph)).toEqual({
      nodes: ["china", "smic", "russia", `${SYNTHETIC_PREFIX}4:db:9`],
      edges: ["r-smic-china", "r-smic-russia", `${SYNTHETIC_PREFIX}5:db:22`],
    });
    // Direction comes from the relationship, not from the path's order.
    expect(graph.edges[0]).toMatchObject({ source: "smic", target: "china" });
  });

  it("counts each node and relationship once, across rows, results and the server's graph", () => {
    const graphPart = { nodes: [china, smic], relationships: [locatedIn] };
    const { graph } = resultGraph([
      result(
        ["a", "r", "b"],
        [
          [smic, locatedIn, china],
          [smic, locatedIn, china],
        ],
        { graph: graphPart },
      ),
      result(["a"], [[china]], { graph: graphPart }),
    ]);
    expect(keys(graph)).toEqual({ nodes: ["smic", "china"], edges: ["r-smic-china"] });
  });

  it("reads the server's graph when the rows hold only scalars", () => {
    const { graph } = resultGraph([
      result(["n"], [[3]], { graph: { nodes: [smic, china], relationships: [locatedIn] } }),
    ]);
    expect(keys(graph)).toEqual({ nodes: ["smic", "china"], edges: ["r-smic-china"] });
  });

  it("keeps integers and temporal values exactly as the server sent them", () => {
    const { graph } = resultGraph([
      result(
        ["c", "r", "x"],
        [
          [china, exportsTo, smic],
          [russia, null, null],
        ],
      ),
    ]);
    const c = graph.nodes.find((n) => n.key === "china")!;
    expect(c.properties.population).toBe("1411750000000000001");
    expect(c.properties.since).toBe("1949-10-01");
    expect(graph.edges[0]!.properties.count).toBe("9007199254740993");
    expect(graph.edges[0]!.properties.confidence).toBe(0.6);
  });

  it("reports relationship ends that are missing and leaves those relationships out, until they are given", () => {
    const first = resultGraph([result(["r"], [[exportsTo]])]);
    expect(first.graph).toEqual({ nodes: [], edges: [] });
    expect(first.missing.sort()).toEqual([russia.elementId, smic.elementId].sort());
    const completed = resultGraph([result(["r"], [[exportsTo]])], [smic, russia]);
    expect(completed.missing).toEqual([]);
    expect(keys(completed.graph)).toEqual({ nodes: ["smic", "russia"], edges: ["r-smic-russia"] });
  });

  it("ignores scalars, strings that look like ids, and maps that are not nodes", () => {
    const { graph } = resultGraph([
      result(["a", "b", "c", "d"], [["china", 1, { elementId: "x", labels: "Entity" }, [true, null, "2022-01-01"]]]),
    ]);
    expect(graph).toEqual({ nodes: [], edges: [] });
  });

  it("uses the kind label when the kind property is missing, and the first label when there is no name", () => {
    const bare = { elementId: "4:db:50", labels: ["Entity", "Alliance"], properties: { id: "nato" } };
    const anon = { elementId: "4:db:51", labels: ["Thing"], properties: {} };
    const { graph } = resultGraph([result(["a", "b"], [[bare, anon]])]);
    expect(graph.nodes[0]).toMatchObject({ key: "nato", label: "nato", kind: "Alliance", entity: true });
    expect(graph.nodes[1]).toMatchObject({ key: `${SYNTHETIC_PREFIX}4:db:51`, label: "Thing", entity: false });
  });

  it("treats an :Entity node without an id as a synthetic node", () => {
    const noId = { elementId: "4:db:60", labels: ["Entity", "Country"], properties: { name: "Nowhere" } };
    const { graph } = resultGraph([result(["n"], [[noId]])]);
    expect(graph.nodes[0]).toMatchObject({ key: `${SYNTHETIC_PREFIX}4:db:60`, entity: false, kind: "Country" });
  });
});

describe("describeGraph", () => {
  it("says how many nodes, entities and relationships", () => {
    const { graph } = resultGraph([result(["a", "r", "b", "s"], [[smic, locatedIn, china, source]])]);
    expect(describeGraph(graph)).toBe("3 nodes (2 entities), 1 relationship");
    expect(describeGraph({ nodes: [], edges: [] })).toBe("0 nodes, 0 relationships");
  });
});
