// The Reports screen's state and its pure producers: the report being read (text, title, address, date, the
// dataset its claims go to), the coder's proposals as cards the analyst accepts, rejects or edits (type, ends, date,
// confidence), the card whose sentence is marked, what is running, and the outcome of the last write.

import type { ClaimActor, ProposedClaim, ProposedEntity } from "../../model/claims.ts";
import type { EntityKind } from "../../model/kinds.ts";
import { DEFAULT_REPORTS_DATASET, type AcceptAnswer } from "../../model/report-accept.ts";
import type { RelationType } from "../../model/relations.ts";

export const DECISIONS = ["pending", "accepted", "rejected"] as const;
export type Decision = (typeof DECISIONS)[number];

/** One end of a card: an entity of the store (id set) or a new one to create (id null, kind chosen). */
export interface CardEnd {
  id: string | null;
  name: string;
  kind: EntityKind;
  iso3?: string;
}

export interface ClaimCard {
  /** The card's place among the proposals; stable while the report is reviewed. */
  key: number;
  /** The coder's proposal as it came, for its sentence and to tell edited fields. */
  proposed: ProposedClaim;
  type: RelationType;
  from: CardEnd;
  to: CardEnd;
  date: string;
  confidence: number;
  decision: Decision;
}

/** The report as typed or dropped, with what the Source of its claims will say. */
export interface ReportDraft {
  text: string;
  title: string;
  url: string;
  published: string;
  dataset: string;
  /** The file the text came from, when it was dropped or chosen. */
  fileName: string;
}

export interface Review {
  /** The text the proposals' offsets refer to (the draft may change after). */
  text: string;
  cards: ClaimCard[];
  entities: ProposedEntity[];
  /** Every name of the store's entities the cards name (name and aliases), to find them in the text. */
  names: Record<string, string[]>;
}

export interface ReportState {
  draft: ReportDraft;
  review: Review | null;
  /** Whether the review covers the canvas (closed to look at the explorer, reopened from the tab). */
  reviewOpen: boolean;
  hovered: number | null;
  busy: string | null;
  notice: { text: string; tone: "info" | "error" } | null;
  /** Why the server refused the write for want of the editor token, while the screen asks for it; else null. */
  tokenPrompt: string | null;
  /** The field of the draft or card the server named in its last 400, to mark it. */
  badField: string | null;
  written: AcceptAnswer | null;
}

export const INITIAL_REPORT: ReportState = {
  draft: { text: "", title: "", url: "", published: "", dataset: DEFAULT_REPORTS_DATASET, fileName: "" },
  review: null,
  reviewOpen: false,
  hovered: null,
  busy: null,
  notice: null,
  tokenPrompt: null,
  badField: null,
  written: null,
};

type P = (s: ReportState) => ReportState;

function endOf(actor: ClaimActor): CardEnd {
  const end: CardEnd = { id: actor.id, name: actor.name, kind: actor.kind };
  if (actor.iso3 !== undefined) end.iso3 = actor.iso3;
  return end;
}

/** A card per proposal, undecided, with the proposal's values. */
export function cardsOf(claims: readonly ProposedClaim[]): ClaimCard[] {
  return claims.map((claim, key) => ({
    key,
    proposed: claim,
    type: claim.type,
    from: endOf(claim.from),
    to: endOf(claim.to),
    date: claim.date ?? "",
    confidence: claim.confidence,
    decision: "pending",
  }));
}

export const editDraft =
  (patch: Partial<ReportDraft>): P =>
  (s) => ({ ...s, draft: { ...s.draft, ...patch }, badField: null });

/** The coder answered: one card per proposal, the review shown. */
export const proposalsArrived =
  (text: string, claims: readonly ProposedClaim[], entities: readonly ProposedEntity[]): P =>
  (s) => ({
    ...s,
    review: { text, cards: cardsOf(claims), entities: [...entities], names: {} },
    reviewOpen: true,
    hovered: null,
    written: null,
    badField: null,
    notice: {
      text: claims.length
        ? `${claims.length} proposed claim${claims.length === 1 ? "" : "s"}: accept, reject or edit each.`
        : "The coder found no claim in this text.",
      tone: "info",
    },
  });

function mapCard(s: ReportState, key: number, change: (card: ClaimCard) => ClaimCard): ReportState {
  if (!s.review) return s;
  let changed = false;
  const cards = s.review.cards.map((c) => {
    if (c.key !== key) return c;
    const next = change(c);
    changed ||= next !== c;
    return next;
  });
  return changed ? { ...s, review: { ...s.review, cards }, badField: null } : s;
}

/** The names and aliases of the entities the cards name arrived (read after the proposals). */
export const namesArrived =
  (names: Record<string, string[]>): P =>
  (s) =>
    s.review ? { ...s, review: { ...s.review, names: { ...s.review.names, ...names } } } : s;

export const decide =
  (key: number, decision: Decision): P =>
  (s) =>
    mapCard(s, key, (c) => (c.decision === decision ? c : { ...c, decision }));

/** Every undecided card accepted (the rejected stay rejected). */
export const acceptAllPending: P = (s) => {
  if (!s.review) return s;
  const cards = s.review.cards.map((c) => (c.decision === "pending" ? { ...c, decision: "accepted" as const } : c));
  return { ...s, review: { ...s.review, cards } };
};

export type CardEdit = Partial<Pick<ClaimCard, "type" | "from" | "to" | "date" | "confidence">>;

/** Edits a card; an edited card is one the analyst looked at, so an undecided one becomes accepted. */
export const editCard =
  (key: number, edit: CardEdit): P =>
  (s) =>
    mapCard(s, key, (c) => {
      const next = { ...c, ...edit };
      if (edit.confidence !== undefined) next.confidence = Math.min(1, Math.max(0, edit.confidence));
      if (next.decision === "pending") next.decision = "accepted";
      return next;
    });

export const hover =
  (key: number | null): P =>
  (s) =>
    s.hovered === key ? s : { ...s, hovered: key };

export const setReviewOpen =
  (open: boolean): P =>
  (s) =>
    s.reviewOpen === open ? s : { ...s, reviewOpen: open };

export const setBusy =
  (busy: string | null): P =>
  (s) => ({ ...s, busy });

export const setNotice =
  (notice: ReportState["notice"], badField: string | null = null): P =>
  (s) => ({ ...s, notice, badField });

export const askForToken =
  (reason: string): P =>
  (s) => ({ ...s, tokenPrompt: reason });

export const tokenGiven: P = (s) => ({ ...s, tokenPrompt: null });

/** The claims were written: the review closes so the explorer shows them. */
export const written =
  (answer: AcceptAnswer): P =>
  (s) => ({
    ...s,
    written: answer,
    reviewOpen: false,
    tokenPrompt: null,
    badField: null,
    notice: {
      text:
        `${answer.relations.length} relation${answer.relations.length === 1 ? "" : "s"} written to dataset ` +
        `${answer.dataset}${answer.file ? ` (${answer.file})` : " in Neo4j"}, with the report as their source.`,
      tone: "info",
    },
  });

/** Is the card's claim one the sentence says did not happen, still with the type the coder gave it? */
export function stillNegated(card: ClaimCard): boolean {
  return card.proposed.negated && card.type === card.proposed.type;
}

/** The cards that will be written. */
export function acceptedCards(s: ReportState): ClaimCard[] {
  return s.review?.cards.filter((c) => c.decision === "accepted") ?? [];
}
