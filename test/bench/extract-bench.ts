// Report coder benchmark: the evaluation set of test/fixtures/extract coded against the entities of data/, scored
// per relation type and overall (precision, recall), and the speed in sentences per second, with the sentence
// splitting and tagging alone (compromise, the coder's first step) measured in the same run as the baseline.

import { fileURLToPath } from "node:url";
import { createCoder } from "../../src/extract/index.ts";
import { tokenize } from "../../src/extract/tokens.ts";
import { readDatasets } from "../../src/ingest/dataset-reader.ts";
import { precision, readEvalSet, recall, scoreItems } from "./extract-eval.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

const FIXTURE = fileURLToPath(new URL("../fixtures/extract/wire-sentences.yaml", import.meta.url));
const HELD_OUT = fileURLToPath(new URL("../fixtures/extract/held-out.yaml", import.meta.url));
const DATA = fileURLToPath(new URL("../../data", import.meta.url));

export async function benchExtract(options: { repeats: number; verbose: boolean }): Promise<BenchReport> {
  const items = readEvalSet(FIXTURE);
  const entities = (await readDatasets([DATA])).flatMap((d) => d.entities);
  const coder = createCoder(entities);
  const scored = items.map((item) => ({
    item,
    proposed: coder.extract(item.text, { published: item.published }).claims,
  }));
  const score = scoreItems(scored);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows: string[][] = [["relation type", "expected", "proposed", "correct", "precision", "recall"]];
  for (const [type, t] of [...score.byType].sort(([a], [b]) => a.localeCompare(b)))
    rows.push([type, String(t.tp + t.fn), String(t.tp + t.fp), String(t.tp), pct(precision(t)), pct(recall(t))]);
  const o = score.overall;
  rows.push(["overall", String(o.tp + o.fn), String(o.tp + o.fp), String(o.tp), pct(precision(o)), pct(recall(o))]);
  // The held-out set: written after the tuning, never used for it.
  const heldOut = readEvalSet(HELD_OUT);
  const h = scoreItems(
    heldOut.map((item) => ({ item, proposed: coder.extract(item.text, { published: item.published }).claims })),
  );
  const ho = h.overall;
  rows.push([
    "held-out set, overall",
    String(ho.tp + ho.fn),
    String(ho.tp + ho.fp),
    String(ho.tp),
    pct(precision(ho)),
    pct(recall(ho)),
  ]);

  // Speed: the whole set as one report (how the coder meets text: a report at a time), repeated.
  // Five copies of the set, so one pass is a few hundred sentences and the figure steadier than on 72.
  const report = Array.from({ length: 5 }, () => items.map((i) => i.text).join("\n\n")).join("\n\n");
  const sentences = tokenize(report).length;
  const time = (run: () => void) => {
    run();
    const t = performance.now();
    for (let r = 0; r < options.repeats; r++) run();
    return (performance.now() - t) / options.repeats;
  };
  const tagMs = time(() => tokenize(report));
  const codeMs = time(() => coder.extract(report, { published: "2022-03-10" }));
  const perItemMs = time(() => {
    for (let copy = 0; copy < 5; copy++)
      for (const item of items) coder.extract(item.text, { published: item.published });
  });
  rows.push([]);
  rows.push(["speed", "sentences", "ms per pass", "sentences/s"]);
  rows.push(["split and tag only (baseline)", String(sentences), fmt(tagMs, 1), fmt((sentences / tagMs) * 1000)]);
  rows.push(["coder, the set as one report", String(sentences), fmt(codeMs, 1), fmt((sentences / codeMs) * 1000)]);
  rows.push(["coder, one call per item", String(sentences), fmt(perItemMs, 1), fmt((sentences / perItemMs) * 1000)]);
  if (options.verbose) {
    for (const m of score.misses) console.log(`  missed: ${m}`);
    for (const w of score.wrong) console.log(`  wrong:  ${w}`);
    for (const m of h.misses) console.log(`  held-out missed: ${m}`);
    for (const w of h.wrong) console.log(`  held-out wrong:  ${w}`);
  }
  return {
    name: `extract: ${items.length} items, ${sentences} sentences, ${o.tp + o.fn} expected claims (${FIXTURE.split("/test/")[1]})`,
    rows,
    ratios: [
      ["coder / split and tag (time)", ratio(codeMs, tagMs)],
      ["one call per item / one report (time)", ratio(perItemMs, codeMs)],
    ],
  };
}
