// The report coder: a report in, proposed claims out, each with the exact sentence it rests on. Pure and
// deterministic: no I/O, no model download; the same text and entities give the same claims. Sentence by sentence it
// finds the actors (actors.ts) and the event phrases (events.ts), gives each phrase its ends (who acts, on whom,
// through the passive, coordination and reported speech), its date and its confidence.

import type {
  ClaimActor,
  Extraction,
  KnownEntity,
  ProposedClaim,
  ProposedEntity,
  ReportInfo,
} from "../model/claims.ts";
import { countryByIso3 } from "../model/countries.ts";
import { RELATION_TYPES, type RelationType } from "../model/relations.ts";
import { actorKey, findMentions, type ActorContext, type Mention } from "./actors.ts";
import { claimConfidence } from "./confidence.ts";
import { sentenceDate } from "./dates.ts";
import { findEvents, type EventMatch } from "./events.ts";
import { createGazetteer, type Actor, type Gazetteer } from "./gazetteer.ts";
import { SECOND_HAND_SPEAKERS, SPEECH_VERBS } from "./lexicon.ts";
import { tokenize, wordKey, type Sentence, type Token } from "./tokens.ts";

/** Confidence of the facts a title states ("Foreign Ministry spokesman Zhao Lijian" speaks for the ministry). */
const TITLE_CONFIDENCE = 0.9;
const OBJECT_WINDOW = 12;
const POSSESSIVES = new Set(["his", "her", "its", "their"]);
const SYMMETRIC = new Set<string>(RELATION_TYPES.filter((s) => "symmetric" in s && s.symmetric).map((s) => s.type));
const REFUSALS = new Set(["refuse", "decline", "fail", "reject"]);
/** Types whose object may be an act done by someone ("condemned the attack on X by Y" condemns Y). */
const AGENT_TARGETS = new Set<RelationType>(["CONDEMNS", "CRITICIZES", "REFUSES_TO_CONDEMN"]);
/** Nouns before "to" that make the verb an intention, not an act: "Ukraine's bid to join". */
const INTENTIONS = new Set([
  "bid",
  "plan",
  "plans",
  "attempt",
  "attempts",
  "effort",
  "efforts",
  "request",
  "application",
  "desire",
  "ambition",
  "ambitions",
  "proposal",
  "offer",
  "hopes",
  "hope",
]);
/** Clauses that say what would happen on a condition: nothing in them has happened. */
const CONDITIONS = new Set(["if", "unless", "whether"]);
const CLAUSE_WORDS = new Set([
  "that",
  "which",
  "who",
  "whose",
  "while",
  "but",
  "whereas",
  "because",
  "after",
  "before",
  "when",
  "if",
  "although",
  "though",
  "as",
]);

export interface Coder {
  extract(text: string, report?: ReportInfo): Extraction;
}

/** A coder over the store's entities: the name index is built once and serves every report. */
export function createCoder(entities: readonly KnownEntity[]): Coder {
  const gazetteer = createGazetteer(entities);
  const storePeople = new Map<string, Actor>();
  // People by first and last word of their name: "Raimondo" for Gina Raimondo, "Zhao" for Zhao Lijian.
  for (const e of entities) {
    const words = e.name.split(/\s+/);
    if (e.kind !== "Person" || words.length < 2) continue;
    for (const word of [words[0]!, words.at(-1)!])
      if (!storePeople.has(wordKey(word))) storePeople.set(wordKey(word), { id: e.id, name: e.name, kind: "Person" });
  }
  return { extract: (text, report = {}) => extractWith(gazetteer, storePeople, text, report) };
}

/** One report through a coder built for it alone (tests and one-off use; createCoder serves many). */
export function extractClaims(text: string, entities: readonly KnownEntity[], report: ReportInfo = {}): Extraction {
  return createCoder(entities).extract(text, report);
}

function toClaimActor(actor: Actor): ClaimActor {
  return { id: actor.id, name: actor.name, kind: actor.kind, ...(actor.iso3 ? { iso3: actor.iso3 } : {}) };
}

function isSpeech(t: Token): boolean {
  return t.tags.has("Verb") && SPEECH_VERBS.has(t.lemma) && !t.tags.has("Auxiliary");
}

/** The mention nearest before token `from` within its clause, skipping a comma-enclosed aside (", which ...,"). */
function subjectBefore(tokens: readonly Token[], mentions: readonly Mention[], from: number): Mention | undefined {
  for (let k = from - 1; k >= 0; k--) {
    if (/,/.test(tokens[k]!.post)) {
      // An aside between commas ("Gina Raimondo, the US Commerce Secretary, warned"): the actor before it acts.
      const open = findAsideStart(tokens, k);
      if (open !== undefined) k = open;
    }
    const m = mentions.find((x) => x.end - 1 === k);
    if (m) return m;
    const t = tokens[k]!;
    if (isSpeech(t) || CLAUSE_WORDS.has(t.key)) return undefined;
    if (k > 0 && /[;:—–]/u.test(tokens[k - 1]!.post)) return undefined;
  }
  return undefined;
}

/** For an aside closed by the comma after token k: the token just before its opening comma, if the aside opens so. */
function findAsideStart(tokens: readonly Token[], k: number): number | undefined {
  for (let j = k - 1; j >= 0; j--) {
    if (/,/.test(tokens[j]!.post)) {
      const first = tokens[j + 1]!.key;
      return ["which", "who", "whose", "the", "a", "an", "its", "his", "her"].includes(first) ? j : undefined;
    }
    if (/[;:.]/.test(tokens[j]!.post)) return undefined;
  }
  return undefined;
}

/** Actors joined by "and" or a list's commas to a mention: "China and Russia", "Russia, Belarus and Iran". */
function coordinated(tokens: readonly Token[], mentions: readonly Mention[], m: Mention, backward: boolean): Mention[] {
  const out = [m];
  let cur = m;
  for (;;) {
    let k = -1;
    if (backward) {
      const before = tokens[cur.start - 1];
      if (before?.key === "and" && !/,/.test(tokens[cur.start - 2]?.post ?? "")) k = cur.start - 2;
      else if (before && /^,\s*$/.test(before.post) && (tokens[cur.end]?.key === "and" || out.length > 1))
        k = cur.start - 1;
    } else {
      const after = tokens[cur.end];
      if (after?.key === "and") k = cur.end + 1;
      else if (/^,\s*$/.test(tokens[cur.end - 1]?.post ?? "") && after && after.key !== "and") {
        const nextMention = mentions.find((x) => x.start === cur.end);
        if (nextMention && tokens[nextMention.end]?.key === "and") k = cur.end;
      }
    }
    const next = k < 0 ? undefined : mentions.find((x) => (backward ? x.end - 1 === k : x.start === k));
    if (!next || next.via === "reference" || out.includes(next)) return out;
    out.push(next);
    cur = next;
  }
}

/** The first actor after the head, within the clause; the tokens of the phrase itself never end the search. */
function objectAfter(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  event: EventMatch,
  subjects: readonly Mention[],
): Mention | undefined {
  const limit = Math.min(tokens.length, event.end + OBJECT_WINDOW);
  for (let k = event.head + 1; k < limit; k++) {
    const m = mentions.find((x) => x.start === k);
    // "met his Russian counterpart": a possessive referring back, or the subject again, is not the object.
    const possessive = m?.via === "reference" && POSSESSIVES.has(tokens[k]!.key) && m.end === k + 1;
    if (m && !possessive && !subjects.some((s) => actorKey(s.actor) === actorKey(m.actor))) {
      // "condemned the shelling of Kharkiv by Russian forces": the act's agent is the one condemned.
      const agent = tokens[m.end]?.key === "by" ? mentions.find((x) => x.start === m.end + 1) : undefined;
      return agent && AGENT_TARGETS.has(event.pattern.type) ? agent : m;
    }
    const t = tokens[k]!;
    if (k >= event.end && (CLAUSE_WORDS.has(t.key) || isFiniteVerb(t, tokens[k + 1]))) return undefined;
    if (/[;:.!?]/.test(t.post)) return undefined;
  }
  return undefined;
}

/** The clause of the verb group opens with "if" or "unless". */
function inCondition(tokens: readonly Token[], groupStart: number): boolean {
  for (let k = groupStart - 1; k >= 0; k--) {
    if (CONDITIONS.has(tokens[k]!.key)) return true;
    if (CLAUSE_WORDS.has(tokens[k]!.key) || isSpeech(tokens[k]!) || /[;:,]/.test(tokens[k]!.post)) return false;
  }
  return false;
}

function isFiniteVerb(t: Token, next: Token | undefined): boolean {
  if (!t.tags.has("Verb") || next?.key === "by") return false;
  if (["Auxiliary", "Gerund", "Participle", "Passive", "Infinitive", "Modal"].some((tag) => t.tags.has(tag)))
    return false;
  return t.tags.has("PastTense") || t.tags.has("PresentTense");
}

/** Who a measure comes from: "from X" or "by X" after the phrase. */
function sourceAfter(tokens: readonly Token[], mentions: readonly Mention[], event: EventMatch): Mention | undefined {
  for (let k = event.end; k < Math.min(tokens.length, event.end + OBJECT_WINDOW); k++) {
    if (tokens[k]!.key === "from" || tokens[k]!.key === "by") return mentions.find((x) => x.start === k + 1);
    if (/[;:.,]/.test(tokens[k]!.post)) return undefined;
  }
  return undefined;
}

/** The agent of a passive: "by X" after the phrase. */
function agentAfter(tokens: readonly Token[], mentions: readonly Mention[], event: EventMatch): Mention | undefined {
  for (let k = event.end; k < Math.min(tokens.length, event.end + 6); k++) {
    if (tokens[k]!.key === "by") return mentions.find((x) => x.start === k + 1);
    if (/[;:.]/.test(tokens[k]!.post)) return undefined;
  }
  return undefined;
}

interface Speaker {
  actor?: Actor;
  secondHand: boolean;
}

/** Who says the clause: the subject of a speech verb before it ("Zhao said ..."), or after it ("..., the ministry said"). */
function speakerOf(tokens: readonly Token[], mentions: readonly Mention[], event: EventMatch): Speaker {
  const according = tokens.findIndex((t, k) => t.key === "according" && tokens[k + 1]?.key === "to");
  if (according >= 0) {
    const m = mentions.find((x) => x.start === according + 2);
    return { ...(m ? { actor: m.actor } : {}), secondHand: true };
  }
  for (let k = event.groupStart - 1; k >= 0; k--) {
    if (!isSpeech(tokens[k]!)) continue;
    const generic = tokens.slice(Math.max(0, k - 3), k).some((t) => SECOND_HAND_SPEAKERS.has(t.key));
    const m = subjectBefore(tokens, mentions, k);
    return { ...(m ? { actor: m.actor } : {}), secondHand: generic };
  }
  for (let k = event.end; k < tokens.length; k++) {
    if (!isSpeech(tokens[k]!)) continue;
    const generic = tokens.slice(Math.max(0, k - 3), k + 3).some((t) => SECOND_HAND_SPEAKERS.has(t.key));
    const m = mentions.find((x) => x.end === k) ?? mentions.find((x) => x.start === k + 1);
    return { ...(m ? { actor: m.actor } : {}), secondHand: generic };
  }
  return { secondHand: tokens.some((t) => t.key === "reported" || t.key === "reportedly") };
}

function sameSide(a: Actor, b: Actor): boolean {
  if (actorKey(a) === actorKey(b)) return true;
  return a.country !== undefined && b.country !== undefined && a.country.iso3 === b.country.iso3;
}

interface Draft {
  claim: ProposedClaim;
  key: string;
}

interface Ends {
  subjects: Mention[];
  objects: Mention[];
  /** An end came from a shared subject or a reference back. */
  inferredEnd: boolean;
}

/** Who acts and on whom: the subject (shared over "and", turned around in the passive) and the object. */
function endsOf(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  event: EventMatch,
  speaker: Speaker,
  previousSubjects: Mention[],
): { ends?: Ends; subjects: Mention[] } {
  const { pattern } = event;
  let inferredEnd = false;
  let subjects: Mention[];
  if (tokens[event.groupStart - 1]?.key === "and" && previousSubjects.length > 0) {
    // "China criticised the sanctions and warned Washington": the verb shares the subject of the one before.
    subjects = previousSubjects;
    inferredEnd = true;
  } else {
    const subject = subjectBefore(tokens, mentions, event.groupStart);
    subjects = subject ? coordinated(tokens, mentions, subject, true).sort((a, b) => a.start - b.start) : [];
  }
  const shared = event.passive ? previousSubjects : subjects;
  let objects: Mention[];
  if (event.passive) {
    const agent = agentAfter(tokens, mentions, event);
    if (!agent || subjects.length === 0) return { subjects: shared };
    objects = subjects;
    subjects = coordinated(tokens, mentions, agent, false);
  } else {
    // "China could face sanctions from the US": the one acting comes after "from" or "by", else it is the speaker.
    const object =
      pattern.actor === "object"
        ? sourceAfter(tokens, mentions, event)
        : objectAfter(tokens, mentions, event, subjects);
    if (object) objects = coordinated(tokens, mentions, object, false);
    else if (!pattern.actor && SYMMETRIC.has(pattern.type) && subjects.length > 1) {
      // "Beijing and Moscow held talks": a symmetric relation between the subjects.
      objects = subjects.slice(1);
      subjects = subjects.slice(0, 1);
    } else if (pattern.actor === "object" && speaker.actor) {
      // "Blinken said China would face consequences": whoever says so is the one who threatens.
      objects = [{ start: -1, end: -1, actor: speaker.actor, via: "name" }];
    } else return { subjects: shared };
  }
  if (subjects.length === 0) return { subjects: shared };
  if (pattern.actor === "object") [subjects, objects] = [objects, subjects];
  if (subjects.some((m) => m.via === "reference") || objects.some((m) => m.via === "reference")) inferredEnd = true;
  return { ends: { subjects, objects, inferredEnd }, subjects: shared };
}

/** What the pattern stands for here: a possible act is a threat, a denied condemnation a refusal. */
function meaningOf(event: EventMatch, refused: boolean): { type: RelationType; cameo: string; negated: boolean } {
  const { pattern } = event;
  let type: RelationType = pattern.type;
  let cameo = pattern.cameo;
  let negated = event.negated || refused;
  if (event.modal && pattern.modal) ({ type, cameo } = pattern.modal);
  if (negated && pattern.negated) {
    ({ type, cameo } = pattern.negated);
    negated = false;
  }
  return { type, cameo, negated };
}

function claimsOf(sentence: Sentence, mentions: readonly Mention[], report: ReportInfo): Draft[] {
  const { tokens } = sentence;
  const drafts: Draft[] = [];
  const date = sentenceDate(sentence.text, report.published);
  let previousSubjects: Mention[] = [];
  for (const event of findEvents(tokens, new Set(mentions.map((m) => m.end)))) {
    if (inCondition(tokens, event.groupStart)) continue;
    if (tokens[event.groupStart]?.key === "to" && INTENTIONS.has(tokens[event.groupStart - 1]?.key ?? "")) continue;
    // "refused to impose sanctions", "declined to send troops": the act is refused, so it is denied.
    const refused = tokens[event.groupStart]?.key === "to" && REFUSALS.has(tokens[event.groupStart - 1]?.lemma ?? "");
    const speaker = speakerOf(tokens, mentions, event);
    const { ends, subjects } = endsOf(tokens, mentions, event, speaker, previousSubjects);
    previousSubjects = subjects;
    if (!ends) continue;
    const { type, cameo, negated } = meaningOf(event, refused);
    for (const from of ends.subjects)
      for (const to of ends.objects) {
        if (actorKey(from.actor) === actorKey(to.actor)) continue;
        if (event.pattern.toKinds && !event.pattern.toKinds.includes(to.actor.kind)) continue;
        const secondHand = speaker.secondHand || (speaker.actor !== undefined && !sameSide(speaker.actor, from.actor));
        const confidence = claimConfidence({
          strength: event.pattern.strength,
          modal: event.modal,
          hedged: event.hedged,
          negated,
          secondHand,
          inferredEnd: ends.inferredEnd,
        });
        const claim: ProposedClaim = {
          type,
          cameo,
          from: toClaimActor(from.actor),
          to: toClaimActor(to.actor),
          ...(date ? { date } : {}),
          confidence,
          negated,
          evidence: { sentence: sentence.text, start: sentence.start, end: sentence.end },
        };
        drafts.push({ claim, key: `${type}|${actorKey(from.actor)}|${actorKey(to.actor)}|${negated}` });
      }
  }
  return drafts;
}

function extractWith(
  gazetteer: Gazetteer,
  storePeople: ReadonlyMap<string, Actor>,
  text: string,
  report: ReportInfo,
): Extraction {
  const context: ActorContext = { gazetteer, recent: [], people: new Map(storePeople), links: [], countries: [] };
  const claims: ProposedClaim[] = [];
  const seen = new Set<string>();
  const entities = new Map<string, ProposedEntity>();
  const propose = (a: ClaimActor) => {
    if (a.id !== null) return;
    const key = `${a.kind}:${a.name.toLowerCase()}`;
    if (entities.has(key)) return;
    // A country the store lacks comes with the gazetteer's English names, so the new entity is found by them too.
    const english = a.kind === "Country" && a.iso3 ? countryByIso3(a.iso3)?.aliases.en : undefined;
    entities.set(key, {
      name: a.name,
      kind: a.kind,
      ...(a.iso3 ? { iso3: a.iso3 } : {}),
      ...(english?.length ? { aliases: { en: english } } : {}),
    });
  };
  const keep = (claim: ProposedClaim, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    claims.push(claim);
    propose(claim.from);
    propose(claim.to);
  };
  let paragraph = -1;
  for (const sentence of tokenize(text)) {
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      context.recent.length = 0;
    }
    context.links.length = 0;
    const mentions = findMentions(sentence.tokens, context, sentence.text, sentence.start);
    const evidence = { sentence: sentence.text, start: sentence.start, end: sentence.end };
    const date = sentenceDate(sentence.text, report.published);
    for (const link of context.links) {
      const claim: ProposedClaim = {
        type: link.type,
        cameo: "",
        from: toClaimActor(link.from),
        to: toClaimActor(link.to),
        ...(date ? { date } : {}),
        confidence: claimConfidence({
          strength: TITLE_CONFIDENCE,
          modal: false,
          hedged: false,
          negated: false,
          secondHand: false,
          inferredEnd: link.inferred,
        }),
        negated: false,
        evidence,
      };
      keep(claim, `${link.type}|${actorKey(link.from)}|${actorKey(link.to)}|false`);
    }
    for (const { claim, key } of claimsOf(sentence, mentions, report)) keep(claim, key);
  }
  return { claims, entities: [...entities.values()] };
}
