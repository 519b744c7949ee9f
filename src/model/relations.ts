// The relation registry: every relation type Statecraft stores, how to read it in both directions, its stance and
// the CAMEO event codes it covers. Neo4j relationship types come only from here (types cannot be query parameters),
// and the UI builds its menus, legend and path sentences from it.

export const STANCES = ["hostile", "cooperative", "neutral", "structural"] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_INFO: Record<Stance, { label: string; definition: string }> = {
  hostile: { label: "Hostile", definition: "Pressure, criticism, coercion or force against the target." },
  cooperative: { label: "Cooperative", definition: "Support, alignment, protection or exchange with the target." },
  neutral: { label: "Neutral", definition: "Neither hostile nor cooperative: requests, refusals to take a side." },
  structural: { label: "Structural", definition: "Standing facts: membership, ownership, leadership, location." },
};

export interface RelationTypeSpec {
  /** Neo4j relationship type, upper snake case. */
  type: string;
  /** Reading from subject to object: "China {sanctions} Russia". */
  reading: string;
  /** Reading from object to subject: "Russia {is sanctioned by} United States". */
  inverse: string;
  stance: Stance;
  /** CAMEO event codes (root, base or full) that map onto this type. */
  cameo: readonly string[];
  /** One-line definition for the docs and the UI. */
  definition: string;
  /** True when "a R b" implies "b R a" (the arrow is kept but carries no meaning). */
  symmetric?: boolean;
}

export const RELATION_TYPES = [
  // Hostile
  {
    type: "SANCTIONS",
    reading: "sanctions",
    inverse: "is sanctioned by",
    stance: "hostile",
    cameo: ["163", "172"],
    definition: "Imposes sanctions, embargoes or export controls on the target.",
  },
  {
    type: "THREATENS",
    reading: "threatens",
    inverse: "is threatened by",
    stance: "hostile",
    cameo: ["13", "130", "131", "132", "138", "139"],
    definition: "Threatens the target with a measure or with force.",
  },
  {
    type: "WARNS",
    reading: "warns",
    inverse: "is warned by",
    stance: "hostile",
    cameo: ["012"],
    definition: "Cautions the target against a course of action, short of a threat.",
  },
  {
    type: "CRITICIZES",
    reading: "criticizes",
    inverse: "is criticized by",
    stance: "hostile",
    cameo: ["11", "110", "111", "112"],
    definition: "Criticizes, denounces or accuses the target.",
  },
  {
    type: "CONDEMNS",
    reading: "condemns",
    inverse: "is condemned by",
    stance: "hostile",
    cameo: ["111"],
    definition: "Formally condemns an act of the target.",
  },
  {
    type: "ATTACKS",
    reading: "attacks",
    inverse: "is attacked by",
    stance: "hostile",
    cameo: ["18", "19", "190", "193", "194", "195", "20"],
    definition: "Uses military force or violence against the target.",
  },
  {
    type: "COERCES",
    reading: "coerces",
    inverse: "is coerced by",
    stance: "hostile",
    cameo: ["17", "170", "171", "173", "174", "175", "176"],
    definition: "Seizes, detains, represses or otherwise coerces the target.",
  },
  {
    type: "OPPOSES",
    reading: "opposes",
    inverse: "is opposed by",
    stance: "hostile",
    cameo: ["12", "120", "121", "125", "128", "129", "16", "160", "161", "164"],
    definition: "Rejects, vetoes or reduces relations with the target.",
  },
  // Cooperative
  {
    type: "PROTECTS",
    reading: "protects",
    inverse: "is protected by",
    stance: "cooperative",
    cameo: ["052", "074"],
    definition: "Pledges or gives protection to the target, verbally or materially.",
  },
  {
    type: "SUPPORTS",
    reading: "supports",
    inverse: "is supported by",
    stance: "cooperative",
    cameo: ["05", "050", "051", "053", "07", "070", "071", "072", "073"],
    definition: "Endorses, aids or rallies support for the target.",
  },
  {
    type: "ALIGNS_WITH",
    reading: "aligns with",
    inverse: "is aligned with by",
    stance: "cooperative",
    cameo: ["019", "032"],
    definition: "Shares the target's position on an issue without a formal alliance.",
  },
  {
    type: "ALLIED_WITH",
    reading: "is allied with",
    inverse: "is allied with",
    stance: "cooperative",
    cameo: ["057", "062"],
    definition: "Bound to the target by a treaty or standing military cooperation.",
    symmetric: true,
  },
  {
    type: "COOPERATES_WITH",
    reading: "cooperates with",
    inverse: "cooperates with",
    stance: "cooperative",
    cameo: ["03", "030", "04", "040", "042", "043", "046", "06", "060", "063", "064"],
    definition: "Meets, negotiates or works together with the target.",
    symmetric: true,
  },
  {
    type: "TRADES_WITH",
    reading: "trades with",
    inverse: "trades with",
    stance: "cooperative",
    cameo: ["061"],
    definition: "Has significant trade with the target.",
    symmetric: true,
  },
  {
    type: "EXPORTS_TO",
    reading: "exports to",
    inverse: "imports from",
    stance: "cooperative",
    cameo: [],
    definition: "Sells goods or technology to the target.",
  },
  // Neutral
  {
    type: "REFUSES_TO_CONDEMN",
    reading: "refuses to condemn",
    inverse: "is not condemned by",
    stance: "neutral",
    cameo: ["011"],
    definition: "Declines to condemn the target where others have.",
  },
  {
    type: "SEEKS_EXEMPTION_FROM",
    reading: "seeks an exemption from",
    inverse: "is asked for an exemption by",
    stance: "neutral",
    cameo: ["02", "020", "021"],
    definition: "Asks the target for a waiver from its rules or measures.",
  },
  {
    type: "INTERVIEWS",
    reading: "interviews",
    inverse: "is interviewed by",
    stance: "neutral",
    cameo: [],
    definition: "Publishes an interview with the target.",
  },
  {
    type: "MENTIONS",
    reading: "mentions",
    inverse: "is mentioned by",
    stance: "neutral",
    cameo: ["01", "010"],
    definition: "Makes a statement about the target with no clear stance.",
  },
  // Structural
  {
    type: "EXPANDS_INTO",
    reading: "expands into",
    inverse: "is expanded into by",
    stance: "structural",
    cameo: [],
    definition: "Extends its membership or presence into the target region.",
  },
  {
    type: "PART_OF",
    reading: "is part of",
    inverse: "includes",
    stance: "structural",
    cameo: [],
    definition: "Is an organ or subdivision of the target.",
  },
  {
    type: "MEMBER_OF",
    reading: "is a member of",
    inverse: "has as a member",
    stance: "structural",
    cameo: [],
    definition: "Belongs to the target alliance, organisation or group.",
  },
  {
    type: "SPEAKS_FOR",
    reading: "speaks for",
    inverse: "is represented by",
    stance: "structural",
    cameo: [],
    definition: "Is the spokesperson of the target.",
  },
  {
    type: "LEADS",
    reading: "leads",
    inverse: "is led by",
    stance: "structural",
    cameo: [],
    definition: "Heads the target body or organisation.",
  },
  {
    type: "BASED_IN",
    reading: "is based in",
    inverse: "is home to",
    stance: "structural",
    cameo: [],
    definition: "Is headquartered or registered in the target.",
  },
  {
    type: "OWNS",
    reading: "owns",
    inverse: "is owned by",
    stance: "structural",
    cameo: [],
    definition: "Holds a stake in or controls the target.",
  },
  {
    type: "DIRECTS",
    reading: "directs",
    inverse: "is directed by",
    stance: "structural",
    cameo: [],
    definition: "Sits on the board or management of the target.",
  },
  {
    type: "RELATED_TO",
    reading: "is related to",
    inverse: "is related to",
    stance: "structural",
    cameo: [],
    definition: "Is linked to the target: an associate, or a link whose nature the source does not say.",
    symmetric: true,
  },
  // Sanctions and ownership feeds (OpenSanctions / FollowTheMoney): standing ties between people, firms and states.
  {
    type: "FAMILY_OF",
    reading: "is a relative of",
    inverse: "is a relative of",
    stance: "structural",
    cameo: [],
    definition: "Is a family member of the target (the kind of kinship, when known, is kept as its role).",
    symmetric: true,
  },
  {
    type: "CITIZEN_OF",
    reading: "is a citizen of",
    inverse: "has as a citizen",
    stance: "structural",
    cameo: [],
    definition: "Holds the nationality or citizenship of the target country.",
  },
] as const satisfies readonly RelationTypeSpec[];

export type RelationType = (typeof RELATION_TYPES)[number]["type"];

const BY_TYPE: ReadonlyMap<string, RelationTypeSpec> = new Map(RELATION_TYPES.map((spec) => [spec.type, spec]));

export const RELATION_TYPE_NAMES: readonly RelationType[] = RELATION_TYPES.map((spec) => spec.type);

export function isRelationType(value: unknown): value is RelationType {
  return typeof value === "string" && BY_TYPE.has(value);
}

export function getRelationSpec(type: string): RelationTypeSpec {
  const spec = BY_TYPE.get(type);
  if (!spec) throw new UnknownRelationTypeError(type);
  return spec;
}

export function getTypesByStance(stances: readonly Stance[]): RelationType[] {
  return RELATION_TYPES.filter((spec) => (stances as readonly string[]).includes(spec.stance)).map((s) => s.type);
}

/** The relation type a CAMEO event code maps to, trying the full code, then its base and root codes. */
export function getTypeForCameo(code: string): RelationType | undefined {
  for (let len = code.length; len >= 2; len--) {
    const prefix = code.slice(0, len);
    const spec = RELATION_TYPES.find((s) => (s.cameo as readonly string[]).includes(prefix));
    if (spec) return spec.type;
  }
  return undefined;
}

export class UnknownRelationTypeError extends Error {
  override name = "UnknownRelationTypeError";
  constructor(readonly type: string) {
    super(`statecraft/model: unknown relation type "${type}"`);
  }
}
