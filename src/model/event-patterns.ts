// The report coder's verb patterns: which words in a sentence stand for which relation type and CAMEO code, and who
// acts on whom. A table beside the relation registry, read by src/extract; teaching the coder a new verb is one row.
//
// A phrase is lemmas in order ("impose ... sanction on"): `a|b` is either word, `...` lets up to four other words
// stand between (determiners, adjectives, numbers: "imposed sweeping new export controls on"). Lemmas are the base
// forms the tagger gives ("imposed" -> impose, "sanctions" -> sanction); British and American spellings are both
// listed. Only the relation types and CAMEO codes of relations.ts appear here (test/unit/event-patterns.test.ts).

import type { EntityKind } from "./kinds.ts";
import type { RelationType } from "./relations.ts";

/** Which actor of the clause does the act: the subject (active voice) or the object ("X faces sanctions from Y"). */
export type PatternActor = "subject" | "object";

export interface EventPattern {
  phrase: string;
  type: RelationType;
  /** The CAMEO code the phrase stands for; "" for the types CAMEO has no code for (INTERVIEWS, MEMBER_OF…). */
  cameo: string;
  /** How plainly the phrase alone says the relation holds, 0..1 (the start of the confidence rule, README). */
  strength: number;
  /** Who acts; "subject" when absent. */
  actor?: PatternActor;
  /** What the sentence says when the act is only possible ("could shut down"): a threat. */
  modal?: { type: RelationType; cameo: string };
  /** The kinds the target may be ("joined NATO", not "joined the export controls"); any kind when absent. */
  toKinds?: readonly EntityKind[];
  /** What the sentence says when the act is denied ("did not condemn"): a refusal, not a negated condemnation. */
  negated?: { type: RelationType; cameo: string };
}

const THREAT = { type: "THREATENS", cameo: "132" } as const;
const NOT_CONDEMNED = { type: "REFUSES_TO_CONDEMN", cameo: "011" } as const;
const MEASURES = "sanction|embargo|restriction|control|ban|curb|penalty|tariff|measure";

export const EVENT_PATTERNS: readonly EventPattern[] = [
  // Sanctions and export controls (CAMEO 163 embargo/sanctions, 172 administrative sanctions)
  {
    phrase: `impose|slap|announce|levy|expand|tighten|extend ... ${MEASURES} on|against`,
    type: "SANCTIONS",
    cameo: "163",
    strength: 0.9,
    modal: THREAT,
  },
  { phrase: "sanction|blacklist|embargo", type: "SANCTIONS", cameo: "163", strength: 0.9, modal: THREAT },
  {
    phrase: "ban|restrict|curb|halt|block|bar ... export|sale|shipment|supply ... to",
    type: "SANCTIONS",
    cameo: "163",
    strength: 0.85,
    modal: THREAT,
  },
  { phrase: "cut ... off", type: "SANCTIONS", cameo: "163", strength: 0.75, modal: THREAT },
  { phrase: "add ... to ... entity list|blacklist", type: "SANCTIONS", cameo: "172", strength: 0.9, modal: THREAT },
  { phrase: "freeze ... asset", type: "SANCTIONS", cameo: "172", strength: 0.85, modal: THREAT },
  { phrase: "shut ... down", type: "SANCTIONS", cameo: "172", strength: 0.8, modal: THREAT },
  {
    phrase: "face|suffer ... sanction|restriction|control|penalty",
    type: "SANCTIONS",
    cameo: "163",
    strength: 0.75,
    actor: "object",
  },
  {
    phrase: "face|suffer ... consequence|repercussion|retaliation",
    type: "THREATENS",
    cameo: "130",
    strength: 0.7,
    actor: "object",
  },
  // Threats (CAMEO 13x)
  { phrase: "threaten", type: "THREATENS", cameo: "130", strength: 0.85 },
  {
    phrase: "threaten to shut|sanction|punish|cut|ban|blacklist|penalize|penalise",
    type: "THREATENS",
    cameo: "132",
    strength: 0.9,
  },
  { phrase: "threaten ... force|military|strike|attack", type: "THREATENS", cameo: "138", strength: 0.9 },
  { phrase: "vow|pledge|promise to retaliate against", type: "THREATENS", cameo: "130", strength: 0.8 },
  // Warnings (CAMEO 012 in the registry)
  { phrase: "warn|caution", type: "WARNS", cameo: "012", strength: 0.85 },
  { phrase: "urge ... not to", type: "WARNS", cameo: "012", strength: 0.7 },
  // Criticism and accusation (CAMEO 111 criticize or denounce, 112 accuse)
  {
    phrase: "criticize|criticise|denounce|slam|blast|rebuke|lambast|lambaste|decry|chide|censure",
    type: "CRITICIZES",
    cameo: "111",
    strength: 0.8,
    negated: NOT_CONDEMNED,
  },
  { phrase: "accuse|blame", type: "CRITICIZES", cameo: "110", strength: 0.8 },
  { phrase: "condemn", type: "CONDEMNS", cameo: "", strength: 0.85, negated: NOT_CONDEMNED },
  // Refusals to condemn (CAMEO 011 decline comment)
  {
    phrase: "refuse|decline|fail to condemn|criticize|criticise|denounce",
    type: "REFUSES_TO_CONDEMN",
    cameo: "011",
    strength: 0.85,
  },
  { phrase: "stop short of condemn|criticize|criticise", type: "REFUSES_TO_CONDEMN", cameo: "011", strength: 0.8 },
  // Force and coercion (CAMEO 19x, 17x)
  {
    phrase: "attack|invade|shell|strike|bomb|assault",
    type: "ATTACKS",
    cameo: "180",
    strength: 0.85,
    modal: { type: "THREATENS", cameo: "138" },
  },
  { phrase: "seize|detain|arrest", type: "COERCES", cameo: "173", strength: 0.8 },
  { phrase: "expel", type: "COERCES", cameo: "174", strength: 0.8 },
  // Rejection and reduced relations (CAMEO 12x, 16x)
  { phrase: "reject|oppose|veto", type: "OPPOSES", cameo: "113", strength: 0.7 },
  { phrase: "cut|sever|downgrade|suspend ... tie|relation with", type: "OPPOSES", cameo: "161", strength: 0.85 },
  // Protection (CAMEO 052 defend verbally)
  { phrase: "protect|safeguard|defend|shield", type: "PROTECTS", cameo: "052", strength: 0.8 },
  { phrase: "stand up for", type: "PROTECTS", cameo: "052", strength: 0.75 },
  // Support and aid (CAMEO 05x, 07x)
  { phrase: "support|back|endorse", type: "SUPPORTS", cameo: "051", strength: 0.75 },
  { phrase: "praise|hail|commend", type: "SUPPORTS", cameo: "051", strength: 0.7 },
  {
    phrase: "send|supply|provide|deliver ... weapon|arm|aid|assistance|ammunition|drone|missile to",
    type: "SUPPORTS",
    cameo: "050",
    strength: 0.85,
  },
  { phrase: "aid|assist|arm", type: "SUPPORTS", cameo: "050", strength: 0.75 },
  // Alignment and alliance (CAMEO 019 express accord, 057 sign formal agreement)
  { phrase: "side|align|stand with", type: "ALIGNS_WITH", cameo: "019", strength: 0.75 },
  { phrase: "echo", type: "ALIGNS_WITH", cameo: "019", strength: 0.65 },
  {
    phrase: "sign ... defence|defense|security|mutual pact|treaty|alliance with",
    type: "ALLIED_WITH",
    cameo: "062",
    strength: 0.85,
  },
  // Meetings, talks and cooperation (CAMEO 04x consult, 046 negotiate, 06x cooperate)
  { phrase: "meet|host", type: "COOPERATES_WITH", cameo: "036", strength: 0.7 },
  { phrase: "hold|conduct ... talk with", type: "COOPERATES_WITH", cameo: "036", strength: 0.75 },
  { phrase: "hold|conduct ... talk", type: "COOPERATES_WITH", cameo: "036", strength: 0.7 },
  { phrase: "negotiate with", type: "COOPERATES_WITH", cameo: "036", strength: 0.75 },
  { phrase: "cooperate|collaborate|partner with", type: "COOPERATES_WITH", cameo: "060", strength: 0.75 },
  { phrase: "sign ... agreement|deal|accord with", type: "COOPERATES_WITH", cameo: "06", strength: 0.8 },
  // Trade (CAMEO 061 economic cooperation)
  { phrase: "trade with", type: "TRADES_WITH", cameo: "061", strength: 0.75 },
  { phrase: "do business with", type: "TRADES_WITH", cameo: "061", strength: 0.75 },
  { phrase: "export|sell|ship ... to", type: "EXPORTS_TO", cameo: "", strength: 0.75 },
  // Requests for exemption (CAMEO 02x appeal)
  {
    phrase: "seek|request|apply|ask|lobby ... exemption|waiver|exception|carve-out",
    type: "SEEKS_EXEMPTION_FROM",
    cameo: "0251",
    strength: 0.8,
  },
  // Media and membership (no CAMEO code)
  { phrase: "interview", type: "INTERVIEWS", cameo: "", strength: 0.8 },
  { phrase: "join", type: "MEMBER_OF", cameo: "", strength: 0.7, toKinds: ["Alliance", "Organization"] },
];
