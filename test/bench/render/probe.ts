// Instrumentation shared by both render-benchmark pages: wraps sigma's render(), process(), full refresh() and
// setSettings() on the prototype to time their JavaScript, notes for every render whether it drew edges and labels
// and when the next two animation frames came (the rasterising, which SwiftShader does on the CPU), and exposes
// window.__bench for the driver: the first-frame report, a background spot to grab, and settle() for input steps.

import Sigma from "sigma";
import type { FirstFrameReport, RenderRecord, StepReport } from "./graph-file.ts";

interface LooseRenderer {
  renderFrame: number | null;
  renderHighlightedNodesFrame: number | null;
  getCamera(): { isAnimated(): boolean; on(event: "updated", fn: () => void): void };
  getMouseCaptor(): { isMoving: boolean; draggedEvents: number; currentWheelDirection: number };
  getSetting(key: "hideEdgesOnMove"): boolean;
  getNodeDisplayData(key: string): { hidden?: boolean } | undefined;
  getNodeAtPosition(position: { x: number; y: number }): string | null;
  getDimensions(): { width: number; height: number };
  getGraph(): { order: number };
}

type Method = (this: LooseRenderer, ...args: unknown[]) => unknown;

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

export class Probe {
  renderer: LooseRenderer | null = null;
  readonly renders: RenderRecord[] = [];
  /** Outermost sigma JavaScript (render, full refresh, setSettings), whatever nests inside. */
  sigmaMs = 0;
  processMs = 0;
  refreshMs = 0;
  cameraUpdates = 0;
  lastCameraAt = 0;
  inputs = 0;
  lastInputAt = 0;
  /** Called after each render with the renderer (for the first-frame check). */
  onRender: ((renderer: LooseRenderer, record: RenderRecord) => void) | null = null;
  private depth = 0;

  constructor() {
    const proto = Sigma.prototype as unknown as Record<string, Method>;
    const original = (name: string) => proto[name]!;
    const render = original("render");
    const process = original("process");
    const refresh = original("refresh");
    const setSettings = original("setSettings");
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const probe = this;

    proto.render = function (this: LooseRenderer, ...args: unknown[]) {
      probe.adopt(this);
      const captor = this.getMouseCaptor();
      const moving =
        this.getCamera().isAnimated() ||
        captor.isMoving ||
        captor.draggedEvents > 0 ||
        captor.currentWheelDirection !== 0;
      const processBefore = probe.processMs;
      const start = performance.now();
      probe.depth++;
      try {
        return render.apply(this, args);
      } finally {
        probe.depth--;
        const js = performance.now() - start;
        if (probe.depth === 0) probe.sigmaMs += js;
        const record: RenderRecord = {
          start,
          js,
          process: probe.processMs - processBefore,
          full: !(moving && this.getSetting("hideEdgesOnMove")),
          frame1: 0,
          frame2: 0,
        };
        probe.renders.push(record);
        void nextFrame().then((t1) => {
          record.frame1 = t1;
          void nextFrame().then((t2) => (record.frame2 = t2));
        });
        probe.onRender?.(this, record);
      }
    };
    proto.process = function (this: LooseRenderer, ...args: unknown[]) {
      const start = performance.now();
      try {
        return process.apply(this, args);
      } finally {
        probe.processMs += performance.now() - start;
      }
    };
    // Partial refreshes (one per item sigma's graph listeners see) are left untimed: timing them would cost more
    // than they do. Full ones re-run the reducers over every item.
    const timed = (fn: Method, when: (args: unknown[]) => boolean): Method =>
      function (this: LooseRenderer, ...args: unknown[]) {
        if (probe.depth > 0 || !when(args)) return fn.apply(this, args);
        probe.adopt(this);
        const start = performance.now();
        probe.depth++;
        try {
          return fn.apply(this, args);
        } finally {
          probe.depth--;
          const ms = performance.now() - start;
          probe.sigmaMs += ms;
          probe.refreshMs += ms;
        }
      };
    proto.refresh = timed(refresh, (args) => !(args[0] as { partialGraph?: unknown } | undefined)?.partialGraph);
    proto.setSettings = timed(setSettings, () => true);

    const onInput = (e: Event) => {
      this.inputs++;
      this.lastInputAt = e.timeStamp > 0 ? e.timeStamp : performance.now();
    };
    for (const type of ["mousemove", "mousedown", "mouseup", "wheel"]) {
      window.addEventListener(type, onInput, { capture: true, passive: true });
    }
  }

  private adopt(renderer: LooseRenderer): void {
    if (this.renderer === renderer) return;
    this.renderer = renderer;
    renderer.getCamera().on("updated", () => {
      this.cameraUpdates++;
      this.lastCameraAt = performance.now();
    });
  }

  /** Something is still to be drawn: a render scheduled, the camera animating, or a render's frames to come. */
  busy(): boolean {
    const r = this.renderer;
    if (!r) return true;
    if (r.renderFrame !== null || r.renderHighlightedNodesFrame !== null || r.getCamera().isAnimated()) return true;
    const last = this.renders[this.renders.length - 1];
    if (!last) return false;
    return last.frame2 === 0 || last.start < this.lastCameraAt;
  }

  private mark = { inputs: 0, renders: 0, refreshMs: 0 };

  /** Marks the start of a step (before its input is sent). */
  begin(): void {
    this.mark = { inputs: this.inputs, renders: this.renders.length, refreshMs: this.refreshMs };
  }

  /** Waits for the step's input (if it has one) to arrive and for everything it caused to be drawn. */
  async settle(withInput: boolean, timeoutMs: number): Promise<StepReport> {
    const begin = performance.now();
    const { inputs, renders: firstRender, refreshMs } = this.mark;
    while (withInput && this.inputs <= inputs && performance.now() - begin < 2_000) await nextFrame();
    const inputAt = withInput && this.inputs > inputs ? this.lastInputAt : begin;
    let quiet = 0;
    let timedOut = false;
    // Quiet for three frames in a row: React effects and sigma's post-drag refresh come a task or two later.
    while (quiet < 3) {
      await nextFrame();
      if (performance.now() - begin > timeoutMs) {
        timedOut = true;
        break;
      }
      quiet = this.busy() ? 0 : quiet + 1;
    }
    const renders = this.renders.slice(firstRender);
    const last = renders[renders.length - 1];
    const end = last && last.frame2 > 0 ? last.frame2 : performance.now();
    return { latency: end - inputAt, renders, refreshMs: this.refreshMs - refreshMs, timedOut };
  }

  /** A viewport point on the background near the centre (grabbing a node would drag it rather than pan). */
  emptySpot(): { x: number; y: number } {
    const r = this.renderer!;
    const { width, height } = r.getDimensions();
    for (let radius = 0; radius < Math.min(width, height) / 2; radius += 6) {
      for (let a = 0; a < 24; a++) {
        const x = Math.round(width / 2 + radius * Math.cos((a * Math.PI) / 12));
        const y = Math.round(height / 2 + radius * Math.sin((a * Math.PI) / 12));
        if (r.getNodeAtPosition({ x, y }) === null) return { x, y };
      }
    }
    return { x: Math.round(width / 2), y: Math.round(height / 2) };
  }
}

export interface BenchApi {
  ready: Promise<FirstFrameReport>;
  probe: Probe;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

/** Resolves after the frame following the first render that shows node `firstId` (reducers applied). */
export function firstShownFrame(probe: Probe, firstId: string): Promise<{ render: RenderRecord; at: number }> {
  return new Promise((resolve) => {
    probe.onRender = (renderer, record) => {
      const data = renderer.getNodeDisplayData(firstId);
      if (!data || data.hidden) return;
      probe.onRender = null;
      void nextFrame().then(() => nextFrame().then((at) => resolve({ render: record, at })));
    };
  });
}

export async function loadGraphFile<T>(): Promise<{ data: T; fetchMs: number }> {
  const url = new URLSearchParams(window.location.search).get("graph");
  if (!url) throw new Error("render bench: no ?graph= file given");
  const start = performance.now();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`render bench: ${url} answered ${response.status}`);
  const data = (await response.json()) as T;
  return { data, fetchMs: performance.now() - start };
}
