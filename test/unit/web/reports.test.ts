// The Reports screen's pure rules: cards from proposals and their editing (report-state.ts), what "Accept" sends
// (report-request.ts), the marks drawn over the report's text (report-marks.ts) and the text of a dropped file
// (report-text.ts). Hand-built proposals in this project's own words.

import { describe, expect, it } from "vitest";
import type { ProposedClaim } from "../../../src/model/claims.ts";
import { acceptRequestSchema } from "../../../src/model/report-accept.ts";
import { eventStem, marksOf, piecesOf } from "../../../src/web/reports/report-marks.ts";
import { buildAcceptRequest, newEntityIds, reportTitle } from "../../../src/web/reports/report-request.ts";
import {
  acceptAllPending,
  decide,
  editCard,
  editDraft,
  hover,
  INITIAL_REPORT,
  namesArrived,
  proposalsArrived,
  stillNegated,
  written,
  type ReportState,
} from "../../../src/web/reports/report-state.ts";
import { disarmHtml, isHtml, tidyText } from "../../../src/web/reports/report-text.ts";

const TEXT =
  "Washington added Lumen Fab to its export blacklist on Tuesday. China criticised the decision. " +
  "Beijing did not condemn the supplier.";

function claim(partial: Partial<ProposedClaim> & Pick<ProposedClaim, "evidence">): ProposedClaim {
  return {
    type: "SANCTIONS",
    cameo: "163",
    from: { id: "usa", name: "United States", kind: "Country", iso3: "USA" },
    to: { id: null, name: "Lumen Fab", kind: "Company" },
    date: "2024-04-30",
    confidence: 0.8,
    negated: false,
    ...partial,
  };
}

function sentence(text: string): ProposedClaim["evidence"] {
  const start = TEXT.indexOf(text);
  return { sentence: text, start, end: start + text.length };
}

const CLAIMS: ProposedClaim[] = [
  claim({ evidence: sentence("Washington added Lumen Fab to its export blacklist on Tuesday.") }),
  claim({
    type: "CRITICIZES",
    cameo: "111",
    from: { id: "china", name: "China", kind: "Country", iso3: "CHN" },
    to: { id: "usa", name: "United States", kind: "Country", iso3: "USA" },
    date: undefined,
    confidence: 0.7,
    evidence: sentence("China criticised the decision."),
  }),
  claim({
    type: "CONDEMNS",
    cameo: "122",
    from: { id: "china", name: "China", kind: "Country" },
    to: { id: null, name: "Lumen Fab", kind: "Company" },
    negated: true,
    confidence: 0.5,
    evidence: sentence("Beijing did not condemn the supplier."),
  }),
];

function reviewed(): ReportState {
  const s = editDraft({ text: TEXT, title: "Blacklist widened", published: "2024-05-01" })(INITIAL_REPORT);
  return proposalsArrived(TEXT, CLAIMS, [{ name: "Lumen Fab", kind: "Company" }])(s);
}

const cards = (s: ReportState) => s.review!.cards;

describe("report-state", () => {
  it("should leave the state as it is for a card that does not exist", () => {
    const s = reviewed();
    expect(decide(99, "accepted")(s)).toBe(s);
    expect(editCard(99, { confidence: 0.1 })(s)).toBe(s);
    expect(decide(0, "accepted")(INITIAL_REPORT)).toBe(INITIAL_REPORT);
  });

  it("should make one undecided card per proposal with its values, and open the review", () => {
    const s = reviewed();
    expect(s.reviewOpen).toBe(true);
    expect(cards(s).map((c) => [c.key, c.type, c.from.id, c.to.id, c.date, c.decision])).toEqual([
      [0, "SANCTIONS", "usa", null, "2024-04-30", "pending"],
      [1, "CRITICIZES", "china", "usa", "", "pending"],
      [2, "CONDEMNS", "china", null, "2024-04-30", "pending"],
    ]);
  });

  it("should accept a card when it is edited, clamp the confidence, and keep the proposal as it came", () => {
    const s = editCard(1, { confidence: 1.7, type: "WARNS" })(reviewed());
    const card = cards(s)[1]!;
    expect(card).toMatchObject({ decision: "accepted", confidence: 1, type: "WARNS" });
    expect(card.proposed.type).toBe("CRITICIZES");
    // A rejected card stays rejected when edited.
    const rejected = editCard(0, { date: "2024-05-02" })(decide(0, "rejected")(reviewed()));
    expect(cards(rejected)[0]!.decision).toBe("rejected");
  });

  it("should accept every undecided card and leave the rejected ones", () => {
    const s = acceptAllPending(decide(2, "rejected")(reviewed()));
    expect(cards(s).map((c) => c.decision)).toEqual(["accepted", "accepted", "rejected"]);
  });

  it("should call a negated card negated until its type is changed", () => {
    const s = reviewed();
    expect(stillNegated(cards(s)[2]!)).toBe(true);
    expect(stillNegated(cards(editCard(2, { type: "REFUSES_TO_CONDEMN" })(s))[2]!)).toBe(false);
  });

  it("should change the hovered card only when it changes, and close the review once written", () => {
    const s = hover(1)(reviewed());
    expect(s.hovered).toBe(1);
    expect(hover(1)(s)).toBe(s);
    const done = written({
      dataset: "reports",
      store: "file",
      file: "data/reports.yaml",
      source: "x",
      entities: [],
      relations: ["a", "b"],
    })(s);
    expect(done.reviewOpen).toBe(false);
    expect(done.notice?.text).toMatch(/2 relations written to dataset reports \(data\/reports\.yaml\)/);
  });
});

describe("report-request", () => {
  it.each([
    ["no accepted card", (s: ReportState) => s, "cards"],
    [
      "a bad dataset name",
      (s: ReportState) => editDraft({ dataset: "My Reports" })(decide(0, "accepted")(s)),
      "dataset",
    ],
    ["a bad date", (s: ReportState) => editDraft({ published: "1 May" })(decide(0, "accepted")(s)), "published"],
    ["a bad address", (s: ReportState) => editDraft({ url: "example.org" })(decide(0, "accepted")(s)), "url"],
    ["a card still negated", (s: ReportState) => decide(2, "accepted")(s), "card"],
    [
      "a card linking an entity to itself",
      (s: ReportState) => editCard(1, { to: { id: "china", name: "China", kind: "Country" } })(s),
      "card",
    ],
    ["a card with a bad date", (s: ReportState) => editCard(0, { date: "2024-13-01" })(s), "card"],
  ])("should send nothing with %s, naming the field", (_what, change, field) => {
    const built = buildAcceptRequest(change(reviewed()));
    expect(built.request).toBeNull();
    expect(built.problems[0]!.field).toBe(field);
  });

  it("should send the accepted cards, one new entity per name and kind, and the report as the source", () => {
    let s = reviewed();
    s = decide(0, "accepted")(s);
    s = editCard(2, { type: "REFUSES_TO_CONDEMN", confidence: 0.6 })(s);
    s = decide(1, "rejected")(s);
    const { request, problems } = buildAcceptRequest(s);
    expect(problems).toEqual([]);
    expect(request).toEqual({
      dataset: "reports",
      source: { title: "Blacklist widened", published: "2024-05-01" },
      entities: [{ id: "lumen-fab", kind: "Company", name: "Lumen Fab" }],
      claims: [
        {
          type: "SANCTIONS",
          from: "usa",
          to: "lumen-fab",
          date: "2024-04-30",
          confidence: 0.8,
          cameo: "163",
          evidence: CLAIMS[0]!.evidence,
        },
        {
          type: "REFUSES_TO_CONDEMN",
          from: "china",
          to: "lumen-fab",
          date: "2024-04-30",
          confidence: 0.6,
          evidence: CLAIMS[2]!.evidence,
        },
      ],
    });
    // What the screen sends is what the server's schema takes.
    expect(acceptRequestSchema.safeParse(request).success).toBe(true);
  });

  it("should send an end picked from the store by its id", () => {
    const s = editCard(0, { to: { id: "smic", name: "SMIC", kind: "Company" } })(reviewed());
    const { request } = buildAcceptRequest(s);
    expect(request!.entities).toEqual([]);
    expect(request!.claims[0]).toMatchObject({ from: "usa", to: "smic" });
  });

  it("should keep new entities' ids apart from each other and from the ids in use", () => {
    const ids = newEntityIds(
      [
        { id: null, name: "Lumen Fab", kind: "Company" },
        { id: null, name: "lumen fab", kind: "Company" },
        { id: null, name: "Lumen-Fab", kind: "Organization" },
        { id: null, name: "USA", kind: "Group" },
      ],
      new Set(["usa"]),
    );
    expect([...ids.values()]).toEqual(["lumen-fab", "lumen-fab-2", "usa-2"]);
  });

  it("should take the report's first line as its title when none is typed", () => {
    const s = editDraft({ title: "" })(reviewed());
    // The first line, cut to 120 characters.
    expect(reportTitle(s)).toBe(`${TEXT.slice(0, 117).trimEnd()}…`);
    expect(reportTitle(editDraft({ title: "  Own title " })(s))).toBe("Own title");
  });
});

describe("report-marks", () => {
  it("should mark nothing for a card whose offsets fall outside the text", () => {
    const bad = proposalsArrived(
      "short",
      [claim({ evidence: { sentence: "x", start: 3, end: 40 } })],
      [],
    )(INITIAL_REPORT);
    expect(marksOf("short", cards(bad))).toEqual([]);
  });

  it.each([
    ["SANCTIONS", "sancti"],
    ["CRITICIZES", "critic"],
    ["WARNS", "warn"],
    ["REFUSES_TO_CONDEMN", "refus"],
  ] as const)("should find %s by the stem %s", (type, stem) => {
    expect(eventStem(type)).toBe(stem);
  });

  it("should mark the actors named and the event words inside the claims' sentences", () => {
    const marks = marksOf(TEXT, cards(reviewed())).map((m) => [TEXT.slice(m.start, m.end), m.kind]);
    expect(marks).toEqual([
      ["Lumen Fab", "actor"],
      ["China", "actor"],
      ["criticised", "event"],
      ["condemn", "event"],
    ]);
  });

  it("should mark a store entity by an alias it has in the store (Washington for the United States)", () => {
    const s = namesArrived({ usa: ["United States", "Washington"] })(reviewed());
    const actors = marksOf(TEXT, cards(s), s.review!.names)
      .filter((m) => m.kind === "actor")
      .map((m) => TEXT.slice(m.start, m.end));
    expect(actors).toEqual(["Washington", "Lumen Fab", "China"]);
  });

  it("should cut the text into pieces that join back into it, the hovered card's sentence marked", () => {
    const s = reviewed();
    const pieces = piecesOf(TEXT, cards(s), 1);
    expect(pieces.map((p) => p.text).join("")).toBe(TEXT);
    const hot = pieces
      .filter((p) => p.hovered)
      .map((p) => p.text)
      .join("");
    expect(hot).toBe("China criticised the decision.");
    expect(pieces.every((p) => p.claimed || p.text.trim() === "")).toBe(true);
  });
});

describe("report-text", () => {
  it.each([
    ["a.html", "", "plain", true],
    ["a.txt", "text/html", "plain", true],
    ["a.txt", "text/plain", "<!DOCTYPE html><p>x", true],
    ["a.txt", "text/plain", "Beijing said <b>no</b>.", false],
  ])("should tell HTML by name, type or opening (%s, %s)", (name, type, text, html) => {
    expect(isHtml(name, type, text)).toBe(html);
  });

  it("should collapse spaces within lines and keep at most one blank line", () => {
    expect(tidyText("  One \t two\r\n\r\n\r\n\r\nthree  \n")).toBe("One two\n\nthree");
  });
});

describe("report-text disarmHtml", () => {
  it.each([
    ['<img src=x onerror="a()">', '<img data-x-src=x data-x-onerror="a()">'],
    ['<p class=a onclick="b()" ONLOAD=c>Hi</p>', '<p class=a data-x-onclick="b()" data-x-ONLOAD=c>Hi</p>'],
    ['<img\nsrcset="y 2x">', '<img\ndata-x-srcset="y 2x">'],
    ["plain text: the onset = spring", "plain text: the onset = spring"],
  ])("should disarm %s", (html, disarmed) => {
    expect(disarmHtml(html)).toBe(disarmed);
  });
});
