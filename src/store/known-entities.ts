// The entities the report coder resolves actors against, read from whichever store is configured (the embedded one
// or Neo4j) through the GraphStore interface: names, aliases, kinds and ISO codes, no relations.

import type { KnownEntity } from "../model/claims.ts";
import type { GraphStore } from "./graph-store.ts";

/** More entities than this are not read for one report (a store of that size wants a name index of its own). */
export const KNOWN_ENTITIES_CAP = 200_000;

export async function loadKnownEntities(store: GraphStore, cap = KNOWN_ENTITIES_CAP): Promise<KnownEntity[]> {
  // An empty types list still means "every type" to the memory store's filter; a stance no relation has asks for
  // none, so only entities come back.
  const { entities } = await store.graph({ limit: cap, types: ["SPEAKS_FOR"], stances: ["hostile"] });
  return entities.map((e) => ({
    id: e.id,
    name: e.name,
    kind: e.kind,
    aliases: e.aliases,
    ...(e.iso3 ? { iso3: e.iso3 } : {}),
  }));
}
