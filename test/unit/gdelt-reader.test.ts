// The GDELT reader on slices of two real GDELT 2.0 exports (test/fixtures/feeds, see its README) and on rows made
// from them with one field broken.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeDatasets } from "../../src/model/dataset-merge.ts";
import { readGdelt, SKIP_REASONS, type GdeltReadOptions } from "../../src/ingest/gdelt-reader.ts";
import { openLines } from "../../src/ingest/lines.ts";

const FIXTURES = new URL("../fixtures/feeds/", import.meta.url);
const A = new URL("20250807220000.export.CSV", FIXTURES).pathname;
const B = new URL("20250807233000.export.CSV", FIXTURES).pathname;
const dir = mkdtempSync(join(tmpdir(), "statecraft-gdelt-"));

async function read(path: string, options: GdeltReadOptions = {}) {
  return readGdelt(await openLines(path), options);
}

function write(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

/** A real row of fixture A (Australia consults Japan) with some columns replaced. */
function rowWith(changes: Record<number, string>, columns = 61): string {
  const line = readFileSync(A, "utf8")
    .split("\n")
    .find((l) => l.startsWith("1256322893\t"))!;
  const fields = line.split("\t");
  for (const [i, v] of Object.entries(changes)) fields[Number(i)] = v;
  return fields.slice(0, columns).join("\t");
}

describe("gdelt-reader", () => {
  it.each<[string, Record<number, string>, string, number]>([
    ["a bad date", { 1: "20251340" }, "SQLDATE", 2],
    ["an unknown code", { 26: "999" }, "EventCode", 27],
    ["a word for a number", { 31: "many" }, "NumMentions", 32],
    ["a bad tone", { 34: "-" }, "AvgTone", 35],
    ["a bad DATEADDED", { 59: "2025" }, "DATEADDED", 60],
    ["a bad event id", { 0: "x1" }, "GLOBALEVENTID", 1],
  ])("should report a row with %s by file, line and field, and skip it", async (_name, changes, field, column) => {
    const path = write(`bad-${field}.CSV`, [rowWith({}), rowWith(changes)]);
    const r = await read(path);
    expect(r.rows).toBe(2);
    expect(r.bad).toHaveLength(1);
    expect(r.bad[0]).toMatchObject({ file: path, line: 2, column, field });
    expect(r.dataset.relations).toHaveLength(1);
  });

  it("should report a row of the wrong column count", async () => {
    const path = write("columns.CSV", [rowWith({}), rowWith({}, 40)]);
    const r = await read(path);
    expect(r.bad).toEqual([
      expect.objectContaining({ line: 2, field: "columns", message: expect.stringContaining("40") }),
    ]);
  });

  it("should count skipped rows by reason", async () => {
    const a = await read(A);
    expect(a.rows).toBe(38);
    expect(a.bad).toEqual([]);
    // Fixture A: 4 rows lack an actor, 13 name a civilian, government, health, legislative, media or elite actor of
    // no country, 3 name Europe or the West.
    expect(a.skipped).toEqual({
      [SKIP_REASONS.missingActor]: 4,
      [SKIP_REASONS.noCountry]: 13,
      [SKIP_REASONS.regionActor]: 3,
    });
    // Fixture B: Australia's police and judiciary acting on Australia are Australia twice at country level.
    const b = await read(B);
    expect(b.skipped).toEqual({
      [SKIP_REASONS.missingActor]: 2,
      [SKIP_REASONS.regionActor]: 1,
      [SKIP_REASONS.sameActor]: 3,
    });
  });

  it("should aggregate events into one relation per from, type, to and day", async () => {
    const r = await read(A);
    const ids = r.dataset.relations.map((x) => x.id);
    expect(ids).toContain("gdelt.australia.consults.japan.2025-08-07");
    const consults = r.dataset.relations.find((x) => x.id === "gdelt.australia.consults.japan.2025-08-07")!;
    expect(consults).toMatchObject({ type: "CONSULTS", from: "australia", to: "japan", date: "2025-08-07" });
    expect(consults.events).toMatchObject({ count: 2, eventIds: ["1256322893", "1256322894"], goldstein: 1 });
    expect(consults.evidence.length).toBeGreaterThan(0);
    const source = r.dataset.sources.find((s) => s.id === consults.evidence[0]!.source)!;
    expect(source.url).toMatch(/^https?:\/\//);
    expect(source.published).toBe("2025-08-07");
    expect(r.dataset.mode).toBe("merge");
    // Every relation's type is the registry's type of its events' code, and no relation links an entity to itself.
    for (const rel of r.dataset.relations) expect(rel.from).not.toBe(rel.to);
  });

  it("should make new countries from the gazetteer and reuse the ids of known ones", async () => {
    const fresh = await read(A);
    expect(fresh.dataset.entities.find((e) => e.id === "australia")).toMatchObject({
      kind: "Country",
      name: "Australia",
      iso3: "AUS",
    });
    const known = await read(A, {
      countries: new Map([
        ["AUS", "oz"],
        ["CHN", "china"],
      ]),
    });
    expect(known.dataset.entities.map((e) => e.id)).not.toContain("australia");
    expect(known.dataset.entities.map((e) => e.id)).not.toContain("china");
    expect(known.dataset.relations.some((x) => x.from === "oz")).toBe(true);
  });

  it("should make sub-actors tied to their country with --actors full", async () => {
    const r = await read(B, { actors: "full" });
    expect(r.dataset.entities.find((e) => e.id === "australia-police")).toMatchObject({
      kind: "GovernmentBody",
      name: "Police of Australia",
    });
    expect(r.dataset.relations).toContainEqual(
      expect.objectContaining({ type: "PART_OF", from: "australia-police", to: "australia" }),
    );
    expect(r.dataset.relations).toContainEqual(
      expect.objectContaining({ type: "INVESTIGATES", from: "australia-police", to: "australia" }),
    );
    // The judiciary acting on itself is still one actor twice.
    expect(r.skipped[SKIP_REASONS.sameActor]).toBe(1);
  });

  it("should give the same dataset for two files in either order, and the same again for one loaded twice", async () => {
    const [a, b] = [(await read(A)).dataset, (await read(B)).dataset];
    const ab = mergeDatasets([a, b])[0]!;
    const ba = mergeDatasets([b, a])[0]!;
    const sort = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(sort(ab.relations)).toEqual(sort(ba.relations));
    expect(sort(ab.sources)).toEqual(sort(ba.sources));
    const twice = mergeDatasets([a, (await read(A)).dataset])[0]!;
    expect(sort(twice.relations)).toEqual(sort(a.relations));
  });

  it("should count an event once when a file and a slice of it are both loaded", async () => {
    const lines = readFileSync(A, "utf8").trim().split("\n");
    const slice = write("slice.CSV", lines.slice(10, 20));
    const full = (await read(A)).dataset;
    const merged = mergeDatasets([(await read(slice)).dataset, full])[0]!;
    const sort = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(sort(merged.relations)).toEqual(sort(full.relations));
  });

  it("should read 1.0 daily rows of 58 and 57 columns", async () => {
    // A 1.0 row: the 2.0 row without the three ADM2Code columns; 57 columns when SOURCEURL is missing too.
    const v2 = rowWith({}).split("\t");
    const v1 = [...v2.slice(0, 35), ...v2.slice(35, 39), ...v2.slice(40, 47), ...v2.slice(48, 55), ...v2.slice(56, 59)];
    v1.push("20250807");
    const path = write("daily.CSV", [[...v1, "https://example.org/a"].join("\t"), v1.join("\t")]);
    const r = await read(path);
    expect(r.bad).toEqual([]);
    expect(r.dataset.relations[0]!.events!.count).toBe(1);
    expect(r.dataset.sources.map((s) => s.url)).toEqual(["https://example.org/a"]);
  });
});
