// The time slider's stops: every distinct relation date (event dates and the starts and ends of standing facts),
// plus the summary's overall range, sorted. Playing steps from stop to stop, so each frame changes something.

import type { IsoDate } from "../../model/index.ts";

export function timeStops(
  dates: Iterable<IsoDate | undefined>,
  range: { min?: IsoDate; max?: IsoDate } = {},
): IsoDate[] {
  const set = new Set<IsoDate>();
  for (const d of dates) if (d) set.add(d);
  if (range.min) set.add(range.min);
  if (range.max) set.add(range.max);
  return [...set].sort();
}

/** Index of the last stop on or before `date` (0 when it is before them all). */
export function stopIndex(stops: readonly IsoDate[], date: IsoDate | undefined): number {
  if (!date || stops.length === 0) return Math.max(0, stops.length - 1);
  let lo = 0;
  let hi = stops.length - 1;
  if (date < stops[0]!) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (stops[mid]! <= date) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The stop after `date`, or undefined at the end (playing stops there). */
export function nextStop(stops: readonly IsoDate[], date: IsoDate | undefined): IsoDate | undefined {
  if (stops.length === 0) return undefined;
  if (!date) return stops[0];
  const i = stopIndex(stops, date);
  if (date < stops[0]!) return stops[0];
  return stops[i + 1];
}

/** "24 Feb 2022" (UTC, so every time zone reads the same day). */
export function formatDate(date: IsoDate | undefined): string {
  if (!date) return "";
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** When a relation holds, in words: "9 Mar 2022", "since 24 Feb 2022", "12 Mar 1999 – 1 Jan 2020", "undated". */
export function formatSpan(r: { date?: IsoDate; validFrom?: IsoDate; validTo?: IsoDate }): string {
  if (r.date) return formatDate(r.date);
  if (r.validFrom && r.validTo) return `${formatDate(r.validFrom)} – ${formatDate(r.validTo)}`;
  if (r.validFrom) return `since ${formatDate(r.validFrom)}`;
  if (r.validTo) return `until ${formatDate(r.validTo)}`;
  return "undated (a standing fact)";
}
