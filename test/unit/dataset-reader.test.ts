import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Dataset } from "../../src/model/types.ts";
import { decodeDatasetBytes, invalidUtf8Offset, readDatasetTexts } from "../../src/ingest/dataset-reader.ts";
import { DATASET_LIMITS } from "../../src/model/dataset-schema.ts";
import { formatIssue, InvalidInputError } from "../../src/ingest/errors.ts";

// A small valid dataset; each bad case below changes one thing in it. Line numbers in the table refer to the
// text after the change.
const VALID = `dataset:
  id: tiny
  title: Tiny
sources:
  - id: s1
    title: A report
    published: 2022-03-09
entities:
  - id: china
    kind: Country
    name: China
    aliases: { en: [Beijing], zh: [中国] }
  - id: russia
    kind: Country
    name: Russia
relations:
  - id: r1
    type: ALIGNS_WITH
    from: china
    to: russia
    date: 2022-03-09
    confidence: 0.8
    evidence:
      - source: s1
        text: Beijing shares Moscow's view.
`;

function issuesOf(text: string, file = "data/tiny.yaml") {
  try {
    readDatasetTexts([{ file, text }]);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues;
  }
  throw new Error("expected the dataset to be rejected");
}

const BAD: { name: string; edit: (t: string) => string; line: number; message: RegExp }[] = [
  {
    name: "unknown relation type, with a suggestion",
    edit: (t) => t.replace("type: ALIGNS_WITH", "type: ALIGN_WITH"),
    line: 18,
    message: /relation "r1" has unknown type "ALIGN_WITH" \(did you mean ALIGNS_WITH\?\)/,
  },
  {
    name: "dangling reference",
    edit: (t) => t.replace("from: china", "from: chna"),
    line: 19,
    message: /relation "r1": 'from' names no entity "chna" \(did you mean china\?\)/,
  },
  {
    name: "bad date",
    edit: (t) => t.replace("date: 2022-03-09\n    confidence", "date: 2022-02-30\n    confidence"),
    line: 21,
    message: /relation "r1": 'date': expected a real date as YYYY-MM-DD, got "2022-02-30"/,
  },
  {
    name: "confidence out of range",
    edit: (t) => t.replace("confidence: 0.8", "confidence: 1.5"),
    line: 22,
    message: /relation "r1": 'confidence': confidence must be between 0 and 1/,
  },
  {
    name: "duplicate id",
    edit: (t) => t.replace("id: russia", "id: china"),
    line: 13,
    message: /duplicate entity id "china" \(first defined at data\/tiny\.yaml:9\)/,
  },
  {
    name: "YAML syntax error",
    edit: (t) => t.replace("    name: Russia", "    name: Russia: Federation"),
    line: 15,
    message: /YAML syntax error/,
  },
  {
    name: "unknown entity kind",
    edit: (t) => t.replace("kind: Country\n    name: Russia", "kind: Nation\n    name: Russia"),
    line: 14,
    message: /entity "russia": 'kind': unknown entity kind "Nation"/,
  },
  {
    name: "evidence naming no source",
    edit: (t) => t.replace("- source: s1", "- source: s2"),
    line: 24,
    message: /evidence names no source "s2" \(did you mean s1\?\)/,
  },
  {
    name: "unknown field",
    edit: (t) => t.replace("    confidence: 0.8", "    confidense: 0.8\n    confidence: 0.8"),
    line: 22,
    message: /relation "r1": unknown field 'confidense'/,
  },
  {
    name: "missing evidence",
    edit: (t) => t.replace(/ {4}evidence:\n.*\n.*\n$/, "    evidence: []\n"),
    line: 23,
    message: /relation "r1": 'evidence': a relation needs at least one piece of evidence/,
  },
  {
    name: "an id past the length bound",
    edit: (t) => t.replace("id: r1", `id: r${"1".repeat(DATASET_LIMITS.id)}`),
    line: 17,
    message: /'id': an id is longer than 200 characters/,
  },
  {
    name: "a note past the length bound",
    edit: (t) =>
      t.replace("    confidence: 0.8", `    note: ${"n".repeat(DATASET_LIMITS.text + 1)}\n    confidence: 0.8`),
    line: 22,
    message: /'note': a note is longer than 10000 characters/,
  },
  {
    name: "too many aliases in one language",
    edit: (t) => t.replace("en: [Beijing]", `en: [${Array.from({ length: 29_880 }, (_, i) => `a${i}`).join(", ")}]`),
    line: 12,
    message: /'aliases.en': more than 500 aliases/,
  },
  {
    name: "too many aliases across languages",
    edit: (t) =>
      t.replace(
        "en: [Beijing], zh: [中国]",
        ["en", "zh", "ru"]
          .map((l) => `${l}: [${Array.from({ length: 200 }, (_, i) => `${l}${i}`).join(", ")}]`)
          .join(", "),
      ),
    line: 12,
    message: /'aliases': more than 500 aliases in all languages together/,
  },
  {
    name: "an unknown YAML tag",
    edit: (t) => t.replace("name: Russia", "name: !js/function 'function () { return 1 }'"),
    line: 15,
    message: /YAML syntax error: .*!js\/function/,
  },
  {
    name: "a source URL that is not http(s)",
    edit: (t) => t.replace("    published: 2022-03-09", "    url: javascript:alert(1)\n    published: 2022-03-09"),
    line: 7,
    message: /source "s1": 'url': expected a web address starting with http:\/\/ or https:\/\//,
  },
  {
    name: "a file: URL",
    edit: (t) => t.replace("    published: 2022-03-09", "    url: file:///etc/passwd\n    published: 2022-03-09"),
    line: 7,
    message: /'url': expected a web address/,
  },
];

describe("dataset reader bytes", () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it.each([
    ["a lone continuation byte", bytes(0x61, 0x80), 1],
    ["a truncated sequence", bytes(0x61, 0x62, 0xe4, 0xb8), 2],
    ["an overlong slash", bytes(0xc0, 0xaf), 0],
    ["an overlong three-byte form", bytes(0xe0, 0x80, 0xaf), 0],
    ["a UTF-16 surrogate", bytes(0x61, 0xed, 0xa0, 0x80), 1],
    ["past U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ["Latin-1 text", bytes(0x63, 0x61, 0x66, 0xe9), 3],
    ["ASCII", new TextEncoder().encode("dataset: x"), -1],
    ["Chinese, Cyrillic and an emoji", new TextEncoder().encode("中国 Китай 😀"), -1],
  ])("should find the first byte that is not UTF-8: %s", (_name, input, offset) => {
    expect(invalidUtf8Offset(input)).toBe(offset);
  });

  it("should refuse bytes that are not UTF-8 with the line, the column and the byte offset", () => {
    const input = new Uint8Array([...new TextEncoder().encode("dataset:\n  id: t\n  title: caf"), 0xe9, 0x0a]);
    const decoded = decodeDatasetBytes(input, "data/latin1.yaml");
    expect(decoded).toEqual({
      issue: {
        file: "data/latin1.yaml",
        line: 3,
        column: 13,
        message: "invalid UTF-8 at byte 29 (0xe9): save the file as UTF-8",
      },
    });
  });

  it("should refuse a file over the size bound before reading it, and decode one under it", () => {
    const big = decodeDatasetBytes({ length: DATASET_LIMITS.fileBytes + 1 } as Uint8Array, "data/big.yaml");
    expect(big).toMatchObject({ issue: { file: "data/big.yaml", message: /over the 64 MB a dataset file may be/ } });
    expect(decodeDatasetBytes(new TextEncoder().encode("a: 中国"), "data/ok.yaml")).toEqual({ text: "a: 中国" });
  });
});

describe("dataset reader", () => {
  it.each(BAD)("should reject $name with its line", ({ edit, line, message }) => {
    const text = edit(VALID);
    expect(text).not.toBe(VALID);
    const issues = issuesOf(text);
    const match = issues.find((i) => message.test(i.message));
    expect(match, issues.map(formatIssue).join("\n")).toBeDefined();
    expect(match!.file).toBe("data/tiny.yaml");
    expect(match!.line).toBe(line);
    expect(match!.column).toBeGreaterThan(0);
  });

  it("should refuse a file whose aliases expand without bound, as an input error", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (const [prev, name] of [
      ["a", "b"],
      ["b", "c"],
      ["c", "d"],
      ["d", "e"],
      ["e", "f"],
    ]) {
      levels.push(
        `${name}: &${name} [${Array(10)
          .fill("*" + prev)
          .join(", ")}]`,
      );
    }
    const issues = issuesOf(`dataset: { id: bomb, title: Bomb }\n${levels.join("\n")}\n`);
    expect(issues[0]!.message).toMatch(/YAML could not be read/);
    expect(issues[0]!.line).toBe(1);
  });

  it("should report every problem of a file at once", () => {
    const text = VALID.replace("type: ALIGNS_WITH", "type: SANCTION").replace("to: russia", "to: rusia");
    const issues = issuesOf(text);
    expect(issues.map((i) => i.line).sort()).toEqual([18, 20]);
    expect(String(new InvalidInputError(issues).message)).toContain("data/tiny.yaml:18:");
  });

  it("should resolve references across files read together", () => {
    const other = `dataset: { id: other, title: Other }
entities:
  - { id: nato, kind: Alliance, name: NATO }
relations:
  - id: r2
    type: CRITICIZES
    from: china
    to: nato
    confidence: 0.9
    evidence: [{ source: s1, text: Blames NATO. }]
`;
    const [a, b] = readDatasetTexts([
      { file: "a.yaml", text: VALID },
      { file: "b.yaml", text: other },
    ]);
    expect(a!.entities.map((e) => e.id)).toEqual(["china", "russia"]);
    expect(b!.relations[0]).toMatchObject({ id: "r2", type: "CRITICIZES", inference: false });
  });

  it("should refuse a second file that renames an entity the first defines, naming its line and the owner", () => {
    const other = `dataset: { id: other, title: Other }
entities:
  - id: china
    kind: Country
    name: Cathay
`;
    let error: unknown;
    try {
      readDatasetTexts([
        { file: "a.yaml", text: VALID },
        { file: "b.yaml", text: other },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map(formatIssue)).toEqual([
      expect.stringMatching(
        /^b\.yaml:3:1: entity "china" is defined differently by dataset "tiny" \(name "China" there/,
      ),
    ]);
  });

  it("should merge an entity a second file restates with aliases added", () => {
    const other = `dataset: { id: other, title: Other }
entities:
  - { id: china, kind: Country, name: China, aliases: { fr: [Chine] } }
`;
    const [, b] = readDatasetTexts([
      { file: "a.yaml", text: VALID },
      { file: "b.yaml", text: other },
    ]);
    expect(b!.entities[0]!.aliases).toEqual({ en: ["Beijing"], zh: ["中国"], fr: ["Chine"] });
  });

  it("should name an id over its bound by its start only", () => {
    const [issue] = issuesOf(VALID.replace("id: r1", `id: ${"r".repeat(100_000)}`));
    expect(issue!.message).toMatch(/^relation "r{80}…": 'id': an id is longer than 200 characters$/);
  });

  it("should read a valid file with defaults filled in", () => {
    const [ds] = readDatasetTexts([{ file: "data/tiny.yaml", text: VALID }]);
    expect(ds!.info).toEqual({ id: "tiny", title: "Tiny" });
    expect(ds!.entities[0]!.aliases).toEqual({ en: ["Beijing"], zh: ["中国"] });
    expect(ds!.entities[1]!.aliases).toEqual({});
    expect(ds!.relations[0]).toMatchObject({ confidence: 0.8, inference: false, date: "2022-03-09" });
  });

  it("should accept the shipped briefing dataset", () => {
    const text = readFileSync(new URL("../../data/briefing-2022-03.yaml", import.meta.url), "utf8");
    const [ds] = readDatasetTexts([{ file: "data/briefing-2022-03.yaml", text }]);
    const ids = ds!.entities.map((e) => e.id);
    for (const id of [
      "china",
      "usa",
      "russia",
      "ukraine",
      "south-korea",
      "smic",
      "nato",
      "zhao-lijian",
      "gina-raimondo",
    ]) {
      expect(ids).toContain(id);
    }
    const inferences = ds!.relations.filter((r) => r.inference);
    expect(inferences.length).toBeGreaterThan(0);
    for (const r of inferences) expect(r.confidence).toBeLessThanOrEqual(0.8);
  });

  describe("a file that is one line of JSON", () => {
    const briefingText = readFileSync(new URL("../../data/briefing-2022-03.yaml", import.meta.url), "utf8");
    const oneLine = JSON.stringify(parse(briefingText));
    const withoutLines = (ds: Dataset) => ({ ...ds, lines: undefined });

    it("should read as the same dataset as its YAML, every record on line 1", () => {
      const [fromYaml] = readDatasetTexts([{ file: "data/briefing.yaml", text: briefingText }]);
      const [fromJson] = readDatasetTexts([{ file: "data/briefing.yaml", text: oneLine + "\n" }]);
      expect(withoutLines(fromJson!)).toEqual(withoutLines(fromYaml!));
      expect(new Set(fromJson!.lines!.relations)).toEqual(new Set([1]));
      expect(fromJson!.lines!.relations).toHaveLength(fromYaml!.relations.length);
    });

    it("should name the column of a field the schema refuses, as the YAML reader does", () => {
      const bad = oneLine.replace('"confidence":0.95', '"confidence":"high"');
      expect(bad).not.toBe(oneLine);
      const [issue] = issuesOf(bad, "data/briefing.yaml");
      expect(issue).toMatchObject({ file: "data/briefing.yaml", line: 1 });
      expect(issue!.column).toBe(bad.indexOf('"high"') + 1);
      expect(issue!.message).toMatch(/confidence/);
    });

    it("should still refuse an id given twice, naming where it was first defined", () => {
      const doc = parse(briefingText) as { entities: { id: string }[] };
      doc.entities.push({ ...doc.entities[0]! });
      const issues = issuesOf(JSON.stringify(doc), "data/briefing.yaml");
      expect(issues.map((i) => i.message)).toContain(
        `duplicate entity id "${doc.entities[0]!.id}" (first defined at data/briefing.yaml:1)`,
      );
    });
  });
});
