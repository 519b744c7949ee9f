// The report's text cut into pieces for the Reports screen to draw: the actors the cards name and the words of their
// events marked, and the sentence of the card under the pointer (or focused) marked as a whole. Pure: offsets in,
// pieces out; the text is never parsed as markup.

import { getRelationSpec } from "../../model/relations.ts";
import type { ClaimCard } from "./report-state.ts";

export type MarkKind = "actor" | "event";

export interface Piece {
  start: number;
  end: number;
  text: string;
  mark: MarkKind | null;
  /** In the sentence of the hovered card. */
  hovered: boolean;
  /** In the sentence of some card (underlined lightly). */
  claimed: boolean;
}

interface Span {
  start: number;
  end: number;
  kind: MarkKind;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where `needle` stands as whole words in text[from, to), case-insensitively. */
function findWords(text: string, needle: string, from: number, to: number): Span[] {
  const words = needle.trim();
  if (words.length < 2) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(words)}(?![\\p{L}\\p{N}])`, "giu");
  const found: Span[] = [];
  const part = text.slice(from, to);
  for (const m of part.matchAll(re))
    found.push({ start: from + m.index, end: from + m.index + m[0].length, kind: "actor" });
  return found;
}

/** The word stem of a relation type's reading ("criticizes" -> "critic"), to find its verb in a sentence. */
export function eventStem(type: ClaimCard["type"]): string {
  const first = getRelationSpec(type).reading.split(" ")[0] ?? "";
  return first
    .replace(/(es|s)$/, "")
    .slice(0, 6)
    .toLowerCase();
}

function eventSpans(text: string, card: ClaimCard): Span[] {
  const { start, end } = card.proposed.evidence;
  const stem = eventStem(card.type);
  if (stem.length < 3) return [];
  const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(stem)}\\p{L}*`, "giu");
  const m = re.exec(text.slice(start, end));
  return m ? [{ start: start + m.index, end: start + m.index + m[0].length, kind: "event" }] : [];
}

/** Names to look for: every end's name, and the aliases `names` knows for the store's entities (id -> names). */
function endNames(card: ClaimCard, names: Readonly<Record<string, readonly string[]>>): Set<string> {
  const found = new Set<string>();
  for (const end of [card.from, card.to, card.proposed.from, card.proposed.to]) {
    found.add(end.name);
    if (end.id) for (const n of names[end.id] ?? []) found.add(n);
  }
  return found;
}

/** The marks of every card, without overlaps (the earlier, then the longer, wins). */
export function marksOf(
  text: string,
  cards: readonly ClaimCard[],
  names: Readonly<Record<string, readonly string[]>> = {},
): Span[] {
  const spans: Span[] = [];
  for (const card of cards) {
    const { start, end } = card.proposed.evidence;
    if (!(start >= 0 && end <= text.length && start < end)) continue;
    for (const name of endNames(card, names)) spans.push(...findWords(text, name, start, end));
    spans.push(...eventSpans(text, card));
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of spans) if (kept.length === 0 || s.start >= kept[kept.length - 1]!.end) kept.push(s);
  return kept;
}

/** The text in pieces at every mark's and every claimed sentence's edges. */
export function piecesOf(
  text: string,
  cards: readonly ClaimCard[],
  hovered: number | null,
  names: Readonly<Record<string, readonly string[]>> = {},
): Piece[] {
  const marks = marksOf(text, cards, names);
  const sentences = cards
    .map((c) => c.proposed.evidence)
    .filter((e) => e.start >= 0 && e.end <= text.length && e.start < e.end);
  const hoveredCard = cards.find((c) => c.key === hovered);
  const hot = hoveredCard ? hoveredCard.proposed.evidence : undefined;
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) cuts.add(m.start).add(m.end);
  for (const e of sentences) cuts.add(e.start).add(e.end);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const mark = marks.find((m) => m.start <= start && end <= m.end)?.kind ?? null;
    pieces.push({
      start,
      end,
      text: text.slice(start, end),
      mark,
      hovered: hot !== undefined && hot.start <= start && end <= hot.end,
      claimed: sentences.some((e) => e.start <= start && end <= e.end),
    });
  }
  return pieces;
}
