// The explorer's export for Gephi: only what the filters show, with positions and the canvas's colours.

import { describe, expect, it } from "vitest";
import { readGraphExchange } from "../../../src/ingest/graph-exchange.ts";
import type { EntityRecord, RelationRecord } from "../../../src/model/index.ts";
import { writeExchange } from "../../../src/model/graph-exchange.ts";
import { viewForExchange } from "../../../src/web/app/view-export.ts";
import { createDataGraph, mergeEntities, mergeRelations } from "../../../src/web/graph/data-graph.ts";
import { KIND_STYLE, STANCE_COLOR } from "../../../src/web/graph/style.ts";

const entity = (id: string, kind: EntityRecord["kind"]): EntityRecord => ({
  id,
  kind,
  name: id.toUpperCase(),
  aliases: {},
  datasets: ["d"],
  degree: 1,
});
const relation = (id: string, from: string, to: string, type: RelationRecord["type"]): RelationRecord => ({
  id,
  type,
  stance: type === "OWNS" ? "structural" : "hostile",
  from,
  to,
  validFrom: "2020-01-01",
  confidence: 0.7,
  inference: true,
  evidence: [],
  dataset: "d",
});

function tinyGraph() {
  const g = createDataGraph();
  mergeEntities(g, [entity("usa", "Country"), entity("orv", "Company"), entity("heron", "Vessel")], { base: true });
  mergeRelations(g, [relation("r1", "usa", "orv", "SANCTIONS"), relation("r2", "orv", "heron", "OWNS")]);
  return g;
}

describe("view-export", () => {
  it("should export nothing of what the filters hide", () => {
    const { nodes, edges } = viewForExchange(tinyGraph(), { nodes: new Set(["usa"]), edges: new Set(["r1"]) });
    expect(nodes.map((n) => n.id)).toEqual(["usa"]);
    // r1 is listed, but its far end is hidden: the writers leave it out.
    expect(writeExchange("gexf", nodes, edges)).not.toContain("<edge ");
  });

  it("should carry positions, sizes, kinds and the canvas's colours, and read back as the same records", () => {
    const g = tinyGraph();
    g.setNodeAttribute("usa", "x", 12.5);
    g.setNodeAttribute("usa", "y", -4);
    const { nodes, edges } = viewForExchange(g, {
      nodes: new Set(["usa", "orv", "heron"]),
      edges: new Set(["r1", "r2"]),
    });
    expect(nodes[0]).toMatchObject({ id: "usa", x: 12.5, y: -4, kind: "Country", color: KIND_STYLE.Country.color });
    expect(nodes[2]).toMatchObject({ kind: "Vessel", color: KIND_STYLE.Vessel.color });
    expect(edges[0]).toMatchObject({ type: "SANCTIONS", stance: "hostile", color: STANCE_COLOR.hostile });
    const gexf = writeExchange("gexf", nodes, edges);
    expect(gexf).toContain('<viz:position x="12.5" y="-4"/>');
    const back = readGraphExchange("gexf", gexf, "view.gexf");
    expect(back.dataset.entities.map((e) => [e.id, e.kind])).toEqual([
      ["usa", "Country"],
      ["orv", "Company"],
      ["heron", "Vessel"],
    ]);
    expect(back.dataset.relations.map((r) => [r.id, r.type, r.validFrom, r.inference])).toEqual([
      ["r1", "SANCTIONS", "2020-01-01", true],
      ["r2", "OWNS", "2020-01-01", true],
    ]);
  });
});
