// Finds the actors of one sentence: names of the store and of the gazetteer, demonyms before a state noun ("Chinese
// officials") or a group noun ("Chinese firms"), capitals used for their state ("Beijing said"), state bodies
// ("the Foreign Ministry", whose state is the one last named), people by their title ("Foreign Ministry spokesman
// Zhao Lijian", with the body they speak for), words that refer back ("it", "its", "the ministry"), and unknown
// proper names, proposed as new entities with a guessed kind.

import type { EntityKind } from "../model/kinds.ts";
import { countryByIso3, type Country } from "../model/countries.ts";
import { foldText } from "../model/text.ts";
import type { Actor, Gazetteer, NameSense } from "./gazetteer.ts";
import {
  BODIES,
  GROUP_NOUNS,
  KIND_WORDS,
  REFERENCE_NOUNS,
  SPEECH_VERBS,
  STATE_NOUNS,
  TITLE_DOMAINS,
  TITLES,
  type BodySpec,
  type TitleRole,
} from "./lexicon.ts";
import type { Token } from "./tokens.ts";

export type MentionVia = "name" | "demonym" | "capital" | "body" | "title" | "reference" | "group" | "new";

/** An actor named in a sentence, tokens start..end (exclusive). */
export interface Mention {
  start: number;
  end: number;
  actor: Actor;
  via: MentionVia;
}

/** A structural fact a title states: the spokesman SPEAKS_FOR the ministry, the secretary LEADS the department. */
export interface TitleLink {
  type: "SPEAKS_FOR" | "LEADS";
  from: Actor;
  to: Actor;
  /** The state was taken from an earlier sentence, not written beside the title. */
  inferred: boolean;
}

/** What the reading of a report remembers from one sentence to the next. */
export interface ActorContext {
  gazetteer: Gazetteer;
  /** Actors of the paragraph so far, latest last ("it" and "the ministry" refer back to them). */
  recent: Actor[];
  /** People met so far by their last name ("Raimondo" after "Gina Raimondo"). */
  people: Map<string, Actor>;
  links: TitleLink[];
  /** Countries named so far in the report, latest last: "the Foreign Ministry" is the last one's. */
  countries: Country[];
}

const cap = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.text);
const stops = (t: Token): boolean => /[,;:()—–]/u.test(t.post);
const LOCATIVE = new Set(["in", "at", "near", "outside", "around", "across", "inside"]);
const NOT_NAMES = new Set([
  "the",
  "a",
  "an",
  "mr",
  "mrs",
  "ms",
  "dr",
  "but",
  "and",
  "on",
  "in",
  "it",
  "its",
  "he",
  "she",
]);

export function actorKey(actor: Actor): string {
  return actor.id ?? `new:${actor.kind}:${foldText(actor.name)}`;
}

function lastOf(recent: readonly Actor[], test: (a: Actor) => boolean): Actor | undefined {
  for (let k = recent.length - 1; k >= 0; k--) if (test(recent[k]!)) return recent[k];
  return undefined;
}

function matchWords(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  if (i + words.length > tokens.length) return false;
  return words.every((w, k) => tokens[i + k]!.key === w && (k === words.length - 1 || !stops(tokens[i + k]!)));
}

function bodyAt(tokens: readonly Token[], i: number): { spec: BodySpec; length: number } | undefined {
  let best: { spec: BodySpec; length: number } | undefined;
  for (const spec of BODIES)
    for (const form of spec.forms)
      if ((!best || form.length > best.length) && matchWords(tokens, i, form)) best = { spec, length: form.length };
  return best;
}

function titleAt(
  tokens: readonly Token[],
  i: number,
): { role: TitleRole; length: number; domain?: string } | undefined {
  const found = TITLES.find((t) => matchWords(tokens, i, t.words));
  return found ? { role: found.role, length: found.words.length, domain: found.domain } : undefined;
}

/** A state body: the store's entity when it has one by any usual name, else a proposal "<long> of <state>". */
export function bodyActor(gazetteer: Gazetteer, spec: BodySpec, country: Country | undefined): Actor {
  if (!country) return { id: null, name: spec.long, kind: "GovernmentBody" };
  const stateNames = [country.name, country.official, ...(country.demonym ? [country.demonym] : [])];
  if (country.iso3 === "USA") stateNames.push("US", "U.S.");
  const bodyNames = [spec.long, ...(spec.us ? [spec.us] : []), ...spec.forms.map((f) => f.join(" "))];
  for (const b of bodyNames)
    for (const s of stateNames)
      for (const candidate of [`${s} ${b}`, `${b} of ${s}`, `${s}'s ${b}`]) {
        const known = gazetteer.byName(candidate);
        if (known) return { id: known.id, name: known.name, kind: known.kind, country };
      }
  const name = country.iso3 === "USA" && spec.us ? `US ${spec.us}` : `${spec.long} of ${country.name}`;
  return { id: null, name, kind: "GovernmentBody", country };
}

function senseCountry(value: NameSense): Country | undefined {
  if (value.sense === "actor") return value.actor.kind === "Country" ? value.actor.country : undefined;
  return value.country;
}

/** Words that open a sentence without being a name: "Officials said", "Separately, ...". */
const SENTENCE_OPENERS = [
  "Determiner",
  "Pronoun",
  "Preposition",
  "Conjunction",
  "Adverb",
  "Plural",
  "Adjective",
  "Date",
  "Value",
  "QuestionWord",
];

function guessKindOr(name: string, fallback: EntityKind): EntityKind {
  const folded = foldText(name);
  for (const [re, kind] of KIND_WORDS) if (re.test(folded)) return kind;
  return fallback;
}

function guessKind(name: string, tokens: readonly Token[]): EntityKind {
  if (tokens.some((t) => t.tags.has("Person") || t.tags.has("FirstName"))) return "Person";
  const folded = foldText(name);
  for (const [re, kind] of KIND_WORDS) if (re.test(folded)) return kind;
  if (tokens.some((t) => t.tags.has("Place") || t.tags.has("City"))) return "Region";
  return "Organization";
}

/** What the readers of one sentence share: its tokens, the report's memory, the mentions found so far. */
interface Reading {
  tokens: readonly Token[];
  context: ActorContext;
  mentions: Mention[];
  /** Names in unspaced scripts found by character in this sentence. */
  unspaced: ReturnType<Gazetteer["matchUnspaced"]>;
}

/** A reader looks at token i: how far it read, and the actor it found there, if any (a place is read but no actor). */
type Step = { end: number; actor?: Actor; via?: MentionVia } | undefined;

/** "[state] [body | domain] title Name Name": the person, and what the title says they speak for or lead. */
function titledPerson(r: Reading, i: number): Step {
  const { tokens, context } = r;
  const { gazetteer } = context;
  let j = i;
  let country: Country | undefined;
  let owner: Actor | undefined;
  const g = gazetteer.match(tokens, j);
  if (g) {
    country = senseCountry(g.value);
    if (!country && g.value.sense === "actor") owner = g.value.actor;
    j += g.length;
  }
  const body = bodyAt(tokens, j);
  let domain: string | undefined;
  if (body) j += body.length;
  else if (TITLE_DOMAINS[tokens[j]?.key ?? ""] && titleAt(tokens, j + 1)) domain = TITLE_DOMAINS[tokens[j++]!.key];
  const title = titleAt(tokens, j);
  if (!title) return undefined;
  j += title.length;
  const name = nameAfterTitle(r, j);
  domain ??= title.domain;
  const spec = body?.spec ?? (domain ? BODIES.find((b) => b.domain === domain) : undefined);
  const inferred = !country && !owner;
  const state = country ?? (owner ? undefined : context.countries.at(-1));
  const bodyOf = spec && (state || !owner) ? bodyActor(gazetteer, spec, state) : undefined;
  if (!name) {
    // "a Foreign Ministry spokesman said": no name, the title stands for its body (or state).
    if (i === j - title.length) return undefined;
    const stands = bodyOf ?? owner ?? (country ? gazetteer.country(country) : undefined);
    return stands ? { end: j, actor: stands, via: "title" } : undefined;
  }
  const person: Actor = { ...name.person, ...(state ? { country: state } : {}) };
  context.people.set(tokens[name.end - 1]!.key, person);
  const target =
    title.role === "heads-state" ? (state ? gazetteer.country(state) : undefined) : (bodyOf ?? owner ?? undefined);
  if (target && title.role !== "none")
    context.links.push({ type: title.role === "speaks" ? "SPEAKS_FOR" : "LEADS", from: person, to: target, inferred });
  else if (title.role === "speaks" && state)
    context.links.push({ type: "SPEAKS_FOR", from: person, to: gazetteer.country(state), inferred });
  return { end: name.end, actor: person, via: "title" };
}

/** The name after a title: a person of the store, or up to three capitalised words. */
function nameAfterTitle(r: Reading, j: number): { end: number; person: Actor } | undefined {
  const { tokens, context } = r;
  const stored = context.gazetteer.match(tokens, j);
  if (stored?.value.sense === "actor" && stored.value.actor.kind === "Person")
    return { end: j + stored.length, person: { ...stored.value.actor, kind: "Person" } };
  let end = j;
  while (end < tokens.length && end - j < 3 && cap(tokens[end]) && !NOT_NAMES.has(tokens[end]!.key)) {
    if (context.gazetteer.match(tokens, end)) break;
    end++;
    if (stops(tokens[end - 1]!)) break;
  }
  if (end === j) return undefined;
  const name = tokens
    .slice(j, end)
    .map((t) => t.text.replace(/['’]s$/u, ""))
    .join(" ");
  const known = context.gazetteer.byName(name) ?? context.people.get(tokens[end - 1]!.key);
  return {
    end,
    person: known ? { id: known.id, name: known.name, kind: "Person" } : { id: null, name, kind: "Person" },
  };
}

/** A name of the store or the gazetteer, with what follows it: a body, a state noun, a group noun. */
function named(r: Reading, i: number): Step {
  const { tokens, context } = r;
  const { gazetteer } = context;
  const g = gazetteer.match(tokens, i);
  if (!g) return undefined;
  const country = senseCountry(g.value);
  const after = i + g.length;
  const body = country ? bodyAt(tokens, after) : undefined;
  if (body && country)
    return { end: after + body.length, actor: bodyActor(gazetteer, body.spec, country), via: "body" };
  if (g.value.sense === "demonym") return demonymAt(tokens, after, g.value.country, gazetteer);
  if (g.value.sense === "capital")
    return LOCATIVE.has(tokens[i - 1]?.key ?? "")
      ? { end: after }
      : { end: after, actor: gazetteer.country(g.value.country), via: "capital" };
  if (g.value.actor.kind === "Person") context.people.set(tokens[after - 1]!.key, g.value.actor);
  return { end: after, actor: g.value.actor, via: "name" };
}

/** After a demonym: a state noun makes the state ("Chinese officials"), a group noun a group ("Chinese firms"). */
function demonymAt(tokens: readonly Token[], after: number, c: Country, gazetteer: Gazetteer): Step {
  if (STATE_NOUNS.has(tokens[after]?.key ?? "")) return { end: after + 1, actor: gazetteer.country(c), via: "demonym" };
  let k = after;
  while (k < tokens.length && k - after < 3 && !GROUP_NOUNS.has(tokens[k]!.key) && !stops(tokens[k]!)) k++;
  if (!GROUP_NOUNS.has(tokens[k]?.key ?? "")) return { end: after };
  const noun = tokens
    .slice(after, k + 1)
    .map((w) => w.text)
    .join(" ");
  return { end: k + 1, actor: { id: null, name: `${c.demonym} ${noun}`, kind: "Group", country: c }, via: "group" };
}

/** A body with no state beside it: its fixed state ("the Pentagon") or the report's topic state. */
function bodyAlone(r: Reading, i: number): Step {
  const body = bodyAt(r.tokens, i);
  if (!body) return undefined;
  const form = r.tokens
    .slice(i, i + body.length)
    .map((w) => w.key)
    .join(" ");
  const fixed = body.spec.fixed?.[form];
  const state = fixed ? countryByIso3(fixed) : r.context.countries.at(-1);
  return { end: i + body.length, actor: bodyActor(r.context.gazetteer, body.spec, state), via: "body" };
}

function reference(r: Reading, i: number): Step {
  const { tokens } = r;
  const t = tokens[i]!;
  // "Washington could shut it down": "it" after a verb is its object, not the subject just named.
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const objectPosition =
    t.key === "it" &&
    prev !== undefined &&
    prev.tags.has("Verb") &&
    !prev.tags.has("Auxiliary") &&
    !SPEECH_VERBS.has(prev.lemma) &&
    !(next && (next.tags.has("Verb") || next.tags.has("Modal")));
  const referred = referBack(tokens, i, r.context.recent, objectPosition ? r.mentions.at(-1)?.actor : undefined);
  return referred ? { ...referred, via: "reference" } : undefined;
}

/** Unspaced scripts ("中芯国际") are found by characters; they take the word they sit in. */
function unspacedName(r: Reading, i: number): Step {
  const t = r.tokens[i]!;
  const u = r.unspaced.find((x) => x.start < t.end && x.end > t.start && x.value.sense === "actor");
  return u && u.value.sense === "actor" ? { end: i + 1, actor: u.value.actor, via: "name" } : undefined;
}

/** A person met before, by one of their names ("Raimondo"). */
function knownPerson(r: Reading, i: number): Step {
  const t = r.tokens[i]!;
  const person = r.context.people.get(t.key);
  return person && cap(t) ? { end: i + 1, actor: person, via: "name" } : undefined;
}

function unknown(r: Reading, i: number): Step {
  const found = unknownName(r.tokens, i, r.context.gazetteer);
  if (!found) return undefined;
  // "a hospital in Mariupol": an unknown name after "in" or "at" is a place, not an actor.
  if (!found.actor.id && LOCATIVE.has(r.tokens[i - 1]?.key ?? "")) return { end: found.end };
  if (found.actor.kind === "Person") r.context.people.set(r.tokens[found.end - 1]!.key, found.actor);
  return { ...found, via: "new" };
}

/** The readers, tried in this order at each token; the first that reads something wins. */
const READERS: readonly ((r: Reading, i: number) => Step)[] = [
  titledPerson,
  named,
  bodyAlone,
  reference,
  unspacedName,
  knownPerson,
  unknown,
];

/** The actors of one sentence, in order, none overlapping; updates the context (paragraph memory, people, links). */
export function findMentions(
  tokens: readonly Token[],
  context: ActorContext,
  sentenceText = "",
  offset = 0,
): Mention[] {
  const reading: Reading = {
    tokens,
    context,
    mentions: [],
    unspaced: context.gazetteer.matchUnspaced(sentenceText, offset),
  };
  const { mentions } = reading;
  let i = 0;
  while (i < tokens.length) {
    let step: Step;
    for (const read of READERS) if ((step = read(reading, i))) break;
    if (!step) {
      i++;
      continue;
    }
    if (step.actor) {
      mentions.push({ start: i, end: step.end, actor: step.actor, via: step.via ?? "name" });
      context.recent.push(step.actor);
      // The state a sentence opens with is its topic: "China criticised the US sanctions" makes the next "Foreign
      // Ministry" China's, not the United States'.
      if (
        step.actor.kind === "Country" &&
        step.actor.country &&
        !mentions.slice(0, -1).some((m) => m.actor.kind === "Country")
      )
        context.countries.push(step.actor.country);
    }
    i = Math.max(step.end, i + 1);
  }
  return mentions;
}

/** "it", "its firms", "he", "the ministry": the last actor of the paragraph that fits. */
function referBack(
  tokens: readonly Token[],
  i: number,
  recent: readonly Actor[],
  avoid?: Actor,
): { end: number; actor: Actor } | undefined {
  const key = tokens[i]!.key;
  if (key === "it" || key === "its") {
    const actor = lastOf(recent, (a) => a.kind !== "Person" && a.kind !== "Group" && a !== avoid);
    if (!actor) return undefined;
    const next = tokens[i + 1];
    if (key === "its" && next && GROUP_NOUNS.has(next.key) && actor.country?.demonym)
      return {
        end: i + 2,
        actor: { id: null, name: `${actor.country.demonym} ${next.text}`, kind: "Group", country: actor.country },
      };
    return { end: i + 1, actor };
  }
  if (["he", "she", "his", "her"].includes(key)) {
    const actor = lastOf(recent, (a) => a.kind === "Person");
    return actor ? { end: i + 1, actor } : undefined;
  }
  if (key === "the" && tokens[i + 1]) {
    const kind = REFERENCE_NOUNS[tokens[i + 1]!.key];
    if (!kind || cap(tokens[i + 2])) return undefined;
    const actor = lastOf(recent, (a) => a.kind === kind);
    return actor ? { end: i + 2, actor } : undefined;
  }
  return undefined;
}

const NAME_TAGS = ["ProperNoun", "Acronym", "Organization", "Person", "Place"];
const NOT_NAME_TAGS = ["Date", "Month", "WeekDay", "Pronoun", "Determiner", "Verb", "Value"];

function isNameWord(t: Token | undefined): boolean {
  if (!t || !cap(t) || NOT_NAMES.has(t.key)) return false;
  if (/^\p{Lu}[\p{Lu}\d]+$/u.test(t.text)) return true;
  if (NOT_NAME_TAGS.some((tag) => t.tags.has(tag)) && !t.tags.has("Person")) return false;
  return NAME_TAGS.some((tag) => t.tags.has(tag));
}

/** A run of proper-noun words the store and the gazetteer do not know ("Huawei", "Ministry of Industry and ..."). */
function unknownName(
  tokens: readonly Token[],
  i: number,
  gazetteer: Gazetteer,
): { end: number; actor: Actor } | undefined {
  if (titleAt(tokens, i)) return undefined;
  if (!isNameWord(tokens[i])) {
    // A name the tagger did not know opening the sentence: "Peskov accused ...", "Blinken said ...".
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const opening =
      i === 0 &&
      cap(t) &&
      !NOT_NAMES.has(t.key) &&
      !SENTENCE_OPENERS.some((tag) => t.tags.has(tag)) &&
      next !== undefined &&
      next.tags.has("Verb") &&
      !next.tags.has("Auxiliary") &&
      !next.tags.has("Copula");
    if (!opening || gazetteer.match(tokens, i)) return undefined;
    const known = gazetteer.byName(t.text);
    if (known) return { end: i + 1, actor: { id: known.id, name: known.name, kind: known.kind } };
    const kind = /^\p{Lu}[\p{Lu}\d]+$/u.test(t.text) ? "Organization" : "Person";
    return { end: i + 1, actor: { id: null, name: t.text, kind: guessKindOr(t.text, kind) } };
  }
  let end = i + 1;
  while (end < tokens.length && !stops(tokens[end - 1]!)) {
    if (isNameWord(tokens[end]) && !gazetteer.match(tokens, end)) end++;
    else if (["of", "and", "for", "&"].includes(tokens[end]!.key) && isNameWord(tokens[end + 1])) end += 2;
    else break;
  }
  const words = tokens.slice(i, end);
  const name = words.map((w) => w.text.replace(/['’]s$/u, "")).join(" ");
  const known = gazetteer.byName(name);
  if (known) return { end, actor: { id: known.id, name: known.name, kind: known.kind } };
  return { end, actor: { id: null, name, kind: guessKind(name, words) } };
}
