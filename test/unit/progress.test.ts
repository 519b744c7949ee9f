// The loader's progress lines: silent off a terminal, and on one the rows or items done, the rate and an ETA.

import { describe, expect, it } from "vitest";
import { createProgressBar, createRateBar } from "../../src/cli/progress.ts";

/** A stand-in terminal that keeps what is written; a clock the test moves. */
function terminal(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, columns: 160, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  let time = 1_000_000;
  return {
    stream,
    written,
    now: () => time,
    advance: (ms: number) => void (time += ms),
    last: () => written[written.length - 1]!.trim(),
  };
}

describe("progress", () => {
  it("should write nothing when the output is not a terminal", () => {
    const t = terminal(false);
    const bar = createProgressBar(t.stream, t.now);
    const rate = createRateBar(t.stream, t.now);
    t.advance(1000);
    bar.update(5, 10, "relations");
    rate.update(500, 50, 100, "gdelt x.CSV");
    bar.done();
    rate.done();
    expect(t.written).toEqual([]);
  });

  it("should show the rows read, their rate and an ETA from the bytes read of the total", () => {
    const t = terminal(true);
    const rate = createRateBar(t.stream, t.now);
    t.advance(2000);
    rate.update(40_000, 250, 1000, "gdelt x.CSV");
    expect(t.last()).toBe("gdelt x.CSV · 40,000 rows · 20,000 rows/s · 25% · ETA 6 s");
  });

  it("should show a phase's share done, its rate and an ETA, starting again with each phase", () => {
    const t = terminal(true);
    const bar = createProgressBar(t.stream, t.now);
    bar.update(0, 4000, "relations (CONSULTS)");
    t.advance(2000);
    bar.update(1000, 4000, "relations (CONSULTS)");
    expect(t.last()).toMatch(/ 25% 1,000\/4,000 · 500\/s · ETA 6 s relations \(CONSULTS\)$/);
    bar.update(0, 100, "sources");
    t.advance(1000);
    bar.update(100, 100, "sources");
    expect(t.last()).toMatch(/100% 100\/100 · 100\/s sources$/);
    bar.done();
    expect(t.written[t.written.length - 1]).toMatch(/^\r +\r$/);
  });
});
