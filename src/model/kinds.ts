// The kinds of entity Statecraft knows. Each kind is also a Neo4j label beside `:Entity`, so this list is the
// only place a label can come from.

export const ENTITY_KINDS = [
  "Country",
  "Company",
  "Alliance",
  "Organization",
  "GovernmentBody",
  "Person",
  "Group",
  "Region",
  "Media",
  "Vessel",
  "Aircraft",
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface KindInfo {
  kind: EntityKind;
  /** Singular noun for the UI ("country"). */
  noun: string;
  /** Plural noun for the UI ("countries"). */
  plural: string;
  /** What counts as this kind, one line. */
  definition: string;
}

export const KIND_INFO: Record<EntityKind, KindInfo> = {
  Country: { kind: "Country", noun: "country", plural: "countries", definition: "A sovereign state." },
  Company: { kind: "Company", noun: "company", plural: "companies", definition: "A firm or corporation." },
  Alliance: {
    kind: "Alliance",
    noun: "alliance",
    plural: "alliances",
    definition: "A treaty-based alliance or bloc of states.",
  },
  Organization: {
    kind: "Organization",
    noun: "organization",
    plural: "organizations",
    definition: "An international, non-governmental or other organisation.",
  },
  GovernmentBody: {
    kind: "GovernmentBody",
    noun: "government body",
    plural: "government bodies",
    definition: "A ministry, agency or other organ of a state.",
  },
  Person: { kind: "Person", noun: "person", plural: "people", definition: "A named individual." },
  Group: {
    kind: "Group",
    noun: "group",
    plural: "groups",
    definition: "A described set of actors that acts or is treated as one (e.g. firms trading with Russia).",
  },
  Region: { kind: "Region", noun: "region", plural: "regions", definition: "A geographic region." },
  Media: {
    kind: "Media",
    noun: "media outlet",
    plural: "media outlets",
    definition: "A newspaper, broadcaster or agency.",
  },
  Vessel: { kind: "Vessel", noun: "vessel", plural: "vessels", definition: "A ship, named and usually registered." },
  Aircraft: {
    kind: "Aircraft",
    noun: "aircraft",
    plural: "aircraft",
    definition: "An aeroplane or helicopter, named or registered.",
  },
};

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === "string" && (ENTITY_KINDS as readonly string[]).includes(value);
}
