// Saved views, like Bloom's scenes: what a link names so that every reader sees the same picture. A view holds the
// explorer's view state (the query string of its shareable URL: filters, selection, path, camera, additions and
// hidings, as the web app encodes them) and the positions of the entities arranged on the canvas, in graph units.
// Kept in the app store beside the briefing decks (PUT /api/views/:id), never in the graph database. Validated here
// with zod, once for the server and the web app; problems name the path of the bad field.

import { z } from "zod";
import { DECK_ID, formatIssuePath } from "./deck.ts";

export const VIEW_FORMAT = "statecraft-view";
export const VIEW_VERSION = 1;

export const VIEW_LIMITS = {
  /** Characters of the view state (a URL's query string). */
  state: 20_000,
  /** Entities with a position: the explorer draws up to this many. */
  positions: 200_000,
  entityId: 200,
} as const;

/** View ids follow the deck rule: lower-case letters, digits and '-', up to 80 characters. */
export const VIEW_ID = DECK_ID;

export interface SavedView {
  format: typeof VIEW_FORMAT;
  version: typeof VIEW_VERSION;
  id: string;
  /** The explorer's URL query string without the leading "?" (web/state/url-state.ts reads it). */
  state: string;
  /** Entity id -> [x, y] in graph units. */
  positions: Record<string, [number, number]>;
  /** Set by the server when it stores the view (ISO date-time). */
  updatedAt?: string;
}

const finite = z.number().refine(Number.isFinite, { error: "expected a finite number" });

export const viewIdSchema = z
  .string()
  .regex(VIEW_ID, { error: "expected a view id of lower-case letters, digits and '-' (at most 80)" });

export const savedViewSchema = z.strictObject({
  format: z.literal(VIEW_FORMAT, { error: `expected "${VIEW_FORMAT}"` }),
  version: z.literal(VIEW_VERSION, { error: `expected version ${VIEW_VERSION} (this Statecraft reads no other)` }),
  id: viewIdSchema,
  state: z
    .string()
    .max(VIEW_LIMITS.state, { error: `expected at most ${VIEW_LIMITS.state} characters` })
    .refine((s) => !/[\s#]/.test(s) && !s.startsWith("?"), {
      error: "expected a URL query string without '?', '#' or spaces",
    }),
  positions: z
    .record(z.string().min(1).max(VIEW_LIMITS.entityId), z.tuple([finite, finite]))
    .refine((p) => Object.keys(p).length <= VIEW_LIMITS.positions, {
      error: `expected at most ${VIEW_LIMITS.positions} positions`,
    }),
  updatedAt: z.string().optional(),
});

// The schema's output and SavedView must stay the same shape (a compile-time check).
const _schemaMatchesType: [z.output<typeof savedViewSchema>] extends [SavedView]
  ? [SavedView] extends [z.output<typeof savedViewSchema>]
    ? true
    : false
  : false = true;
void _schemaMatchesType;

export type SavedViewParse = { ok: true; view: SavedView } | { ok: false; path: string; message: string };

/** A view from parsed JSON; the first problem names the path of the bad field. */
export function parseSavedView(input: unknown): SavedViewParse {
  const result = savedViewSchema.safeParse(input);
  if (result.success) return { ok: true, view: result.data };
  const issue = result.error.issues[0]!;
  const path = issue.path.length > 0 ? formatIssuePath(issue.path) : "(view)";
  return { ok: false, path, message: `${path}: ${issue.message}` };
}

/** A view from stored JSON text (the app store keeps views as text). */
export function parseSavedViewJson(text: string): SavedViewParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      path: "(view)",
      message: `not JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  return parseSavedView(data);
}
