// The time slider's scale: days on a real calendar, so the stops sit where their dates are (24 Feb and 9 Mar 2022
// close together, 1999 far off) and playing moves at an even pace in time, the same number of days per frame,
// rather than one stop per frame (which made 1999 -> 2021 as long as 8 -> 9 March 2022).

import type { IsoDate } from "../../model/index.ts";

const DAY_MS = 86_400_000;

/** Frames a play takes from the first stop to the last. */
export const PLAY_FRAMES = 120;

export function dayNumber(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export interface TimeScale {
  /** Day numbers of the first and last stop. */
  min: number;
  max: number;
  /** Days a play frame moves. */
  step: number;
}

/** The scale over sorted stops; undefined without stops. */
export function timeScale(stops: readonly IsoDate[], frames = PLAY_FRAMES): TimeScale | undefined {
  if (stops.length === 0) return undefined;
  const min = dayNumber(stops[0]!);
  const max = dayNumber(stops[stops.length - 1]!);
  return { min, max, step: Math.max(1, Math.ceil((max - min) / Math.max(1, frames))) };
}

/** Where a date sits on the slider, from 0 (first stop) to 1 (last). */
export function positionOf(date: IsoDate, scale: TimeScale): number {
  if (scale.max === scale.min) return 1;
  return Math.max(0, Math.min(1, (dayNumber(date) - scale.min) / (scale.max - scale.min)));
}

/** The day a play shows next: one step on, the last stop at the end, undefined once there. */
export function nextPlayDate(current: IsoDate | undefined, scale: TimeScale): IsoDate | undefined {
  if (current === undefined) return dateOfDay(scale.min);
  const day = dayNumber(current);
  if (day >= scale.max) return undefined;
  return dateOfDay(Math.min(scale.max, day + scale.step));
}
