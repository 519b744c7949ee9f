// The hand-built world the GraphStore spec states its answers on: seven entities and eight relations in two
// datasets, made up for the tests (no real country is meant), small enough that every expected answer below can be
// worked out by hand from this file. Each relation is there for a rule: an event, a standing fact that ended, one
// that is open, a timeless one, two relations between one pair, an entity in two datasets, an entity with none.

import type { Dataset } from "../../src/model/types.ts";

/**
 * north: Avalon, Borduria, Carpania (countries), Dora Dunn (a person), Ember Works (a company), six relations.
 * south: Avalon again (so it belongs to both), the Fenwick Pact, and the Ember Works union (no relation at all, and
 * a name that folds to Ember Works' own), with two memberships.
 *
 * The relations, with their confidence and time:
 *   avalon   SANCTIONS   borduria  0.72  on 2021-05-01
 *   borduria THREATENS   carpania  0.72  on 2021-06-01
 *   avalon   ALLIED_WITH carpania  1     2010-01-01 to 2020-12-31
 *   dora     LEADS       avalon    1     2019-03-01 to 2024-06-30
 *   ember    BASED_IN    borduria  1     always
 *   carpania CRITICIZES  avalon    0.6   on 2022-02-02
 *   carpania MEMBER_OF   fenwick   1     from 2015-01-01 (south)
 *   avalon   MEMBER_OF   fenwick   1     from 2015-01-01 (south)
 * Ember to Fenwick so has two paths of 3 with the same confidence (through Avalon or through Carpania), for the
 * tie-break, and Avalon to Carpania two relations of its own.
 */
export const NORTH: Dataset = {
  info: { id: "north", title: "North (hand-built)" },
  file: "north.yaml",
  sources: [
    { id: "gazette", title: "Harbour Gazette", publisher: "Gazette Press", published: "2021-05-02", marking: "public" },
    { id: "wire", title: "Wire report" },
  ],
  entities: [
    {
      id: "avalon",
      kind: "Country",
      name: "Avalon",
      aliases: { en: ["Isle of Apples"], fr: ["Île d'Avalon"] },
      iso3: "AVA",
    },
    { id: "borduria", kind: "Country", name: "Borduria", aliases: { en: ["Bordurian Republic"] }, iso3: "BOR" },
    { id: "carpania", kind: "Country", name: "Carpania", aliases: {} },
    { id: "dora", kind: "Person", name: "Dora Dunn", aliases: {} },
    { id: "ember", kind: "Company", name: "Ember Works", aliases: { en: ["Ember"] }, description: "A foundry." },
  ],
  relations: [
    {
      // An event: holds from its day on.
      id: "avalon-sanctions-borduria",
      type: "SANCTIONS",
      from: "avalon",
      to: "borduria",
      date: "2021-05-01",
      confidence: 0.72,
      inference: false,
      // The wire twice: the relation's sources list it once, in evidence order.
      evidence: [
        { source: "wire", text: "Avalon froze Bordurian assets." },
        { source: "gazette", text: "Sanctions announced." },
        { source: "wire", text: "A second round followed." },
      ],
    },
    {
      id: "borduria-threatens-carpania",
      type: "THREATENS",
      from: "borduria",
      to: "carpania",
      date: "2021-06-01",
      confidence: 0.72,
      inference: false,
      evidence: [{ source: "wire", text: "Borduria warned of consequences." }],
    },
    {
      // A standing fact that ended.
      id: "avalon-allied-with-carpania",
      type: "ALLIED_WITH",
      from: "avalon",
      to: "carpania",
      validFrom: "2010-01-01",
      validTo: "2020-12-31",
      confidence: 1,
      inference: false,
      evidence: [{ source: "gazette", text: "The treaty ran out." }],
    },
    {
      id: "dora-leads-avalon",
      type: "LEADS",
      from: "dora",
      to: "avalon",
      validFrom: "2019-03-01",
      validTo: "2024-06-30",
      confidence: 1,
      inference: false,
      evidence: [{ source: "gazette", text: "Dora Dunn took office." }],
    },
    {
      // Timeless: no date at all, so every time filter keeps it.
      id: "ember-based-in-borduria",
      type: "BASED_IN",
      from: "ember",
      to: "borduria",
      confidence: 1,
      inference: true,
      evidence: [],
    },
    {
      // The second relation between Avalon and Carpania, against the other's arrow.
      id: "carpania-criticizes-avalon",
      type: "CRITICIZES",
      from: "carpania",
      to: "avalon",
      date: "2022-02-02",
      confidence: 0.6,
      inference: false,
      evidence: [{ source: "gazette", text: "Carpania called the tariffs unfair." }],
      note: "on tariffs",
      marking: "internal",
    },
  ],
};

export const SOUTH: Dataset = {
  info: { id: "south", title: "South (hand-built)" },
  file: "south.yaml",
  sources: [
    { id: "gazette", title: "Harbour Gazette", publisher: "Gazette Press", published: "2021-05-02", marking: "public" },
  ],
  entities: [
    {
      id: "avalon",
      kind: "Country",
      name: "Avalon",
      aliases: { en: ["Isle of Apples"], fr: ["Île d'Avalon"] },
      iso3: "AVA",
    },
    { id: "fenwick", kind: "Alliance", name: "Fenwick Pact", aliases: {} },
    { id: "ember-union", kind: "Group", name: "Ember works", aliases: {} },
  ],
  relations: [
    {
      // Open-ended: holds from validFrom on.
      id: "carpania-member-of-fenwick",
      type: "MEMBER_OF",
      from: "carpania",
      to: "fenwick",
      validFrom: "2015-01-01",
      confidence: 1,
      inference: false,
      evidence: [{ source: "gazette", text: "Carpania joined the pact." }],
    },
    {
      id: "avalon-member-of-fenwick",
      type: "MEMBER_OF",
      from: "avalon",
      to: "fenwick",
      validFrom: "2015-01-01",
      confidence: 1,
      inference: false,
      evidence: [{ source: "gazette", text: "Avalon joined the pact." }],
    },
  ],
};

export const TINY_WORLD: Dataset[] = [NORTH, SOUTH];
