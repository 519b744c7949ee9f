// What "Accept" sends (POST /api/reports/accept), built from the Reports screen's state by one pure rule: the
// accepted cards become claims, every end that is a new entity becomes one entity of the request (one per name and
// kind, its id made from its name and kept apart from every other id the request uses), and the draft becomes the
// report's Source. Problems the server would refuse are found here first, each naming the field to fix.

import { dateSchema, idSchema } from "../../model/dataset-schema.ts";
import { foldText } from "../../model/text.ts";
import { slugId, type AcceptRequestInput } from "../../model/report-accept.ts";
import { acceptedCards, stillNegated, type CardEnd, type ReportState } from "./report-state.ts";

export interface RequestProblem {
  /** `title`, `dataset`, `published`, `url`, or `card` with the card's key. */
  field: string;
  key?: number;
  message: string;
}

export interface BuiltRequest {
  request: AcceptRequestInput | null;
  problems: RequestProblem[];
}

/** The report's title: as typed, else its first line (shortened). */
export function reportTitle(s: ReportState): string {
  const typed = s.draft.title.trim();
  if (typed) return typed;
  const first =
    (s.review?.text ?? s.draft.text)
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? "";
  return first.length > 120 ? `${first.slice(0, 117).trimEnd()}…` : first;
}

/** Ids for the new entities among the ends: one per name and kind, distinct from each other and from `taken`. */
export function newEntityIds(ends: readonly CardEnd[], taken: ReadonlySet<string>): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set(taken);
  for (const end of ends) {
    if (end.id !== null) continue;
    const key = newEntityKey(end);
    if (ids.has(key)) continue;
    const base = slugId(end.name);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(key, id);
  }
  return ids;
}

/** Two new ends are one entity when they have the same name (folded) and kind. */
export function newEntityKey(end: Pick<CardEnd, "name" | "kind">): string {
  return `${end.kind}:${foldText(end.name)}`;
}

export function buildAcceptRequest(s: ReportState): BuiltRequest {
  const problems: RequestProblem[] = [];
  const { draft } = s;
  const title = reportTitle(s);
  if (!title) problems.push({ field: "title", message: "give the report a title" });
  if (!idSchema.safeParse(draft.dataset).success)
    problems.push({
      field: "dataset",
      message: "name the dataset with lower-case letters, digits, '.', '_' or '-' (e.g. reports)",
    });
  const published = draft.published.trim();
  if (published && !dateSchema.safeParse(published).success)
    problems.push({ field: "published", message: "write the date as YYYY-MM-DD" });
  const url = draft.url.trim();
  if (url && !/^https?:\/\/\S+$/.test(url)) problems.push({ field: "url", message: "an address starts http(s)://" });

  const cards = acceptedCards(s);
  if (cards.length === 0) problems.push({ field: "cards", message: "accept at least one claim" });
  for (const card of cards) {
    if (stillNegated(card))
      problems.push({
        field: "card",
        key: card.key,
        message: "the report says this did not happen: change its type or reject it",
      });
    const same =
      card.from.id !== null
        ? card.from.id === card.to.id
        : card.to.id === null && newEntityKey(card.from) === newEntityKey(card.to);
    if (same) problems.push({ field: "card", key: card.key, message: "both ends are the same entity" });
    if (card.date && !dateSchema.safeParse(card.date).success)
      problems.push({ field: "card", key: card.key, message: "write the date as YYYY-MM-DD" });
  }
  if (problems.length > 0) return { request: null, problems };

  const ends = cards.flatMap((c) => [c.from, c.to]);
  const taken = new Set(ends.flatMap((e) => (e.id === null ? [] : [e.id])));
  const ids = newEntityIds(ends, taken);
  const idOf = (end: CardEnd) => end.id ?? ids.get(newEntityKey(end))!;
  const entities: NonNullable<AcceptRequestInput["entities"]> = [];
  const listed = new Set<string>();
  for (const end of ends) {
    if (end.id !== null || listed.has(idOf(end))) continue;
    listed.add(idOf(end));
    entities.push({ id: idOf(end), kind: end.kind, name: end.name.trim(), ...(end.iso3 ? { iso3: end.iso3 } : {}) });
  }
  const request: AcceptRequestInput = {
    dataset: draft.dataset,
    source: { title, ...(url ? { url } : {}), ...(published ? { published } : {}) },
    entities,
    claims: cards.map((card) => ({
      type: card.type,
      from: idOf(card.from),
      to: idOf(card.to),
      ...(card.date ? { date: card.date } : {}),
      confidence: card.confidence,
      // The coder's code stands for its pattern: a claim whose type the analyst changed no longer has it.
      ...(card.type === card.proposed.type ? { cameo: card.proposed.cameo } : {}),
      evidence: { ...card.proposed.evidence },
    })),
  };
  return { request, problems };
}
