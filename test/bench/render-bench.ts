// Rendering benchmark (issue #5): generated graphs (1k, 10k, 50k and 100k entities, 5 relations each by default) drawn
// in headless Chromium by two pages built from test/bench/render/: Statecraft's real rendering stack, and plain sigma
// with default settings over the same graph (the baseline for our overhead, measured in the same run). For each size
// and page: time to the first drawn frame and the JavaScript in it, JS heap, a pan (mouse drag, one step a frame)
// and a zoom (wheel notches) sequence with each step awaited until drawn, and the time from releasing the drag to
// the full picture. JavaScript (graph build, reducers, sigma's render() and refreshes, timed inside the page) is
// reported apart from wall time: Chromium here rasterises WebGL on the CPU (SwiftShader), so wall time is mostly
// rasterising. Positions are precomputed (seeded, uniform over a disc): no layout time in the figures. Each page
// has a time budget; a sequence that would run past it is cut short and reported as "stopped".

import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Page } from "playwright-core";
import { build } from "vite";
import { getRelationSpec } from "../../src/model/index.ts";
import { generateDataset } from "../../src/store/memory/generate.ts";
import { sizeSettings } from "../../src/web/graph/render-settings.ts";
import { edgeSize, kindStyle, nodeSize, stanceColor } from "../../src/web/graph/style.ts";
import type { BenchGraphFile, FirstFrameReport, StepReport } from "./render/graph-file.ts";
import { fmt, ratio, type BenchReport } from "./report.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HERE = import.meta.dirname;
const VIEWPORT = { width: 1280, height: 720 };
const PAGES = ["ours", "plain"] as const;
type PageName = (typeof PAGES)[number];
const PAGE_TITLE: Record<PageName, string> = { ours: "Statecraft", plain: "plain sigma" };

export interface RenderBenchOptions {
  sizes: number[];
  relationsPerEntity: number;
  /** Wall-time budget for one page at one size (first frame, pan, zoom); sequences stop early past it. */
  pageBudgetMs: number;
  /** Mouse moves in the pan, wheel notches in the zoom. */
  steps: number;
  /** Extra first-frame samples per page, taken while its first frame comes in under REPEAT_BELOW_MS. */
  firstFrameRepeats: number;
}

interface PageResult {
  first?: FirstFrameReport;
  /** Every first-frame sample (the interaction run's and the repeats'); `first` becomes their median. */
  firstSamples: FirstFrameReport[];
  heapFirst?: number;
  heapEnd?: number;
  pan: StepReport[];
  release?: StepReport;
  zoom: StepReport[];
  stopped: string[];
}

/** mulberry32, as the dataset generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function benchGraph(entities: number, relationsPerEntity: number, seed = 5): BenchGraphFile {
  const ds = generateDataset({ entities, relationsPerEntity, seed });
  const degree = new Map<string, number>();
  for (const r of ds.relations) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  const { nodeScale } = sizeSettings(ds.entities.length, ds.relations.length);
  const rnd = random(seed);
  const radius = 10 * Math.sqrt(ds.entities.length);
  const nodes = ds.entities.map((e) => {
    const r = radius * Math.sqrt(rnd());
    const a = 2 * Math.PI * rnd();
    const d = degree.get(e.id) ?? 0;
    return {
      id: e.id,
      name: e.name,
      kind: e.kind,
      degree: d,
      x: round2(r * Math.cos(a)),
      y: round2(r * Math.sin(a)),
      size: round2(nodeSize(d) * nodeScale),
      color: kindStyle(e.kind).color,
    };
  });
  const relations = ds.relations.map((r) => {
    const stance = getRelationSpec(r.type).stance;
    return {
      id: r.id,
      type: r.type,
      stance,
      from: r.from,
      to: r.to,
      ...(r.date ? { date: r.date } : {}),
      ...(r.validFrom ? { validFrom: r.validFrom } : {}),
      ...(r.validTo ? { validTo: r.validTo } : {}),
      confidence: r.confidence,
      inference: r.inference,
      size: round2(edgeSize(r.confidence)),
      color: stanceColor(stance),
    };
  });
  return { nodes, relations };
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json" };

function serve(root: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    try {
      const body = readFileSync(join(root, path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () =>
      done({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

class Stopped extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Stopped(`${what}: nothing drawn within ${fmt(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    return (metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN) / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** One more first-frame sample in a fresh browser (for sizes quick to draw, where one sample is mostly noise). */
async function sampleFirstFrame(url: string): Promise<FirstFrameReport | null> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(url);
    return await withTimeout(
      page.evaluate(() => window.__bench!.ready),
      STEP_TIMEOUT_MS,
      "first frame",
    );
  } catch (error) {
    if (error instanceof Stopped) return null;
    throw error;
  } finally {
    await browser.close();
  }
}

async function runPage(url: string, options: RenderBenchOptions, label: string): Promise<PageResult> {
  const result: PageResult = { pan: [], zoom: [], stopped: [], firstSamples: [] };
  const deadline = Date.now() + options.pageBudgetMs;
  const left = () => deadline - Date.now();
  const browser = await launch();
  const problems: string[] = [];
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.setDefaultTimeout(options.pageBudgetMs + 60_000);
    await page.goto(url);
    result.first = await withTimeout(
      page.evaluate(() => window.__bench!.ready),
      Math.max(left(), 10_000),
      "first frame",
    );
    result.firstSamples.push(result.first);
    await page.evaluate(() => window.__bench!.probe.begin());
    const quiet = await settle(page, false, STEP_TIMEOUT_MS);
    if (quiet.timedOut) throw new Stopped("the first frames never settled");
    result.heapFirst = await heapMiB(page);

    // Pan: grab the background and drag, one mouse move a frame, then let go. Moves stop once they have used 35%
    // of what is left of the budget (at least two), the zoom gets the rest (at least one notch).
    const spot = await page.evaluate(() => window.__bench!.probe.emptySpot());
    await step(page, () => page.mouse.move(spot.x, spot.y));
    await step(page, () => page.mouse.down());
    const panUntil = Date.now() + Math.max(0, left()) * 0.35;
    for (let i = 1; i <= options.steps; i++) {
      if (i > 2 && Date.now() > panUntil) {
        result.stopped.push(`${label}: pan cut after ${i - 1}/${options.steps} moves (budget)`);
        break;
      }
      const x = spot.x + 12 * i;
      const y = spot.y + 30 * Math.sin(i / 3);
      result.pan.push(await step(page, () => page.mouse.move(x, y)));
    }
    result.release = await step(page, () => page.mouse.up());

    // Zoom: wheel notches at the same spot, in five, out five, twice.
    for (let i = 0; i < options.steps; i++) {
      if (i > 0 && Date.now() > deadline) {
        result.stopped.push(`${label}: zoom cut after ${i}/${options.steps} notches (budget)`);
        break;
      }
      const delta = i % 10 < 5 ? -100 : 100;
      result.zoom.push(await step(page, () => page.mouse.wheel(0, delta)));
    }
    result.heapEnd = await heapMiB(page);
  } catch (error) {
    if (!(error instanceof Stopped)) throw error;
    result.stopped.push(`${label}: ${error.message}`);
  } finally {
    if (problems.length) result.stopped.push(`${label}: page errors: ${problems.slice(0, 3).join("; ")}`);
    await browser.close();
  }
  return result;
}

async function settle(page: Page, withInput: boolean, timeoutMs: number): Promise<StepReport> {
  const report = await withTimeout(
    page.evaluate(([input, t]) => window.__bench!.probe.settle(input, t), [withInput, timeoutMs] as const),
    timeoutMs + 15_000,
    "settling",
  );
  if (report.timedOut) throw new Stopped(`a step was still drawing after ${fmt(timeoutMs / 1000)} s`);
  return report;
}

const REPEAT_BELOW_MS = 5_000;

/** Longest one input step may take to be drawn (a plain-sigma frame of 500k relations takes ~20 s here). */
const STEP_TIMEOUT_MS = 90_000;

async function step(page: Page, act: () => Promise<void>): Promise<StepReport> {
  await page.evaluate(() => window.__bench!.probe.begin());
  await act();
  return settle(page, true, STEP_TIMEOUT_MS);
}

// ---- figures

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
const median = (v: number[]) => quantile(v, 0.5);
const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const stepJs = (s: StepReport) => sum(s.renders.map((r) => r.js)) + s.refreshMs;

interface Figures {
  firstFrame: number;
  firstJs: number;
  firstSigma: number;
  build: number;
  visibility: number;
  firstRender: number;
  heap: number;
  heapEnd: number;
  panFrame: number;
  panFrameP95: number;
  panJs: number;
  panFull: string;
  release: number;
  releaseJs: number;
  drag: number;
  zoomStep: number;
  zoomStepP95: number;
  zoomJs: number;
  zoomFrames: number;
}

/** Zoom figures over the first `notches` notches only (the same ones for both pages: in and out differ). */
function figures(r: PageResult, options: RenderBenchOptions, notches: number): Figures {
  const f = r.first;
  const zoom = r.zoom.slice(0, notches);
  const panRenders = r.pan.flatMap((s) => s.renders);
  return {
    firstFrame: f?.firstFrameMs ?? NaN,
    firstJs: f ? f.buildMs + f.visibilityMs + f.createMs + f.sigmaMs : NaN,
    firstSigma: f?.sigmaMs ?? NaN,
    build: f?.buildMs ?? NaN,
    visibility: f?.visibilityMs ?? NaN,
    firstRender: f?.firstRenderMs ?? NaN,
    heap: r.heapFirst ?? NaN,
    panFrame: median(r.pan.map((s) => s.latency)),
    panFrameP95: quantile(
      r.pan.map((s) => s.latency),
      0.95,
    ),
    panJs: median(r.pan.map(stepJs)),
    panFull: panRenders.length ? `${panRenders.filter((x) => x.full).length}/${panRenders.length}` : "-",
    release: r.release?.latency ?? NaN,
    releaseJs: r.release ? stepJs(r.release) : NaN,
    drag: r.release
      ? (sum(r.pan.map((s) => s.latency)) / Math.max(1, r.pan.length)) * options.steps + r.release.latency
      : NaN,
    zoomStep: median(zoom.map((s) => s.latency)),
    zoomStepP95: quantile(
      zoom.map((s) => s.latency),
      0.95,
    ),
    zoomJs: median(zoom.map(stepJs)),
    zoomFrames: median(zoom.map((s) => s.renders.length)),
    heapEnd: r.heapEnd ?? NaN,
  };
}

const ms = (n: number) => (Number.isFinite(n) ? `${fmt(n, n < 100 ? 1 : 0)} ms` : "-");
const mib = (n: number) => (Number.isFinite(n) ? `${fmt(n)} MiB` : "-");
const rt = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? ratio(a, b) : "-");

export async function benchRender(options: RenderBenchOptions): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), "statecraft-render-bench-"));
  const www = join(dir, "www");
  const started = Date.now();
  await build({ configFile: resolve(HERE, "render/vite.config.ts"), build: { outDir: www } });
  mkdirSync(join(www, "data"), { recursive: true });
  const { server, base } = await serve(www);
  const rows: string[][] = [["size", "measure", PAGE_TITLE.ours, PAGE_TITLE.plain, "ours / plain"]];
  const ratios: string[][] = [["size", "ratio", "value", "aim"]];
  const stopped: string[] = [];
  try {
    for (const entities of options.sizes) {
      const t = performance.now();
      const graph = benchGraph(entities, options.relationsPerEntity);
      const file = `data/graph-${entities}.json`;
      writeFileSync(join(www, file), JSON.stringify(graph));
      const sizeLabel = `${fmt(graph.nodes.length / 1000, graph.nodes.length < 10_000 ? 1 : 0)}k / ${fmt(graph.relations.length / 1000, 0)}k`;
      console.log(
        `render: ${fmt(graph.nodes.length)} entities, ${fmt(graph.relations.length)} relations generated in ${fmt((performance.now() - t) / 1000, 1)} s`,
      );
      const results = {} as Record<PageName, PageResult>;
      for (const name of PAGES) {
        const t1 = performance.now();
        results[name] = await runPage(
          `${base}/${name}.html?graph=${file}`,
          options,
          `${PAGE_TITLE[name]} ${sizeLabel}`,
        );
        console.log(`render: ${PAGE_TITLE[name]} at ${sizeLabel} took ${fmt((performance.now() - t1) / 1000, 1)} s`);
        stopped.push(...results[name].stopped);
      }
      // Quick first frames are sampled again, the pages taking turns (other work on the machine comes and goes).
      for (let i = 0; i < options.firstFrameRepeats; i++) {
        for (const name of PAGES) {
          const samples = results[name].firstSamples;
          if (samples.length === 0 || median(samples.map((f) => f.firstFrameMs)) > REPEAT_BELOW_MS) continue;
          const sample = await sampleFirstFrame(`${base}/${name}.html?graph=${file}`);
          if (sample) samples.push(sample);
        }
      }
      for (const name of PAGES) {
        const samples = [...results[name].firstSamples].sort((a, b) => a.firstFrameMs - b.firstFrameMs);
        if (samples.length) results[name].first = samples[Math.floor((samples.length - 1) / 2)];
      }
      rmSync(join(www, file));
      const notches = Math.min(results.ours.zoom.length, results.plain.zoom.length);
      const o = figures(results.ours, options, notches);
      const p = figures(results.plain, options, notches);
      const zoomed = `${notches} notch${notches === 1 ? "" : "es"}`;
      const row = (measure: string, a: number, b: number, show = ms) => [
        sizeLabel,
        measure,
        show(a),
        show(b),
        rt(a, b),
      ];
      rows.push(
        row(
          `first drawn frame (wall, median of ${results.ours.firstSamples.length} / ${results.plain.firstSamples.length})`,
          o.firstFrame,
          p.firstFrame,
        ),
        row("  JS before it (build, visibility, sigma)", o.firstJs, p.firstJs),
        row("    graph build (ours: with sigma listening)", o.build, p.build),
        ...Object.keys(results.ours.first?.buildParts ?? {}).map((k) =>
          row(`      ${k}`, results.ours.first!.buildParts[k]!, NaN),
        ),
        row("    visibility (filters)", o.visibility, NaN),
        row("  of which sigma refresh/render", o.firstSigma, p.firstSigma),
        row("  the render() that drew it", o.firstRender, p.firstRender),
        row("JS heap after first frame", o.heap, p.heap, mib),
        row("pan frame, input to drawn (median)", o.panFrame, p.panFrame),
        row("pan frame (p95)", o.panFrameP95, p.panFrameP95),
        row("pan JS per frame (median)", o.panJs, p.panJs),
        [sizeLabel, "pan renders drawing edges+labels", o.panFull, p.panFull, ""],
        row("drag release to full picture", o.release, p.release),
        row("  JS in it (refresh, renders)", o.releaseJs, p.releaseJs),
        row(`whole drag (${options.steps} moves + release, mean-based)`, o.drag, p.drag),
        row(`zoom notch to settled frame (median, first ${zoomed})`, o.zoomStep, p.zoomStep),
        row("zoom notch (p95)", o.zoomStepP95, p.zoomStepP95),
        row("zoom JS per notch (median)", o.zoomJs, p.zoomJs),
        row("zoom renders per notch (median)", o.zoomFrames, p.zoomFrames, (n) => (Number.isFinite(n) ? fmt(n) : "-")),
        row("JS heap at the end", o.heapEnd, p.heapEnd, mib),
      );
      ratios.push(
        [sizeLabel, "first frame ours/plain", rt(o.firstFrame, p.firstFrame), "aim <= 1.3x"],
        [sizeLabel, "pan frame ours/plain", rt(o.panFrame, p.panFrame), "aim <= 1.3x"],
        [sizeLabel, "whole drag ours/plain", rt(o.drag, p.drag), "aim <= 1.3x"],
        [sizeLabel, "zoom notch ours/plain", rt(o.zoomStep, p.zoomStep), "aim <= 1.3x"],
        [sizeLabel, "pan JS per frame, ours", ms(o.panJs), "aim < 16 ms at 10k (interactive)"],
      );
    }
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const s of stopped) rows.push(["stopped:", s, "", "", ""]);
  console.log(`render: done in ${fmt((Date.now() - started) / 1000)} s`);
  return {
    name: `render (headless Chromium, SwiftShader, ${VIEWPORT.width}x${VIEWPORT.height}; ${options.relationsPerEntity} relations per entity; ${options.steps} pan moves, ${options.steps} zoom notches)`,
    rows,
    ratios,
  };
}

/**
 * Plain sigma drawing a generated graph of each size once, in Chromium: the first drawn frame (wall) and the
 * JavaScript before it (graph build and sigma), the median of `samples` fresh pages. Other benchmarks (views) compare
 * their JavaScript to it: what one draw of the same graph costs.
 */
export async function plainSigmaFirstFrames(
  sizes: readonly number[],
  relationsPerEntity: number,
  options: { samples?: number; seed?: number } = {},
): Promise<Map<number, { wallMs: number; jsMs: number }>> {
  const samples = options.samples ?? 3;
  const dir = mkdtempSync(join(tmpdir(), "statecraft-plain-sigma-"));
  const www = join(dir, "www");
  await build({ configFile: resolve(HERE, "render/vite.config.ts"), build: { outDir: www }, logLevel: "warn" });
  mkdirSync(join(www, "data"), { recursive: true });
  const { server, base } = await serve(www);
  const out = new Map<number, { wallMs: number; jsMs: number }>();
  try {
    for (const entities of sizes) {
      const file = `data/graph-${entities}.json`;
      writeFileSync(join(www, file), JSON.stringify(benchGraph(entities, relationsPerEntity, options.seed)));
      const reports: FirstFrameReport[] = [];
      for (let i = 0; i < samples; i++) {
        const report = await sampleFirstFrame(`${base}/plain.html?graph=${file}`);
        if (report) reports.push(report);
      }
      if (reports.length) {
        out.set(entities, {
          wallMs: median(reports.map((r) => r.firstFrameMs)),
          jsMs: median(reports.map((r) => r.buildMs + r.createMs + r.sigmaMs)),
        });
      }
      rmSync(join(www, file));
    }
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
