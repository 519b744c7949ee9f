// Datasets loaded in "merge" mode (feeds) accumulate: several files of one dataset, read one after the other, become
// one dataset as the Neo4j loader would leave it after loading them in turn. Relations aggregated from events merge
// by event id (model/event-log.ts), so the order of the files does not matter. Pure, no I/O.

import { mergeEventLogs, withEventLog, type EventLog } from "./event-log.ts";
import type { Dataset, Entity, Relation, Source } from "./types.ts";

/** A relation given again: event logs merge; anything else takes the new definition. */
export function mergeRelation(
  oldLog: EventLog | undefined,
  next: Relation,
  nextLog: EventLog | undefined,
): { relation: Relation; log?: EventLog } {
  if (!oldLog || !nextLog) return nextLog ? { relation: next, log: nextLog } : { relation: next };
  const log = mergeEventLogs(oldLog, nextLog);
  return { relation: withEventLog(next, log), log };
}

function mergeTwo(a: Dataset, b: Dataset): Dataset {
  const entities = new Map<string, Entity>(a.entities.map((e) => [e.id, e]));
  for (const e of b.entities) entities.set(e.id, e);
  const sources = new Map<string, Source>(a.sources.map((s) => [s.id, s]));
  for (const s of b.sources) sources.set(s.id, s);
  const relations = new Map<string, Relation>(a.relations.map((r) => [r.id, r]));
  const logs = new Map<string, EventLog>(a.eventLogs ?? []);
  for (const r of b.relations) {
    const old = relations.get(r.id);
    const nextLog = b.eventLogs?.get(r.id);
    if (!old) {
      relations.set(r.id, r);
      if (nextLog) logs.set(r.id, nextLog);
      continue;
    }
    const merged = mergeRelation(logs.get(r.id), r, nextLog);
    relations.set(r.id, merged.relation);
    if (merged.log) logs.set(r.id, merged.log);
    else logs.delete(r.id);
  }
  // The merged lists no longer match either file's record lines.
  const { lines: _lines, ...rest } = b;
  return {
    ...rest,
    file: `${a.file}, ${b.file}`,
    mode: "merge",
    entities: [...entities.values()],
    sources: [...sources.values()],
    relations: [...relations.values()],
    ...(logs.size > 0 ? { eventLogs: logs } : {}),
  };
}

/**
 * Datasets in load order, with each dataset that loads in "merge" mode folded into the dataset before it of the same
 * id, as loading them one after the other would leave the store. Other datasets stay as they are.
 */
export function mergeDatasets(datasets: readonly Dataset[]): Dataset[] {
  const out: Dataset[] = [];
  const at = new Map<string, number>();
  for (const ds of datasets) {
    const i = at.get(ds.info.id);
    if (i !== undefined && ds.mode === "merge") {
      out[i] = mergeTwo(out[i]!, ds);
    } else {
      at.set(ds.info.id, out.length);
      out.push(ds);
    }
  }
  return out;
}
