// Bringing many entities and relations into the explorer's data graph at once, by id, through the API's batch
// reads: what the Cypher console draws on the canvas. Entities not yet in the graph come in one batch request per
// BATCH_MAX_IDS ids, placed around the first of them already drawn; the relations named come the same way and are
// kept when both their ends are in the graph. A failed read leaves a notice and what was already there.

import type { ApiClient } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import { mergeEntities, mergeRelations } from "../graph/data-graph.ts";
import { rememberNames, setNotice } from "../state/explorer-state.ts";
import type { Explorer } from "./explorer.ts";

export interface WantedRecords {
  entities: readonly string[];
  relations: readonly string[];
}

/** Adds the wanted records the graph lacks; returns the wanted entity ids now in the graph, in the order given. */
export async function addRecords(
  explorer: Pick<Explorer, "graph" | "store" | "afterGraphChange">,
  client: Pick<ApiClient, "entities" | "relations">,
  wanted: WantedRecords,
): Promise<string[]> {
  const { graph, store } = explorer;
  const entityIds = wanted.entities.filter((id) => !graph.hasNode(id));
  const relationIds = wanted.relations.filter((id) => !graph.hasEdge(id));
  let changed = false;
  try {
    if (entityIds.length > 0) {
      const { entities } = await client.entities(entityIds);
      const near = wanted.entities.find((id) => graph.hasNode(id));
      changed = mergeEntities(graph, entities, { base: false, near }).length > 0 || changed;
      store.update(rememberNames(entities.map((e) => ({ id: e.id, name: e.name }))));
    }
    if (relationIds.length > 0) {
      const { relations } = await client.relations(relationIds);
      changed = mergeRelations(graph, relations).length > 0 || changed;
    }
  } catch (error) {
    store.update(setNotice({ text: describeError(error, "loading the result's entities").message, tone: "error" }));
  }
  if (changed) explorer.afterGraphChange();
  return wanted.entities.filter((id) => graph.hasNode(id));
}
