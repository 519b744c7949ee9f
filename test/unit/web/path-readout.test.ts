// Paths in words: registry readings joined with " → ", direction of each step, members for highlighting.

import { describe, expect, it } from "vitest";
import type { PathResult, RelationRecord } from "../../../src/model/index.ts";
import {
  INFERRED_MARK,
  PATH_SEPARATOR,
  pathMembers,
  pathSentence,
  pathStepTexts,
  pathSteps,
} from "../../../src/web/state/path-readout.ts";

function rel(id: string, type: RelationRecord["type"], from: string, to: string): RelationRecord {
  return { id, type, stance: "hostile", from, to, confidence: 0.9, inference: false, evidence: [], dataset: "d" };
}

const smicToUkraine: PathResult = {
  nodes: [
    { id: "smic", kind: "Company", name: "SMIC" },
    { id: "usa", kind: "Country", name: "United States" },
    { id: "russia", kind: "Country", name: "Russia" },
    { id: "ukraine", kind: "Country", name: "Ukraine" },
  ],
  relations: [
    rel("r1", "THREATENS", "usa", "smic"),
    rel("r2", "SANCTIONS", "usa", "russia"),
    rel("r3", "ATTACKS", "russia", "ukraine"),
  ],
  sentence: "United States threatens SMIC; United States sanctions Russia; Russia attacks Ukraine",
  length: 3,
  confidence: 0.729,
};

describe("path readout", () => {
  it("reads each step as stored and joins them with a real arrow, ' → '", () => {
    expect(PATH_SEPARATOR).toBe(" → ");
    expect(pathSentence(smicToUkraine)).toBe(
      "United States threatens SMIC → United States sanctions Russia → Russia attacks Ukraine",
    );
  });

  it("gives the steps whole, one string each, so a step is never split from its arrow", () => {
    expect(pathStepTexts(smicToUkraine)).toEqual([
      "United States threatens SMIC",
      "United States sanctions Russia",
      "Russia attacks Ukraine",
    ]);
    expect(pathStepTexts(smicToUkraine).join(PATH_SEPARATOR)).toBe(pathSentence(smicToUkraine));
  });

  it("agrees with the server's '; ' sentence clause by clause", () => {
    expect(pathSentence(smicToUkraine).split(PATH_SEPARATOR)).toEqual(smicToUkraine.sentence.split("; "));
  });

  it("tells which steps were walked against the arrow", () => {
    expect(pathSteps(smicToUkraine).map((s) => s.forward)).toEqual([false, true, true]);
  });

  it("marks the steps the analyst inferred, in the steps and in the sentence", () => {
    const inferred: PathResult = {
      ...smicToUkraine,
      relations: smicToUkraine.relations.map((r) => (r.id === "r1" ? { ...r, inference: true } : r)),
    };
    expect(pathSteps(smicToUkraine).map((s) => s.inferred)).toEqual([false, false, false]);
    expect(pathSteps(inferred).map((s) => s.inferred)).toEqual([true, false, false]);
    expect(INFERRED_MARK).toBe(" (inferred)");
    expect(pathSentence(inferred)).toBe(
      "United States threatens SMIC (inferred) → United States sanctions Russia → Russia attacks Ukraine",
    );
  });

  it("reads a zero-length path as the entity's name", () => {
    expect(pathSentence({ nodes: [{ id: "a", kind: "Country", name: "A" }], relations: [] })).toBe("A");
  });

  it("collects the entities and relations of paths for highlighting", () => {
    const m = pathMembers([smicToUkraine]);
    expect([...m.nodes]).toEqual(["smic", "usa", "russia", "ukraine"]);
    expect([...m.edges]).toEqual(["r1", "r2", "r3"]);
  });
});
