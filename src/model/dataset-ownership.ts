// Which dataset owns which id, checked before anything is written: a dataset must not take over another's records.
// A relation id belongs to the one dataset that wrote it. An entity or a source may be shared by several datasets as
// long as they agree on it: a dataset that restates one may add to it (aliases, a missing description or field) but
// not change what another dataset said; a feed (a dataset in "merge" mode) never redefines one another dataset holds,
// it uses it as stored. Pure: the store answers what it holds (`Holdings`) and this module decides.

import type { Dataset, Entity, Source } from "./types.ts";

/** An entity as stored, with the datasets that define it. */
export interface HeldEntity extends Entity {
  datasets: readonly string[];
}

/** A source as stored, with the datasets that cite it. */
export interface HeldSource extends Source {
  datasets: readonly string[];
}

/** A relation as stored: the dataset that wrote it and what it says, for messages. */
export interface HeldRelation {
  id: string;
  type: string;
  from: string;
  to: string;
  dataset: string;
}

/** What a store already holds of the ids a load names (nothing else needs to be read). */
export interface Holdings {
  entities: ReadonlyMap<string, HeldEntity>;
  sources: ReadonlyMap<string, HeldSource>;
  /** By relation id; more than one only where a relation id was shared by two types before this check existed. */
  relations: ReadonlyMap<string, readonly HeldRelation[]>;
}

export const NO_HOLDINGS: Holdings = { entities: new Map(), sources: new Map(), relations: new Map() };

/** A refusal, where the record is (line 1 when the reader kept no lines, as feeds) and which rule it broke. */
export interface OwnershipIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface OwnershipCheck {
  /**
   * The datasets to write: a shared entity or source restated with additions comes back as the union of both
   * definitions (so writing it loses nothing another dataset gave), and a feed's copy of a held one as stored.
   */
  datasets: Dataset[];
  issues: OwnershipIssue[];
}

type Kind = "entities" | "sources" | "relations";

function lineOf(ds: Dataset, kind: Kind, index: number): number {
  return ds.lines?.[kind][index] ?? 1;
}

function others(datasets: readonly string[], self: string): string[] {
  return datasets.filter((d) => d !== self);
}

function quoteList(ids: readonly string[]): string {
  return ids.map((d) => `"${d}"`).join(", ");
}

/** Aliases of `a` then those of `b` that `a` lacks, by language. */
function unionAliases(a: Entity["aliases"], b: Entity["aliases"]): Entity["aliases"] {
  const out: Entity["aliases"] = {};
  for (const [lang, names] of Object.entries(a)) out[lang] = [...names];
  for (const [lang, names] of Object.entries(b)) {
    const list = (out[lang] ??= []);
    for (const name of names) if (!list.includes(name)) list.push(name);
  }
  return out;
}

/** Fields of a record that two definitions give differently (a field one of them leaves out is not a difference). */
function differing<T extends object, K extends keyof T & string>(held: T, next: T, fields: readonly K[]): K[] {
  return fields.filter((f) => held[f] !== undefined && next[f] !== undefined && held[f] !== next[f]);
}

/** Fields a definition must give exactly as the stored one, even when it leaves them out. */
function notEqual<T extends object, K extends keyof T & string>(held: T, next: T, fields: readonly K[]): K[] {
  return fields.filter((f) => held[f] !== next[f]);
}

function shown(value: unknown): string {
  return value === undefined ? "none" : `"${String(value)}"`;
}

function describeDifference<T extends object>(held: T, next: T, fields: readonly (keyof T & string)[]): string {
  return fields.map((f) => `${f} ${shown(held[f])} there, ${shown(next[f])} here`).join("; ");
}

function withoutDatasets<T extends { datasets: readonly string[] }>(held: T): Omit<T, "datasets"> {
  const { datasets: _datasets, ...record } = held;
  return record;
}

/** Drops keys whose value is undefined, so merged records carry no empty fields. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/** The entity both definitions make, or the fields that differ. Kind, name and iso3 say what an entity is. */
export function mergeEntity(held: Entity, next: Entity): { entity: Entity } | { differ: string } {
  const fields = [...notEqual(held, next, ["kind", "name", "iso3"]), ...differing(held, next, ["description"])];
  if (fields.length > 0) return { differ: describeDifference(held, next, fields) };
  return {
    entity: defined({
      ...held,
      description: held.description ?? next.description,
      aliases: unionAliases(held.aliases, next.aliases),
    }),
  };
}

const SOURCE_FIELDS = ["title", "publisher", "url", "published", "marking"] as const;

/** The source both definitions make (each field from whichever gives it), or the fields that differ. */
export function mergeSource(held: Source, next: Source): { source: Source } | { differ: string } {
  const fields = differing(held, next, SOURCE_FIELDS);
  if (fields.length > 0) return { differ: describeDifference(held, next, fields) };
  const source: Source = { ...held };
  for (const f of SOURCE_FIELDS) if (source[f] === undefined && next[f] !== undefined) source[f] = next[f];
  return { source: defined(source) };
}

/**
 * Checks the datasets, in load order, against what the store holds and against the datasets before them in the same
 * load (each one as if those were already written). Answers every refusal at once, and the datasets to write.
 */
export function checkOwnership(datasets: readonly Dataset[], held: Holdings): OwnershipCheck {
  const entities = new Map<string, HeldEntity>(held.entities);
  const sources = new Map<string, HeldSource>(held.sources);
  // Relations of this load by id, with the dataset that gives them (a reference, not a record per relation: a feed
  // brings a million).
  const loaded = new Map<string, Dataset>();
  const issues: OwnershipIssue[] = [];
  const out: Dataset[] = [];
  datasets.forEach((ds, index) => {
    const self = ds.info.id;
    const feed = ds.mode === "merge";
    // What the last dataset holds is checked against nothing after it, so it is not remembered.
    const remember = index < datasets.length - 1;
    const refuse = (kind: Kind, i: number, message: string) =>
      issues.push({ file: ds.file, line: lineOf(ds, kind, i), column: 1, message });
    const tagged = (stored: { datasets: readonly string[] } | undefined) =>
      stored?.datasets.includes(self) ? stored.datasets : [...(stored?.datasets ?? []), self];

    const nextEntities = ds.entities.map((e, i) => {
      const stored = entities.get(e.id);
      let entity = e;
      if (stored && others(stored.datasets, self).length > 0) {
        const merged = feed ? { entity: withoutDatasets(stored) } : mergeEntity(withoutDatasets(stored), e);
        if ("entity" in merged) entity = merged.entity;
        else
          refuse(
            "entities",
            i,
            `entity "${e.id}" is defined differently by dataset ${quoteList(others(stored.datasets, self))} ` +
              `(${merged.differ}): a shared entity keeps its kind, name, iso3 and description (aliases may be ` +
              "added); give the same definition or use another id",
          );
      }
      if (remember) entities.set(e.id, { ...entity, datasets: tagged(stored) });
      return entity;
    });

    const nextSources = ds.sources.map((s, i) => {
      const stored = sources.get(s.id);
      let source = s;
      if (stored && others(stored.datasets, self).length > 0) {
        const merged = feed ? { source: withoutDatasets(stored) } : mergeSource(withoutDatasets(stored), s);
        if ("source" in merged) source = merged.source;
        else
          refuse(
            "sources",
            i,
            `source "${s.id}" is defined differently by dataset ${quoteList(others(stored.datasets, self))} ` +
              `(${merged.differ}): give the same definition (missing fields may be added) or use another id`,
          );
      }
      if (remember) sources.set(s.id, { ...source, datasets: tagged(stored) });
      return source;
    });

    ds.relations.forEach((r, i) => {
      const owner = ownerOf(r.id, self, held, loaded);
      if (owner) {
        refuse(
          "relations",
          i,
          `relation "${r.id}" belongs to dataset "${owner.dataset}" (${owner.type} ${owner.from} -> ${owner.to}): ` +
            "a relation id is owned by one dataset; use another id",
        );
      }
      if (remember && !owner) loaded.set(r.id, ds);
    });

    out.push({ ...ds, entities: nextEntities, sources: nextSources });
  });
  return { datasets: out, issues };
}

/** The relation another dataset than `self` gives under this id: earlier in this load, else in the store. */
function ownerOf(
  id: string,
  self: string,
  held: Holdings,
  loaded: ReadonlyMap<string, Dataset>,
): Omit<HeldRelation, "id"> | undefined {
  const earlier = loaded.get(id);
  if (earlier && earlier.info.id !== self) {
    const r = earlier.relations.find((x) => x.id === id)!;
    return { type: r.type, from: r.from, to: r.to, dataset: earlier.info.id };
  }
  return held.relations.get(id)?.find((h) => h.dataset !== self);
}
