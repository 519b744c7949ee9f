// The graph file both render-benchmark pages load (written by test/bench/render-bench.ts): entities with
// precomputed positions, relations as the API sends them (without evidence, which the canvas never reads), and the
// size and colour each item is drawn with, which the plain-sigma page uses as is and Statecraft's page ignores
// (its reducers derive them from kind, degree, stance and confidence).

import type { EntityKind, RelationType, Stance } from "../../../src/model/index.ts";

export interface BenchNode {
  id: string;
  name: string;
  kind: EntityKind;
  degree: number;
  x: number;
  y: number;
  /** Pixels at zoom 1, as Statecraft draws it (nodeSize(degree) × nodeScale). */
  size: number;
  color: string;
}

export interface BenchRelation {
  id: string;
  type: RelationType;
  stance: Stance;
  from: string;
  to: string;
  date?: string;
  validFrom?: string;
  validTo?: string;
  confidence: number;
  inference: boolean;
  size: number;
  color: string;
}

export interface BenchGraphFile {
  nodes: BenchNode[];
  relations: BenchRelation[];
}

/** What a page reports once its first frame is drawn (all times in ms, from performance.now()). */
export interface FirstFrameReport {
  order: number;
  size: number;
  /** Fetching and parsing the graph file (not part of the first frame). */
  fetchMs: number;
  /** Building the data graph (for Statecraft: merges, positions, parallel-edge index, sigma's graph listeners). */
  buildMs: number;
  /** Statecraft only: the parts of buildMs (merges, positions, afterGraphChange). */
  buildParts: Record<string, number>;
  /** Statecraft only: computing visibility (filters) over the graph. */
  visibilityMs: number;
  /** Creating the sigma renderer, its refresh and first render left out (plain only: Statecraft's renderer exists
   * before the data arrives). */
  createMs: number;
  /** Sigma's full refreshes, settings changes and render() calls (reducers and processing included). */
  sigmaMs: number;
  /** Of sigmaMs, in process() (reducers' output normalised, indexed and uploaded to the programs). */
  processMs: number;
  /** JavaScript in the render() call that drew the first frame. */
  firstRenderMs: number;
  renders: number;
  /** From the data being parsed to the frame after the first render that showed the graph. */
  firstFrameMs: number;
}

export interface RenderRecord {
  start: number;
  /** JavaScript time of the render() call (process() included when it ran). */
  js: number;
  process: number;
  /** Whether this render drew edges and labels (sigma hides them while moving when told to). */
  full: boolean;
  /** performance.now() in the first and second animation frames after the render. */
  frame1: number;
  frame2: number;
}

export interface StepReport {
  /** From the input event to the second animation frame after the last render it caused. */
  latency: number;
  renders: RenderRecord[];
  /** Sigma's full refreshes and settings changes during the step (reducers over every item). */
  refreshMs: number;
  timedOut: boolean;
}
