// Sensitivity markings, in order: public < internal < restricted. Sources and relations may carry one (the dataset
// format's `marking`); an export can leave out everything above a chosen level. An item with no marking is public;
// a marking this list does not know counts as above every level, so nothing of unknown sensitivity leaks by default.

export const MARKINGS = ["public", "internal", "restricted"] as const;
export type Marking = (typeof MARKINGS)[number];

export function isMarking(value: unknown): value is Marking {
  return typeof value === "string" && (MARKINGS as readonly string[]).includes(value);
}

/** The rank of a marking: 0 for public or none, up to MARKINGS.length - 1; unknown markings rank above them all. */
export function markingRank(marking: string | undefined): number {
  if (marking === undefined || marking === "") return 0;
  const index = (MARKINGS as readonly string[]).indexOf(marking.trim().toLowerCase());
  return index === -1 ? MARKINGS.length : index;
}

/** True when `marking` is more sensitive than `level` (so an export at `level` leaves it out). */
export function isAboveLevel(marking: string | undefined, level: Marking): boolean {
  return markingRank(marking) > markingRank(level);
}

/** The most sensitive of some markings, as written (undefined when none is set). */
export function highestMarking(markings: readonly (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const m of markings) {
    if (m === undefined || m === "") continue;
    if (best === undefined || markingRank(m) > markingRank(best)) best = m;
  }
  return best;
}
