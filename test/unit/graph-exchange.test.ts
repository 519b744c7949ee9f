import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/ingest/errors.ts";
import type { RelationRecord } from "../../src/model/api.ts";
import { graphExchangeFeed, readGraphExchange } from "../../src/ingest/graph-exchange.ts";
import {
  buildExchangeGraph,
  EXCHANGE_FORMATS,
  exchangeEdgeOf,
  writeExchange,
  type ExchangeEdge,
  type ExchangeNode,
} from "../../src/model/graph-exchange.ts";

// A tiny hand-built view: two countries, a firm with an awkward name, positions and colours as the explorer has them.
const NODES: ExchangeNode[] = [
  { id: "usa", name: "United States", kind: "Country", iso3: "USA", x: 10, y: -5, size: 8, color: "#3f6fb0" },
  { id: "russia", name: "Russia", kind: "Country", iso3: "RUS", x: -3.5, y: 2, size: 8, color: "#3f6fb0" },
  { id: "orv", name: 'Orvelia "R&D" <Ltd>', kind: "Company", x: 0, y: 0, size: 5, color: "#e07b1f" },
];
const EDGES: ExchangeEdge[] = [
  {
    id: "r1",
    type: "SANCTIONS",
    from: "usa",
    to: "russia",
    stance: "hostile",
    confidence: 0.95,
    inference: false,
    date: "2022-02-24",
    dataset: "briefing",
    color: "#d62f2f",
  },
  { id: "r2", type: "OWNS", from: "russia", to: "orv", confidence: 0.6, inference: true, validFrom: "2019-01-01" },
  { id: "r3", type: "OWNS", from: "russia", to: "elsewhere", confidence: 1, inference: false },
];

describe("graph-exchange (model)", () => {
  it("should leave out relations whose ends are not in the view", () => {
    const graph = buildExchangeGraph(NODES, EDGES);
    expect(graph.order).toBe(3);
    expect(graph.edges()).toEqual(["r1", "r2"]);
    expect(graph.getEdgeAttributes("r1")).toMatchObject({ label: "sanctions", stance: "hostile", weight: 0.95 });
    expect(graph.getEdgeAttribute("r2", "stance")).toBe("structural");
  });

  it("should write GEXF with viz colours, sizes and positions", () => {
    const gexf = writeExchange("gexf", NODES, EDGES);
    expect(gexf).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"');
    expect(gexf).toMatch(/<node id="usa" label="United States">[\s\S]*?<viz:color hex="#3f6fb0"\/>/);
    expect(gexf).toMatch(/<viz:position x="10" y="-5"/);
    expect(gexf).toContain('label="Orvelia &quot;R&amp;D&quot; &lt;Ltd>"');
  });

  it.each(EXCHANGE_FORMATS)("should read back what it writes as %s: kinds, types, confidence, dates", (format) => {
    const read = readGraphExchange(format, writeExchange(format, NODES, EDGES), `view.${format}`);
    expect(read.bad).toEqual([]);
    expect(read.dataset.entities).toEqual([
      { id: "usa", kind: "Country", name: "United States", aliases: {}, iso3: "USA" },
      { id: "russia", kind: "Country", name: "Russia", aliases: {}, iso3: "RUS" },
      { id: "orv", kind: "Company", name: 'Orvelia "R&D" <Ltd>', aliases: {} },
    ]);
    expect(read.dataset.relations.map(({ evidence: _e, ...r }) => r)).toEqual([
      {
        id: "r1",
        type: "SANCTIONS",
        from: "usa",
        to: "russia",
        date: "2022-02-24",
        confidence: 0.95,
        inference: false,
      },
      {
        id: "r2",
        type: "OWNS",
        from: "russia",
        to: "orv",
        validFrom: "2019-01-01",
        confidence: 0.6,
        inference: true,
      },
    ]);
    expect(read.dataset.sources).toEqual([{ id: `file.view.${format}`, title: `view.${format}` }]);
  });

  it("should write GraphML with typed keys that graphology-graphml reads", () => {
    const graphml = writeExchange("graphml", NODES, EDGES);
    expect(graphml).toContain('<key id="d_node_x" for="node" attr.name="x" attr.type="double"/>');
    expect(graphml).toContain('<key id="d_edge_inference" for="edge" attr.name="inference" attr.type="boolean"/>');
  });

  it("should carry a feed relation's event tally as edge attributes, and none for a curated one", () => {
    const tally = { count: 3, mentions: 9, sources: 3, articles: 9, goldstein: 1.9, tone: -1.2345 };
    const seen = { firstSeen: "2025-08-06", lastSeen: "2025-08-07", eventIds: ["1", "2", "3"] };
    const feed = exchangeEdgeOf({ ...EDGES[0]!, id: "g1", events: { ...tally, ...seen } } as RelationRecord);
    const curated = exchangeEdgeOf({ ...EDGES[0]!, evidence: [] } as unknown as RelationRecord);
    const graph = buildExchangeGraph(NODES, [feed, curated]);
    expect(graph.getEdgeAttributes("g1")).toMatchObject({
      eventCount: 3,
      goldstein: 1.9,
      tone: -1.2345,
      firstSeen: "2025-08-06",
      lastSeen: "2025-08-07",
    });
    expect(graph.getEdgeAttributes("r1")).not.toHaveProperty("eventCount");
    expect(writeExchange("graphml", NODES, [feed])).toContain(
      '<key id="d_edge_eventCount" for="edge" attr.name="eventCount" attr.type="double"/>',
    );
  });
});

describe("graph-exchange (reader)", () => {
  it("should refuse a file that is not well-formed XML, naming the file", () => {
    expect(() => readGraphExchange("gexf", "<gexf><graph>", "bad.gexf")).toThrow(InvalidInputError);
    try {
      readGraphExchange("gexf", "<gexf><graph>", "bad.gexf");
    } catch (error) {
      expect((error as InvalidInputError).issues[0]!.file).toBe("bad.gexf");
    }
  });

  it("should report bad nodes and edges at their line, with the attribute and a did-you-mean", () => {
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="kind" type="string"/></attributes>
    <attributes class="edge"><attribute id="1" title="type" type="string"/><attribute id="2" title="confidence" type="double"/></attributes>
    <nodes>
      <node id="a" label="Alpha"><attvalues><attvalue for="0" value="Contry"/></attvalues></node>
      <node id="B" label="Beta"><attvalues><attvalue for="0" value="Company"/></attvalues></node>
      <node id="c"><attvalues><attvalue for="0" value="Person"/></attvalues></node>
      <node id="d" label="Delta"><attvalues><attvalue for="0" value="Person"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="e1" source="B" target="d"><attvalues><attvalue for="1" value="OWN"/></attvalues></edge>
      <edge id="e2" source="B" target="dd"><attvalues><attvalue for="1" value="OWNS"/></attvalues></edge>
      <edge id="e3" source="B" target="d"><attvalues><attvalue for="1" value="OWNS"/><attvalue for="2" value="7"/></attvalues></edge>
      <edge id="e4" source="B" target="d"><attvalues><attvalue for="1" value="OWNS"/></attvalues></edge>
    </edges>
  </graph>
</gexf>`;
    const read = readGraphExchange("gexf", gexf, "g.gexf");
    expect(read.bad.map((b) => `${b.line} ${b.field}: ${b.message}`)).toEqual([
      '7 kind: node "a" has unknown kind "Contry" (did you mean Country?)',
      "9 label: node \"c\" has no label or 'name' attribute",
      '13 type: edge "e1" has unknown type "OWN" (did you mean OWNS?)',
      '14 target: edge "e2" names no node "dd" (did you mean d?)',
      '15 confidence: edge "e3": confidence must be between 0 and 1, got 7',
    ]);
    expect(read.rows).toBe(8);
    expect(read.dataset.entities.map((e) => e.id)).toEqual(["gexf._b", "d"]);
    expect(read.dataset.relations).toMatchObject([{ id: "e4", from: "gexf._b", to: "d", confidence: 0.5 }]);
  });

  it("should read a Gephi file with no kind attribute: a country by its iso3, other nodes of the default kind", () => {
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="iso3" type="string"/></attributes>
    <attributes class="edge"><attribute id="1" title="type" type="string"/></attributes>
    <nodes>
      <node id="n1" label="Norway"><attvalues><attvalue for="0" value="NOR"/></attvalues></node>
      <node id="n2" label="Fjord Fisheries"/>
      <node id="n3" label="Atlantis"><attvalues><attvalue for="0" value="ATL"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="e1" source="n2" target="n1"><attvalues><attvalue for="1" value="BASED_IN"/></attvalues></edge>
    </edges>
  </graph>
</gexf>`;
    const kinds = (read: ReturnType<typeof readGraphExchange>) =>
      read.dataset.entities.map((e) => `${e.name}: ${e.kind}`);
    const read = readGraphExchange("gexf", gexf, "gephi.gexf");
    expect(read.bad).toEqual([]);
    expect(kinds(read)).toEqual(["Norway: Country", "Fjord Fisheries: Organization", "Atlantis: Organization"]);
    expect(read.dataset.relations.map((r) => `${r.from} ${r.type} ${r.to}`)).toEqual(["n2 BASED_IN n1"]);
    expect(kinds(readGraphExchange("gexf", gexf, "gephi.gexf", { defaultKind: "Company" }))).toEqual([
      "Norway: Country",
      "Fjord Fisheries: Company",
      "Atlantis: Company",
    ]);
  });

  it("should read an opened file line by line as the dispatcher hands it", async () => {
    async function* opened() {
      for (const line of writeExchange("graphml", NODES, EDGES).split("\n")) yield line;
    }
    const read = await graphExchangeFeed("graphml")(Object.assign(opened(), { file: "v.graphml" }), { dataset: "g" });
    expect([read.format, read.dataset.info.id, read.dataset.entities.length, read.dataset.relations.length]).toEqual([
      "graphml",
      "g",
      3,
      2,
    ]);
  });

  it.each([
    ["is part of", "PART_OF"],
    ["Sanctions", "SANCTIONS"],
    ["allied with", "ALLIED_WITH"],
    ["befriends", undefined],
  ])("should take an edge labelled %j with no type attribute as %s", (label, type) => {
    const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="n" for="node" attr.name="name" attr.type="string"/>
  <key id="l" for="edge" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"><data key="k">Person</data><data key="n">Ada</data></node>
    <node id="b"><data key="k">Organization</data><data key="n">Bureau</data></node>
    <edge source="a" target="b"><data key="l">${label}</data></edge>
  </graph>
</graphml>`;
    const read = readGraphExchange("graphml", graphml, "l.graphml");
    expect(read.dataset.relations.map((r) => r.type)).toEqual(type ? [type] : []);
    expect(read.bad.map((b) => `${b.line} ${b.message}`)).toEqual(
      type ? [] : ['9 edge a -> b has unknown type "BEFRIENDS"'],
    );
  });
});
