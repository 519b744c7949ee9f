// A link's unusable values: each one named (with a did-you-mean where one is close), dropped or corrected, and the
// rest of the link kept; a list of only unknown values means no filter rather than "hide everything".

import { describe, expect, it } from "vitest";
import { ENTITY_KINDS, STANCES } from "../../../src/model/index.ts";
import { ALL_TYPES } from "../../../src/web/state/filters.ts";
import {
  DEFAULT_URL_VIEW,
  checkDataset,
  encodeUrlView,
  parseUrlView,
  type UrlProblem,
} from "../../../src/web/state/url-state.ts";

const messages = (problems: readonly UrlProblem[]) => problems.map((p) => p.message);

describe("parseUrlView", () => {
  it.each([
    ["types=NOPE", ["unknown relation type NOPE ignored"]],
    ["types=SANCTION", ["unknown relation type SANCTION ignored (did you mean SANCTIONS?)"]],
    ["types=NOPE,NOPE", ["unknown relation type NOPE ignored"]],
    ["kinds=Foo", ["unknown entity kind Foo ignored"]],
    ["kinds=country", ["unknown entity kind country ignored (did you mean Country?)"]],
    ["stances=evil", ["unknown stance evil ignored"]],
    ["stances=hostle", ["unknown stance hostle ignored (did you mean hostile?)"]],
    ["asOf=2030-13-45", ["date 2030-13-45 is not a calendar date (YYYY-MM-DD), ignored"]],
    ["asOf=2023-02-29", ["date 2023-02-29 is not a calendar date (YYYY-MM-DD), ignored"]],
    ["asOf=yesterday", ["date yesterday is not a calendar date (YYYY-MM-DD), ignored"]],
    ["hops=99", ["hops 99 is outside 1-8, 8 used"]],
    ["hops=two", ["hops two is not a whole number, 4 used"]],
    ["k=-3", ["k -3 is outside 1-10, 1 used"]],
    ["k=2.5", ["k 2.5 is not a whole number, 3 used"]],
    ["cam=1,2", ["camera 1,2 is not x,y,zoom with a zoom above 0, ignored"]],
    ["cam=0.5,0.5,0", ["camera 0.5,0.5,0 is not x,y,zoom with a zoom above 0, ignored"]],
    ["cam=a,b,c", ["camera a,b,c is not x,y,zoom with a zoom above 0, ignored"]],
    ["dir=sideways", ["unknown path direction sideways ignored (one of follow, any)"]],
    ["tab=zzz", ["unknown tab zzz ignored (one of filters, paths, analysis, cypher, briefings, reports)"]],
    ["sel=x:1", ["selection x:1 is not e:<id> or r:<id>, ignored"]],
    ["view=globe", ["unknown view globe ignored (one of force, map)"]],
    ["fold=nato,NATO GROUP", ["fold: NATO GROUP is not an id, ignored"]],
    ["from=Not An Id", ["path start Not An Id is not an id, ignored"]],
    ["ds=../etc", ["dataset ../etc is not an id, ignored"]],
    ["hide=ok,BAD ID", ["hide: BAD ID is not an id, ignored"]],
    ["ptypes=NOPE&pstances=evil", ["unknown path relation type NOPE ignored", "unknown path stance evil ignored"]],
  ])("should name what is wrong in %s", (search, expected) => {
    expect(messages(parseUrlView(search).problems)).toEqual(expected);
  });

  it("should keep the known values of a list beside the unknown ones", () => {
    const { view, problems } = parseUrlView("?types=NOPE,SANCTIONS&kinds=Foo&asOf=2030-13-45&sel=e:smic");
    expect([...view.filters.types]).toEqual(["SANCTIONS"]);
    expect(view.filters.kinds.size).toBe(ENTITY_KINDS.length);
    expect(view.filters.asOf).toBeUndefined();
    expect(view.selection).toEqual({ kind: "entity", id: "smic" });
    expect(problems.map((p) => [p.param, p.value])).toEqual([
      ["types", "NOPE"],
      ["kinds", "Foo"],
      ["asOf", "2030-13-45"],
    ]);
  });

  it("should treat a list of only unknown values as no filter, not as 'hide everything'", () => {
    const { view } = parseUrlView("types=NOPE&stances=evil&kinds=Foo&ptypes=NOPE");
    expect(view.filters.types.size).toBe(ALL_TYPES.length);
    expect(view.filters.stances.size).toBe(STANCES.length);
    expect(view.filters.kinds.size).toBe(ENTITY_KINDS.length);
    expect(view.path.types).toBeUndefined();
  });

  it("should keep an empty list as the 'none' the app writes, without a problem", () => {
    const { view, problems } = parseUrlView("types=&stances=");
    expect(view.filters.types.size).toBe(0);
    expect(view.filters.stances.size).toBe(0);
    expect(problems).toEqual([]);
  });

  it("should rewrite a link without its unusable values", () => {
    const { view } = parseUrlView("types=NOPE,SANCTIONS&kinds=Foo&stances=evil&asOf=2030-13-45&hops=99&cam=1,2");
    expect(encodeUrlView(view)).toBe("types=SANCTIONS&hops=8&dir=any&k=3");
  });

  it("should find nothing wrong in a clean link or an empty one", () => {
    expect(parseUrlView("")).toEqual({ view: DEFAULT_URL_VIEW, problems: [] });
    const clean = "sel=e:smic&types=SANCTIONS&asOf=2022-02-28&from=smic&to=ukraine&hops=3&run=1&pi=0&cam=0.5,0.5,1";
    expect(parseUrlView(clean).problems).toEqual([]);
  });
});

describe("checkDataset", () => {
  it("should name a dataset the store does not hold, with the closest one", () => {
    expect(checkDataset("briefing-2022", ["briefing-2022-03", "gdelt"])?.message).toBe(
      "unknown dataset briefing-2022 ignored (did you mean briefing-2022-03?)",
    );
    expect(checkDataset("zzz", ["briefing-2022-03"])?.message).toBe("unknown dataset zzz ignored");
  });

  it("should accept a known dataset, no dataset, or a store that lists none", () => {
    expect(checkDataset("gdelt", ["briefing-2022-03", "gdelt"])).toBeNull();
    expect(checkDataset(undefined, ["gdelt"])).toBeNull();
    expect(checkDataset("gdelt", [])).toBeNull();
  });
});
