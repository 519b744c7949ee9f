// The completion schema from the db.labels / db.relationshipTypes / db.propertyKeys answers.

import { describe, expect, it } from "vitest";
import { EMPTY_SCHEMA, schemaNames, toEditorSchema, withParameters } from "../../../../src/web/console/schema.ts";
import { result } from "./fixtures.ts";

describe("schemaNames", () => {
  it("reads the named column, strings only, sorted and unique", () => {
    expect(schemaNames("labels", result(["label"], [["Entity"], ["Country"], ["Entity"], [null]]))).toEqual([
      "Country",
      "Entity",
    ]);
    expect(schemaNames("relationshipTypes", result(["relationshipType"], [["SANCTIONS"], ["ALLIED_WITH"]]))).toEqual([
      "ALLIED_WITH",
      "SANCTIONS",
    ]);
    expect(schemaNames("propertyKeys", result(["x", "propertyKey"], [[1, "name"]]))).toEqual(["name"]);
  });

  it("falls back to the first column", () => {
    expect(schemaNames("labels", result(["other"], [["Source"]]))).toEqual(["Source"]);
  });
});

describe("withParameters", () => {
  it("returns the same schema when the parameters did not change", () => {
    const s = withParameters(EMPTY_SCHEMA, ["id"]);
    expect(s.parameters).toEqual(["id"]);
    expect(withParameters(s, ["id"])).toBe(s);
    expect(withParameters(s, [])).not.toBe(s);
  });
});

describe("toEditorSchema", () => {
  it("puts the colon before labels and relationship types, as the editor's completion expects", () => {
    expect(
      toEditorSchema({
        labels: ["Entity"],
        relationshipTypes: ["SANCTIONS"],
        propertyKeys: ["name"],
        parameters: ["id"],
      }),
    ).toEqual({ labels: [":Entity"], relationshipTypes: [":SANCTIONS"], propertyKeys: ["name"], parameters: ["id"] });
  });
});
