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
    cameo: ["13", "130", "132", "138"],
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
    cameo: ["11", "110", "111"],
    definition: "Criticizes, denounces or complains officially about the target.",
  },
  {
    type: "CONDEMNS",
    reading: "condemns",
    inverse: "is condemned by",
    stance: "hostile",
    // No CAMEO code of its own: the codebook's "criticize or denounce" (111) is CRITICIZES.
    cameo: [],
    definition: "Formally condemns an act of the target.",
  },
  {
    type: "ATTACKS",
    reading: "attacks",
    inverse: "is attacked by",
    stance: "hostile",
    cameo: ["18", "180", "20"],
    definition: "Uses unconventional or mass violence against the target: assault, bombing, killing.",
  },
  {
    type: "COERCES",
    reading: "coerces",
    inverse: "is coerced by",
    stance: "hostile",
    cameo: ["17", "173", "174"],
    definition: "Seizes, detains, represses or otherwise coerces the target.",
  },
  {
    type: "OPPOSES",
    reading: "opposes",
    inverse: "is opposed by",
    stance: "hostile",
    cameo: ["113", "128", "129", "16", "161"],
    definition: "Vetoes, defies, rallies opposition against or reduces relations with the target.",
  },
  // Cooperative
  {
    type: "PROTECTS",
    reading: "protects",
    inverse: "is protected by",
    stance: "cooperative",
    cameo: ["052", "074", "075"],
    definition: "Pledges or gives protection to the target, verbally or materially.",
  },
  {
    type: "SUPPORTS",
    reading: "supports",
    inverse: "is supported by",
    stance: "cooperative",
    cameo: ["05", "018", "050", "051"],
    definition: "Endorses, praises or rallies support for the target.",
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
    cameo: ["062"],
    definition: "Bound to the target by a treaty or standing military cooperation.",
    symmetric: true,
  },
  {
    type: "COOPERATES_WITH",
    reading: "cooperates with",
    inverse: "cooperates with",
    stance: "cooperative",
    cameo: ["03", "036", "06", "060"],
    definition: "Works together with the target, or says it will.",
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
    cameo: ["0251", "0254"],
    definition: "Asks the target for a waiver from, or an easing of, its sanctions or rules.",
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
    cameo: ["01"],
    definition: "Makes a statement about the target with no clear stance.",
  },
  // Event types of the CAMEO codebook (model/cameo.ts) that the curated types above do not cover. Every CAMEO code
  // maps to exactly one type through its most specific listed prefix (getTypeForCameo).
  {
    type: "APPEALS_TO",
    reading: "appeals to",
    inverse: "is appealed to by",
    stance: "neutral",
    cameo: ["02"],
    definition: "Asks the target for cooperation, aid, reform, restraint or talks.",
  },
  {
    type: "CONSULTS",
    reading: "consults",
    inverse: "is consulted by",
    stance: "cooperative",
    cameo: ["04"],
    definition: "Meets, calls or confers with the target, or mediates with it.",
  },
  {
    type: "VISITS",
    reading: "visits",
    inverse: "is visited by",
    stance: "cooperative",
    cameo: ["042"],
    definition: "Makes an official visit to the target.",
  },
  {
    type: "HOSTS",
    reading: "hosts",
    inverse: "is hosted by",
    stance: "cooperative",
    cameo: ["043"],
    definition: "Receives a visit from the target.",
  },
  {
    type: "NEGOTIATES_WITH",
    reading: "negotiates with",
    inverse: "negotiates with",
    stance: "cooperative",
    cameo: ["046"],
    definition: "Holds negotiations with the target.",
    symmetric: true,
  },
  {
    type: "RECOGNIZES",
    reading: "recognizes",
    inverse: "is recognized by",
    stance: "cooperative",
    cameo: ["054"],
    definition: "Grants diplomatic recognition to the target.",
  },
  {
    type: "APOLOGIZES_TO",
    reading: "apologizes to",
    inverse: "receives an apology from",
    stance: "cooperative",
    cameo: ["055"],
    definition: "Apologizes to the target.",
  },
  {
    type: "FORGIVES",
    reading: "forgives",
    inverse: "is forgiven by",
    stance: "cooperative",
    cameo: ["056"],
    definition: "Forgives the target.",
  },
  {
    type: "SIGNS_AGREEMENT_WITH",
    reading: "signs an agreement with",
    inverse: "signs an agreement with",
    stance: "cooperative",
    cameo: ["057"],
    definition: "Signs a formal agreement with the target.",
    symmetric: true,
  },
  {
    type: "GIVES_AID_TO",
    reading: "gives aid to",
    inverse: "receives aid from",
    stance: "cooperative",
    cameo: ["07"],
    definition: "Provides economic, military or humanitarian aid to the target.",
  },
  {
    type: "YIELDS_TO",
    reading: "yields to",
    inverse: "is yielded to by",
    stance: "cooperative",
    cameo: ["08"],
    definition: "Gives way to the target: eases restrictions, releases, accedes to demands or de-escalates.",
  },
  {
    type: "EASES_SANCTIONS_ON",
    reading: "eases sanctions on",
    inverse: "has sanctions eased by",
    stance: "cooperative",
    cameo: ["085"],
    definition: "Eases economic sanctions, a boycott or an embargo on the target.",
  },
  {
    type: "INVESTIGATES",
    reading: "investigates",
    inverse: "is investigated by",
    stance: "neutral",
    cameo: ["09"],
    definition: "Investigates the target for crime, abuses or military action.",
  },
  {
    type: "DEMANDS",
    reading: "makes demands of",
    inverse: "faces demands from",
    stance: "hostile",
    cameo: ["10"],
    definition: "Demands cooperation, aid, reform, concessions or talks from the target.",
  },
  {
    type: "ACCUSES",
    reading: "accuses",
    inverse: "is accused by",
    stance: "hostile",
    cameo: ["112"],
    definition: "Accuses the target of crime, abuses, aggression or espionage.",
  },
  {
    type: "SUES",
    reading: "takes legal action against",
    inverse: "faces legal action from",
    stance: "hostile",
    cameo: ["115", "116"],
    definition: "Brings a lawsuit against the target or finds it guilty or liable.",
  },
  {
    type: "REJECTS",
    reading: "rejects",
    inverse: "is rejected by",
    stance: "hostile",
    cameo: ["12"],
    definition: "Rejects the target's proposal, request, demand or mediation, or refuses to yield to it.",
  },
  {
    type: "PROTESTS_AGAINST",
    reading: "protests against",
    inverse: "faces protests from",
    stance: "hostile",
    cameo: ["14"],
    definition: "Demonstrates, strikes, boycotts, blocks or riots against the target.",
  },
  {
    type: "MOBILIZES_AGAINST",
    reading: "mobilizes against",
    inverse: "faces a mobilization by",
    stance: "hostile",
    cameo: ["15"],
    definition: "Puts police, armed or cyber forces on alert or mobilizes them, facing the target.",
  },
  {
    type: "FIGHTS",
    reading: "fights",
    inverse: "is fought by",
    stance: "hostile",
    cameo: ["19"],
    definition: "Uses conventional military force against the target: blockade, small arms, artillery, air strikes.",
  },
  {
    type: "OCCUPIES",
    reading: "occupies",
    inverse: "is occupied by",
    stance: "hostile",
    cameo: ["192"],
    definition: "Occupies territory of the target.",
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

const BY_CAMEO: ReadonlyMap<string, RelationType> = new Map(
  RELATION_TYPES.flatMap((spec) => spec.cameo.map((code) => [code, spec.type] as const)),
);

/**
 * The relation type a CAMEO event code maps to: the type listing the code's most specific prefix (the full code,
 * then its base, then its root). Undefined for a code whose root no type lists (not a CAMEO code).
 */
export function getTypeForCameo(code: string): RelationType | undefined {
  for (let len = code.length; len >= 2; len--) {
    const type = BY_CAMEO.get(code.slice(0, len));
    if (type) return type;
  }
  return undefined;
}

export class UnknownRelationTypeError extends Error {
  override name = "UnknownRelationTypeError";
  constructor(readonly type: string) {
    super(`statecraft/model: unknown relation type "${type}"`);
  }
}
