// The time slider's calendar scale: stops placed by their real dates, and play moving the same days per frame.

import { describe, expect, it } from "vitest";
import { dateOfDay, dayNumber, nextPlayDate, positionOf, timeScale } from "../../../src/web/state/time-scale.ts";

const BRIEFING = ["1999-03-12", "2021-03-03", "2022-02-24", "2022-03-08", "2022-03-09"];

describe("time scale", () => {
  it("should have no scale without stops, and a one-day step for a single day", () => {
    expect(timeScale([])).toBeUndefined();
    const one = timeScale(["2022-03-09"])!;
    expect(one.step).toBe(1);
    expect(positionOf("2022-03-09", one)).toBe(1);
    expect(nextPlayDate("2022-03-09", one)).toBeUndefined();
  });

  it("should count days on the calendar, leap days included", () => {
    expect(dayNumber("2022-03-09") - dayNumber("2022-02-24")).toBe(13);
    expect(dayNumber("2024-03-01") - dayNumber("2024-02-28")).toBe(2);
    expect(dateOfDay(dayNumber("2022-02-24"))).toBe("2022-02-24");
  });

  it("should place stops by their dates: 8 -> 9 March 2022 a sliver, 1999 -> 2021 most of the way", () => {
    const scale = timeScale(BRIEFING)!;
    const at = BRIEFING.map((d) => positionOf(d, scale));
    expect(at[0]).toBe(0);
    expect(at[4]).toBe(1);
    expect(at[1]! - at[0]!).toBeGreaterThan(0.9);
    expect(at[4]! - at[3]!).toBeLessThan(0.001);
  });

  it("should play the same number of days per frame and stop on the last stop", () => {
    const scale = timeScale(["2022-01-01", "2022-01-31"], 10)!;
    expect(scale.step).toBe(3);
    const frames: string[] = [];
    for (let d = nextPlayDate(undefined, scale); d; d = nextPlayDate(d, scale)) frames.push(d);
    expect(frames[0]).toBe("2022-01-01");
    expect(frames[1]).toBe("2022-01-04");
    expect(frames.at(-1)).toBe("2022-01-31");
    expect(frames).toHaveLength(11);
  });
});
