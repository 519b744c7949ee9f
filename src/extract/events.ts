// Event phrases in a sentence: the verb patterns of model/event-patterns.ts matched on lemmas, with what the words
// around the verb say about it: a modal ("could shut down"), a negation ("did not condemn"), the passive voice ("was
// warned by"), a hedge ("reportedly"). Where two patterns start at the same verb, the longer one wins ("threatened to
// shut down" is one threat, not a threat and a shutdown).

import { EVENT_PATTERNS, type EventPattern } from "../model/event-patterns.ts";
import { HEDGES, MODALS, NEGATIONS } from "./lexicon.ts";
import type { Token } from "./tokens.ts";

type Step = ReadonlySet<string> | "gap";

interface Compiled {
  pattern: EventPattern;
  steps: Step[];
}

export interface EventMatch {
  pattern: EventPattern;
  /** The verb's token, and the end (exclusive) of the phrase. */
  head: number;
  end: number;
  /** First token of the verb group ("could not be" ... ), where the subject search starts. */
  groupStart: number;
  modal: boolean;
  negated: boolean;
  passive: boolean;
  hedged: boolean;
}

const GAP = 5;
const NEGATION_KEYS = new Set([
  ...NEGATIONS,
  "didnt",
  "doesnt",
  "dont",
  "wont",
  "cannot",
  "cant",
  "hasnt",
  "havent",
  "wasnt",
  "werent",
  "isnt",
  "arent",
]);
const BE = new Set(["be", "is", "are", "was", "were", "been", "being", "get", "got"]);
const GROUP_WORDS = new Set([
  "to",
  "also",
  "has",
  "have",
  "had",
  "will",
  "would",
  "shall",
  "should",
  "did",
  "does",
  "do",
  "must",
  "already",
  "now",
  "again",
  "further",
  "then",
  "reportedly",
  "allegedly",
  "formally",
  "publicly",
  "openly",
  "repeatedly",
  "strongly",
  "sharply",
]);

function compile(pattern: EventPattern): Compiled {
  const steps = pattern.phrase.split(/\s+/).map((w): Step => (w === "..." ? "gap" : new Set(w.split("|"))));
  return { pattern, steps };
}

const COMPILED: readonly Compiled[] = EVENT_PATTERNS.map(compile);
const BY_HEAD = new Map<string, Compiled[]>();
for (const c of COMPILED)
  for (const word of c.steps[0] as ReadonlySet<string>) BY_HEAD.set(word, [...(BY_HEAD.get(word) ?? []), c]);

const cap = (t: Token) => /^\p{Lu}/u.test(t.text);
const wordIs = (t: Token, set: ReadonlySet<string>) => set.has(t.lemma) || set.has(t.key);
const breaks = (t: Token) => /[;:.!?]/.test(t.post) || t.key === "that" || t.key === "which";

/** The end (exclusive) of the steps from step s matched from token i, or -1. */
function matchSteps(tokens: readonly Token[], steps: readonly Step[], s: number, i: number): number {
  if (s === steps.length) return i;
  const step = steps[s]!;
  if (step === "gap") {
    for (let skip = 0; skip <= GAP && i + skip <= tokens.length; skip++) {
      const end = matchSteps(tokens, steps, s + 1, i + skip);
      if (end >= 0) return end;
      if (i + skip < tokens.length && breaks(tokens[i + skip]!)) break;
    }
    return -1;
  }
  if (i >= tokens.length || !wordIs(tokens[i]!, step)) return -1;
  if (s < steps.length - 1 && /[;:.!?]/.test(tokens[i]!.post)) return -1;
  return matchSteps(tokens, steps, s + 1, i + 1);
}

/** What the verb group before the head says: modal, negated, passive, hedged; and where the group starts. */
function readGroup(tokens: readonly Token[], head: number) {
  let k = head - 1;
  let modal = false;
  let negated = false;
  let be = false;
  while (k >= 0) {
    const t = tokens[k]!;
    const aux = t.tags.has("Auxiliary") || t.tags.has("Modal") || t.tags.has("Copula") || t.tags.has("Negative");
    if (!(aux || GROUP_WORDS.has(t.key) || NEGATION_KEYS.has(t.key) || (t.tags.has("Adverb") && !t.tags.has("Date"))))
      break;
    if (MODALS.has(t.key)) modal = true;
    if (NEGATION_KEYS.has(t.key) || t.tags.has("Negative")) negated = true;
    if (BE.has(t.key) || BE.has(t.lemma)) be = true;
    if (/[,;:]/.test(t.post)) break;
    k--;
  }
  const headToken = tokens[head]!;
  const participle =
    headToken.tags.has("PastTense") || headToken.tags.has("Participle") || headToken.tags.has("Passive");
  const hedged = tokens.some((t) => HEDGES.has(t.key));
  return { groupStart: k + 1, modal, negated, passive: be && participle, hedged };
}

/**
 * Every event phrase of a sentence, left to right, none overlapping. A head is a verb; a word right after an actor
 * (`afterActor`, token indices) may be one too when the tagger took it for a singular noun ("Ukraine cut ties").
 */
export function findEvents(tokens: readonly Token[], afterActor: ReadonlySet<number> = new Set()): EventMatch[] {
  const found: EventMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const head =
      t.tags.has("Verb") ||
      t.tags.has("Infinitive") ||
      (afterActor.has(i) && !t.tags.has("Plural") && !cap(t) && !/['’]s$/u.test(tokens[i - 1]?.text ?? ""));
    const candidates = head ? (BY_HEAD.get(t.lemma) ?? BY_HEAD.get(t.key)) : undefined;
    let best: { c: Compiled; end: number } | undefined;
    for (const c of candidates ?? []) {
      const end = matchSteps(tokens, c.steps, 1, i + 1);
      if (end >= 0 && (!best || end > best.end || (end === best.end && c.steps.length > best.c.steps.length)))
        best = { c, end };
    }
    if (!best) {
      i++;
      continue;
    }
    found.push({ pattern: best.c.pattern, head: i, end: best.end, ...readGroup(tokens, i) });
    i = best.end;
  }
  return found;
}
