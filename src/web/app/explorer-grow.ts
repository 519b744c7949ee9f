// Growing the explorer's data graph from the API one entity at a time: fetching an entity the graph lacks (with its
// relations to what is drawn), and expanding an entity's neighbours page by page, optionally by relation type, with
// the camera moved to frame the entity and its neighbours.

import type { RelationType } from "../../model/index.ts";
import { api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import { mergeEntities, mergeRelations } from "../graph/data-graph.ts";
import { recordExpansion, requestCamera, setNotice, updateView } from "../state/explorer-state.ts";
import { EXPAND_PAGE, expansionKey, expansionLabel, nextLimit } from "../state/expansion.ts";
import { bringIntoView, rememberAll, type ExplorerCore } from "./explorer-core.ts";

/** Makes sure the entity is in the data graph; false (with a notice) when it could not be read. */
export async function ensureEntity(core: ExplorerCore, id: string): Promise<boolean> {
  const { graph, store } = core;
  if (graph.hasNode(id)) return true;
  try {
    const detail = await api.entity(id);
    const anchor = detail.neighbours.find((n) => graph.hasNode(n.id))?.id;
    mergeEntities(graph, [detail], { base: false, near: anchor });
    mergeRelations(graph, detail.relations);
    rememberAll(core, [detail]);
    core.afterGraphChange();
    return true;
  } catch (error) {
    store.update(setNotice({ text: describeError(error, `loading “${id}”`).message, tone: "error" }));
    return false;
  }
}

/** Brings an entity's neighbours into view: the first page, the same page again, or (`more`) the next one. */
export async function expand(
  core: ExplorerCore,
  id: string,
  types: readonly RelationType[] | undefined,
  more: boolean,
): Promise<void> {
  const { graph, store } = core;
  const key = expansionKey(id, types);
  const previous = store.get().expansions[key];
  const limit = more ? nextLimit(previous) : Math.max(EXPAND_PAGE, previous?.limit ?? EXPAND_PAGE);
  const label = graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id;
  store.update(setNotice({ text: `Expanding ${label}…`, tone: "info" }));
  try {
    const hood = await api.neighbours(id, { types, limit });
    mergeEntities(graph, hood.neighbours, { base: false, near: id });
    mergeRelations(graph, hood.relations);
    rememberAll(core, hood.neighbours);
    core.afterGraphChange();
    const shown = [id, ...hood.neighbours.map((n) => n.id)];
    store.update(updateView(bringIntoView(graph, shown)));
    // Frame what was added, as Bloom does: new neighbours placed beside the entity may lie outside the view.
    store.update(requestCamera({ kind: "nodes", ids: shown }));
    const expansion = { id, types, limit, shown: hood.relations.length, total: hood.total };
    store.update(recordExpansion(key, expansion));
    store.update(setNotice({ text: `${hood.entity.name}: ${expansionLabel(expansion)} relations`, tone: "info" }));
  } catch (error) {
    store.update(setNotice({ text: describeError(error, "expanding").message, tone: "error" }));
  }
}
