// After a write through the API (claims accepted in the Reports screen): the relations written are read back, their
// ends fetched when the canvas lacks them, the relations drawn (a changed one redrawn), brought into view, the first
// one selected so the details panel shows its evidence and source, and the summary read again for the filters.
// No reload: the rest of the view stays as it is.

import { api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import { mergeRelations } from "../graph/data-graph.ts";
import { requestCamera, select, setNotice, setSummary, updateView } from "../state/explorer-state.ts";
import { bringIntoView } from "./explorer-core.ts";
import type { Explorer } from "./explorer.ts";

export async function showWrittenRelations(explorer: Explorer, ids: readonly string[]): Promise<void> {
  const { graph, store } = explorer;
  try {
    const { relations } = await api.relations(ids);
    const ends = [...new Set(relations.flatMap((r) => [r.from, r.to]))];
    for (const id of ends) await explorer.ensureEntity(id);
    for (const r of relations) if (graph.hasEdge(r.id)) graph.dropEdge(r.id);
    mergeRelations(graph, relations);
    explorer.afterGraphChange();
    store.update(updateView(bringIntoView(graph, ends)));
    const first = relations[0];
    if (first) {
      store.update(select({ kind: "relation", id: first.id }));
      store.update(requestCamera({ kind: "nodes", ids: ends }));
    }
    store.update(setSummary(await api.summary()));
  } catch (error) {
    store.update(setNotice({ text: describeError(error, "showing the written relations").message, tone: "error" }));
  }
}
