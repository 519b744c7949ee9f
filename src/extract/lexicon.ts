// The words the coder reads actors by, besides names: state bodies by their domain, titles and what they make of
// their holder, the nouns that turn a demonym into its state ("Chinese officials") or into a group ("Chinese firms"),
// words that refer back ("the ministry"), and words that hedge, negate or report. Plain tables; a new word is a row.

import type { EntityKind } from "../model/kinds.ts";

export interface BodySpec {
  domain: string;
  /** How wire copy writes it, folded word by word. */
  forms: string[][];
  /** The name proposed for a body the store does not hold: "<long> of <country>". */
  long: string;
  /** Forms that name one state's body by themselves ("the Pentagon"): form -> ISO alpha-3. */
  fixed?: Record<string, string>;
  /** The United States names its ministries "departments": "US Department of Commerce". */
  us?: string;
}

const f = (...forms: string[]): string[][] => forms.map((form) => form.split(" "));

export const BODIES: readonly BodySpec[] = [
  {
    domain: "foreign",
    forms: f(
      "foreign ministry",
      "ministry of foreign affairs",
      "foreign office",
      "state department",
      "department of state",
    ),
    long: "Ministry of Foreign Affairs",
    us: "Department of State",
  },
  {
    domain: "commerce",
    forms: f("commerce ministry", "ministry of commerce", "commerce department", "department of commerce"),
    long: "Ministry of Commerce",
    us: "Department of Commerce",
  },
  {
    domain: "defence",
    forms: f(
      "defence ministry",
      "defense ministry",
      "ministry of defence",
      "ministry of defense",
      "defense department",
      "department of defense",
      "pentagon",
    ),
    long: "Ministry of Defence",
    fixed: { pentagon: "USA" },
    us: "Department of Defense",
  },
  {
    domain: "finance",
    forms: f(
      "finance ministry",
      "ministry of finance",
      "treasury department",
      "department of the treasury",
      "treasury",
    ),
    long: "Ministry of Finance",
    us: "Department of the Treasury",
  },
  { domain: "trade", forms: f("trade ministry", "ministry of trade"), long: "Ministry of Trade" },
  {
    domain: "justice",
    forms: f("justice ministry", "ministry of justice", "justice department", "department of justice"),
    long: "Ministry of Justice",
    us: "Department of Justice",
  },
  {
    domain: "economy",
    forms: f("economy ministry", "ministry of economy", "economics ministry"),
    long: "Ministry of Economy",
  },
  {
    domain: "interior",
    forms: f("interior ministry", "ministry of interior", "home office"),
    long: "Ministry of Interior",
  },
  { domain: "central-bank", forms: f("central bank"), long: "Central Bank" },
];

/** The word before a title that names the body it belongs to: "Commerce Secretary", "Foreign Minister". */
export const TITLE_DOMAINS: Record<string, string> = {
  foreign: "foreign",
  commerce: "commerce",
  defence: "defence",
  defense: "defence",
  finance: "finance",
  treasury: "finance",
  trade: "trade",
  justice: "justice",
  economy: "economy",
  interior: "interior",
};

/** What a title makes of the person holding it: the voice of its body or state, or its head. */
export type TitleRole = "speaks" | "leads" | "heads-state" | "none";

/** Titles, folded word by word, longest first when read. */
export const TITLES: readonly { words: string[]; role: TitleRole; domain?: string }[] = [
  ...f("spokesman", "spokeswoman", "spokesperson").map((words) => ({ words, role: "speaks" as const })),
  ...f("prime minister", "president", "premier", "chancellor", "king", "supreme leader").map((words) => ({
    words,
    role: "heads-state" as const,
  })),
  ...f("secretary of state").map((words) => ({ words, role: "leads" as const, domain: "foreign" })),
  ...f("minister", "secretary", "chairman", "chairwoman", "chair", "chief executive", "ceo", "director", "head").map(
    (words) => ({ words, role: "leads" as const }),
  ),
  ...f("ambassador", "envoy", "senator", "official", "adviser", "advisor", "general").map((words) => ({
    words,
    role: "none" as const,
  })),
].sort((a, b) => b.words.length - a.words.length);

/** Nouns after a demonym that stand for the state itself: "Chinese officials" -> China. */
export const STATE_NOUNS = new Set([
  "official",
  "officials",
  "authorities",
  "authority",
  "government",
  "leader",
  "leaders",
  "leadership",
  "diplomat",
  "diplomats",
  "military",
  "army",
  "forces",
  "troops",
  "regulator",
  "regulators",
  "negotiator",
  "negotiators",
  "side",
  "state",
  "administration",
  "lawmaker",
  "lawmakers",
  "legislators",
  "parliament",
]);

/** Nouns after a demonym or "its" that make a group of the state's own: "Chinese firms", "its companies". */
export const GROUP_NOUNS = new Set([
  "firms",
  "companies",
  "businesses",
  "banks",
  "chipmakers",
  "exporters",
  "importers",
  "entities",
  "suppliers",
  "manufacturers",
  "individuals",
  "enterprises",
  "lenders",
  "traders",
  "oligarchs",
]);

/** "the <noun>" referring back to the last actor of a kind in the paragraph. */
export const REFERENCE_NOUNS: Record<string, EntityKind> = {
  ministry: "GovernmentBody",
  department: "GovernmentBody",
  agency: "GovernmentBody",
  company: "Company",
  firm: "Company",
  chipmaker: "Company",
  manufacturer: "Company",
  country: "Country",
  government: "Country",
  alliance: "Alliance",
  bloc: "Alliance",
};

/** Words that kill a claim in its clause. */
export const NEGATIONS = new Set(["not", "nt", "n't", "never", "no"]);

/** Modal verbs and hedges: the act is possible, intended or reported, not done. */
export const MODALS = new Set(["could", "might", "may", "can"]);
export const HEDGES = new Set(["reportedly", "allegedly", "apparently", "possibly", "likely", "unconfirmed"]);

/** Verbs of speech: their subject is the speaker of what follows. */
export const SPEECH_VERBS = new Set([
  "say",
  "tell",
  "state",
  "announce",
  "claim",
  "add",
  "note",
  "insist",
  "argue",
  "confirm",
  "report",
  "write",
  "declare",
  "stress",
]);

/** Speakers that make whatever they say second-hand. */
export const SECOND_HAND_SPEAKERS = new Set([
  "analyst",
  "analysts",
  "expert",
  "experts",
  "source",
  "sources",
  "observers",
  "media",
  "report",
  "reports",
]);

/** Suffixes and words that tell the kind of an unknown name. */
export const KIND_WORDS: readonly [RegExp, EntityKind][] = [
  [
    /\b(corp|corporation|inc|ltd|limited|co|plc|llc|group|holdings|technologies|technology|semiconductor|electronics|motors|airlines|energy|industries|systems)\b/,
    "Company",
  ],
  [
    /\b(ministry|department|agency|bureau|office|commission|administration|council|parliament|congress|senate|duma|customs|police|navy|army)\b/,
    "GovernmentBody",
  ],
  [/\b(alliance|pact|treaty organization)\b/, "Alliance"],
  [
    /\b(times|news|post|journal|tribune|herald|gazette|tv|television|radio|xinhua|tass|reuters|bloomberg|press)\b/,
    "Media",
  ],
  [
    /\b(union|nations|organization|organisation|fund|bank|forum|association|institute|committee|court)\b/,
    "Organization",
  ],
];
