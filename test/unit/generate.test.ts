import { describe, expect, it } from "vitest";
import { datasetFileSchema } from "../../src/model/dataset-schema.ts";
import { isRelationType } from "../../src/model/relations.ts";
import { generateDataset, type GenerateOptions } from "../../src/store/memory/generate.ts";

describe("generate", () => {
  it.each([
    ["negative entities", { entities: -1, relationsPerEntity: 1, seed: 1 }],
    ["fractional entities", { entities: 2.5, relationsPerEntity: 1, seed: 1 }],
    ["negative relations per entity", { entities: 10, relationsPerEntity: -2, seed: 1 }],
    ["a fractional seed", { entities: 10, relationsPerEntity: 1, seed: 0.5 }],
    ["relations without two entities", { entities: 1, relationsPerEntity: 3, seed: 1 }],
  ] as [string, GenerateOptions][])("should reject %s", (_name, options) => {
    expect(() => generateDataset(options)).toThrow(RangeError);
  });

  it.each([
    [{ entities: 0, relationsPerEntity: 0, seed: 1 }, 0, 0, 0],
    [{ entities: 10, relationsPerEntity: 0, seed: 1 }, 10, 0, 0],
    [{ entities: 50, relationsPerEntity: 2.5, seed: 1 }, 50, 125, 1],
    [{ entities: 2000, relationsPerEntity: 4, seed: 7 }, 2000, 8000, 8],
    [{ entities: 1001, relationsPerEntity: 1, seed: 3 }, 1001, 1001, 2],
  ] as [GenerateOptions, number, number, number][])("should size %j", (options, entities, relations, sources) => {
    const ds = generateDataset(options);
    expect([ds.entities.length, ds.relations.length, ds.sources.length]).toEqual([entities, relations, sources]);
  });

  it("should give the same dataset for the same seed and another for another", () => {
    const options = { entities: 300, relationsPerEntity: 3, seed: 42 };
    expect(generateDataset(options)).toEqual(generateDataset(options));
    expect(generateDataset({ ...options, seed: 43 }).relations).not.toEqual(generateDataset(options).relations);
  });

  it("should pass the dataset file schema and reference only what it defines", () => {
    const ds = generateDataset({ entities: 500, relationsPerEntity: 4, seed: 11 });
    const parsed = datasetFileSchema.safeParse({
      dataset: ds.info,
      sources: ds.sources,
      entities: ds.entities,
      relations: ds.relations,
    });
    expect(parsed.error?.issues ?? []).toEqual([]);
    const entityIds = new Set(ds.entities.map((e) => e.id));
    const sourceIds = new Set(ds.sources.map((s) => s.id));
    expect(entityIds.size).toBe(ds.entities.length);
    expect(sourceIds.size).toBe(ds.sources.length);
    expect(new Set(ds.relations.map((r) => r.id)).size).toBe(ds.relations.length);
    for (const r of ds.relations) {
      expect(isRelationType(r.type)).toBe(true);
      expect(entityIds.has(r.from) && entityIds.has(r.to) && r.from !== r.to).toBe(true);
      expect(r.evidence.every((e) => sourceIds.has(e.source))).toBe(true);
      expect(r.date !== undefined && (r.validFrom !== undefined || r.validTo !== undefined)).toBe(false);
      expect(r.confidence).toBeGreaterThanOrEqual(0.3);
      expect(r.confidence).toBeLessThanOrEqual(1);
      for (const d of [r.date, r.validFrom, r.validTo])
        if (d) expect(d >= "2015-01-01" && d <= "2024-12-31").toBe(true);
    }
  });

  it("should look like curated data: mixed kinds, hubs, dated and timeless relations, two-language aliases", () => {
    const ds = generateDataset({ entities: 5000, relationsPerEntity: 10, seed: 5 });
    expect(new Set(ds.entities.map((e) => e.kind)).size).toBeGreaterThanOrEqual(8);
    const degree = new Map<string, number>();
    for (const r of ds.relations) for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const degrees = [...degree.values()].sort((a, b) => b - a);
    expect(degrees[0]!).toBeGreaterThan(10 * degrees[Math.floor(degrees.length / 2)]!);
    expect(new Set(ds.relations.map((r) => r.type)).size).toBeGreaterThan(20);
    expect(ds.relations.some((r) => r.date)).toBe(true);
    expect(ds.relations.some((r) => r.validFrom)).toBe(true);
    expect(ds.relations.some((r) => !r.date && !r.validFrom && !r.validTo)).toBe(true);
    const bilingual = ds.entities.filter((e) => Object.keys(e.aliases).length === 2);
    expect(bilingual.length / ds.entities.length).toBeGreaterThan(0.2);
    expect(bilingual.some((e) => e.aliases.ru) && bilingual.some((e) => e.aliases.zh)).toBe(true);
  });
});
