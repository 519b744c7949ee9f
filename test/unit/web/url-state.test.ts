// The shareable URL: encode/decode round-trips, readable links, tolerance of hand-edited ones.

import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "../../../src/web/state/filters.ts";
import {
  DEFAULT_URL_VIEW,
  URL_ID_CAP,
  decodeUrlView,
  differsOnlyByCamera,
  encodeUrlView,
  type UrlView,
} from "../../../src/web/state/url-state.ts";

const full: UrlView = {
  dataset: "briefing-2022-03",
  selection: { kind: "relation", id: "russia-attacks-ukraine" },
  filters: {
    types: new Set(["SANCTIONS", "THREATENS", "ATTACKS"]),
    stances: new Set(["hostile"]),
    kinds: new Set(["Country", "Company"]),
    asOf: "2022-03-08",
  },
  path: {
    from: "smic",
    to: "ukraine",
    maxHops: 3,
    direction: "follow",
    k: 5,
    types: ["THREATENS", "SANCTIONS", "ATTACKS"],
    stances: ["hostile"],
  },
  run: true,
  activePath: 1,
  camera: { x: 0.5123, y: 0.4, ratio: 0.25 },
  tab: "paths",
  add: ["nyt", "smic"],
  hide: ["eastern-europe"],
  layout: "map",
  fold: ["nato", "us-european-allies"],
};

describe("URL state", () => {
  it("round-trips a full view", () => {
    expect(decodeUrlView(encodeUrlView(full))).toEqual(full);
  });

  it("round-trips the default view as an empty query", () => {
    expect(encodeUrlView(DEFAULT_URL_VIEW)).toBe("");
    expect(decodeUrlView("")).toEqual(DEFAULT_URL_VIEW);
  });

  it("round-trips 'none' for a filter, which differs from 'all'", () => {
    const none: UrlView = { ...DEFAULT_URL_VIEW, filters: { ...DEFAULT_FILTERS, types: new Set() } };
    const encoded = encodeUrlView(none);
    expect(encoded).toBe("types=");
    expect(decodeUrlView(encoded).filters.types.size).toBe(0);
  });

  it("writes readable links", () => {
    expect(encodeUrlView(full)).toBe(
      "ds=briefing-2022-03&sel=r:russia-attacks-ukraine&types=SANCTIONS,THREATENS,ATTACKS&stances=hostile" +
        "&kinds=Country,Company&asOf=2022-03-08&from=smic&to=ukraine&hops=3&dir=follow&k=5" +
        "&ptypes=THREATENS,SANCTIONS,ATTACKS&pstances=hostile&run=1&pi=1&tab=paths&view=map" +
        "&fold=nato,us-european-allies&add=nyt,smic&hide=eastern-europe&cam=0.5123,0.4,0.25",
    );
  });

  it("accepts a leading '?'", () => {
    expect(decodeUrlView(`?${encodeUrlView(full)}`)).toEqual(full);
  });

  it("drops what it does not understand instead of failing", () => {
    const v = decodeUrlView("sel=x:1&types=NOPE,ATTACKS&hops=99&k=-3&dir=sideways&asOf=yesterday&cam=1,2&tab=zzz");
    expect(v.selection).toBeNull();
    expect([...v.filters.types]).toEqual(["ATTACKS"]);
    expect(v.path.maxHops).toBe(8);
    expect(v.path.k).toBe(1);
    expect(v.path.direction).toBe("any");
    expect(v.filters.asOf).toBeUndefined();
    expect(v.camera).toBeUndefined();
    expect(v.tab).toBe("filters");
  });

  it("does not mark a path as run without both ends", () => {
    expect(decodeUrlView("from=smic&run=1").run).toBe(false);
  });

  it("leaves long id lists out rather than writing huge links", () => {
    const many = Array.from({ length: URL_ID_CAP + 1 }, (_, i) => `e${i}`);
    expect(encodeUrlView({ ...DEFAULT_URL_VIEW, hide: many })).toBe("");
  });

  it("should leave a folded group's aggregated relation out of the selection it writes", () => {
    const view: UrlView = { ...DEFAULT_URL_VIEW, selection: { kind: "relation", id: "group:nato|SANCTIONS|russia" } };
    expect(encodeUrlView(view)).toBe("");
  });

  it("should write each folded group once, sorted", () => {
    expect(encodeUrlView({ ...DEFAULT_URL_VIEW, fold: ["nato", "eu"] })).toBe("fold=eu,nato");
    expect(decodeUrlView("fold=nato,eu,nato").fold).toEqual(["eu", "nato"]);
  });

  it("tells camera-only changes apart", () => {
    expect(differsOnlyByCamera("sel=e:a&cam=1,1,1", "sel=e:a&cam=2,2,1")).toBe(true);
    expect(differsOnlyByCamera("sel=e:a", "sel=e:a&cam=2,2,1")).toBe(true);
    expect(differsOnlyByCamera("sel=e:a&cam=1,1,1", "sel=e:b&cam=1,1,1")).toBe(false);
    expect(differsOnlyByCamera("sel=e:a", "sel=e:a")).toBe(false);
  });
});
