// Drawing a console result's entities and relations: the records the data graph lacks come in batch reads (one per
// BATCH_MAX_IDS ids), new entities are placed by the first one already drawn, and a failed read leaves a notice.

import { describe, expect, it } from "vitest";
import { BATCH_MAX_IDS, type EntityRecord, type RelationDetail } from "../../../../src/model/api.ts";
import { createApiClient } from "../../../../src/web/api/client.ts";
import { addRecords } from "../../../../src/web/app/add-records.ts";
import { createDataGraph, mergeEntities } from "../../../../src/web/graph/data-graph.ts";
import { INITIAL_STATE, type ExplorerState } from "../../../../src/web/state/explorer-state.ts";
import { createStore } from "../../../../src/web/state/store.ts";
import { fetchStub } from "../api/fetch-stub.ts";

function entity(id: string): EntityRecord {
  return { id, kind: "Country", name: `Name of ${id}`, aliases: {}, datasets: ["d"], degree: 2 };
}

function relation(id: string, from: string, to: string): RelationDetail {
  return {
    id,
    type: "SANCTIONS",
    stance: "hostile",
    from,
    to,
    confidence: 1,
    inference: false,
    evidence: [],
    dataset: "d",
    fromEntity: { id: from, kind: "Country", name: from },
    toEntity: { id: to, kind: "Country", name: to },
    sentence: `${from} sanctions ${to}`,
    sources: [],
  };
}

function explorerWith(ids: readonly string[]) {
  const graph = createDataGraph();
  mergeEntities(graph, ids.map(entity), { base: true });
  let changes = 0;
  const explorer = {
    graph,
    store: createStore<ExplorerState>(INITIAL_STATE),
    afterGraphChange: () => void changes++,
  };
  return { explorer, changes: () => changes };
}

/** A server that knows entities not starting with "gone" and the relations usa->x for any x. */
function server() {
  return fetchStub((r) => {
    const ids = (r.body as { ids: string[] }).ids;
    if (r.url === "/api/entities:batch") {
      const known = ids.filter((id) => !id.startsWith("gone"));
      return { status: 200, body: { entities: known.map(entity), missing: ids.filter((id) => !known.includes(id)) } };
    }
    return { status: 200, body: { relations: ids.map((id) => relation(id, "usa", id.slice(2))), missing: [] } };
  });
}

describe("addRecords", () => {
  it("should leave a notice and the graph as it was when the server fails", async () => {
    const { explorer, changes } = explorerWith(["usa"]);
    const down = fetchStub(() => ({ status: 503, body: { error: { status: 503, message: "Neo4j is down" } } }));
    const present = await addRecords(explorer, createApiClient({ fetch: down.fetch }), {
      entities: ["usa", "russia"],
      relations: ["r-russia"],
    });
    expect(present).toEqual(["usa"]);
    expect(explorer.graph.order).toBe(1);
    expect(changes()).toBe(0);
    expect(explorer.store.get().notice).toMatchObject({ tone: "error", text: expect.stringMatching(/Neo4j is down/) });
  });

  it("should read only what the graph lacks, in one request per kind, and draw it", async () => {
    const { explorer, changes } = explorerWith(["usa"]);
    const { fetch, sent } = server();
    const present = await addRecords(explorer, createApiClient({ fetch }), {
      entities: ["russia", "usa", "gone-1", "iran"],
      relations: ["r-russia", "r-iran", "r-china"],
    });
    expect(sent.map((r) => [r.url, r.body])).toEqual([
      ["/api/entities:batch", { ids: ["russia", "gone-1", "iran"] }],
      ["/api/relations:batch", { ids: ["r-russia", "r-iran", "r-china"] }],
    ]);
    expect(present).toEqual(["russia", "usa", "iran"]);
    // r-china has no end in the graph, so it is not drawn.
    expect(explorer.graph.edges().sort()).toEqual(["r-iran", "r-russia"]);
    expect(explorer.store.get().names).toMatchObject({ russia: "Name of russia", iran: "Name of iran" });
    expect(changes()).toBe(1);
    const usa = explorer.graph.getNodeAttributes("usa");
    const russia = explorer.graph.getNodeAttributes("russia");
    expect(Math.hypot(russia.x - usa.x, russia.y - usa.y)).toBeLessThan(20);
  });

  it("should send nothing when everything is drawn already", async () => {
    const { explorer, changes } = explorerWith(["usa", "russia"]);
    const { fetch, sent } = server();
    expect(await addRecords(explorer, createApiClient({ fetch }), { entities: ["russia"], relations: [] })).toEqual([
      "russia",
    ]);
    expect(sent).toEqual([]);
    expect(changes()).toBe(0);
  });

  it(`should cut a result of more than ${BATCH_MAX_IDS} entities into batch requests`, async () => {
    const { explorer } = explorerWith([]);
    const { fetch, sent } = server();
    const ids = Array.from({ length: BATCH_MAX_IDS + 10 }, (_, i) => `e${i}`);
    const present = await addRecords(explorer, createApiClient({ fetch }), { entities: ids, relations: [] });
    expect(sent.map((r) => (r.body as { ids: string[] }).ids.length)).toEqual([BATCH_MAX_IDS, 10]);
    expect(present).toHaveLength(ids.length);
    expect(explorer.graph.order).toBe(ids.length);
  });
});
