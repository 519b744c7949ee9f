// Path candidates between two entities of the memory store's graph, for store/path-ranking.ts rankPaths: every
// simple path of the shortest length, then of the next length, and so on until k are found or maxHops is passed
// (the rule in store/graph-store.ts). Meet in the middle: a bidirectional breadth-first search grows a ball around
// each end until they touch, which gives the shortest length and distances that prune; then each path length is
// enumerated as half-paths from both ends, joined on their middle entity. A query so touches little more than the
// entities near its two ends, where walking out of one end to full length would fan out through every hub.

import { PATHS_NARROWER, StoreTimeoutError, type PathOptions } from "../graph-store.ts";
import { MAX_PATH_CANDIDATES, type PathCandidate } from "../path-ranking.ts";
import { summaryOf, type EntityAttributes, type EntityGraph, type RelationAttributes } from "./entity-graph.ts";
import { compileRelationFilter, type RelationTest } from "./relation-filter.ts";

/** How much one search may do before it stops and says `truncated`. */
export interface PathSearchLimits {
  /** Candidates counted per length at most, so the hubs between two ends cannot hang the server. */
  maxCandidatesPerLength: number;
  /** Relations looked at per query at most, for the same reason when most branches are dead ends. */
  maxEdgeVisits: number;
  /**
   * When the search must end (a performance.now() time), else none; past it the search throws StoreTimeoutError
   * with `timeoutMs` rather than answer what it has (store/graph-store.ts says why).
   */
  deadline?: { at: number; timeoutMs: number };
}

/** Relations looked at between two looks at the clock: reading it on every one would cost more than the walk. */
const CLOCK_EVERY = 1024;

export const DEFAULT_PATH_SEARCH_LIMITS: PathSearchLimits = {
  maxCandidatesPerLength: MAX_PATH_CANDIDATES,
  maxEdgeVisits: 5_000_000,
};

/** What findPaths found, and whether a cap stopped it before it had counted every candidate it needed. */
export interface FoundPaths {
  candidates: PathCandidate[];
  truncated: boolean;
}

/** Confidences this close may tie in rankPaths (which allows 1e-12); kept so rankPaths can break them by id. */
const TIE_MARGIN = 1e-9;

/** The ball grown around one end. */
interface Side {
  end: string;
  forward: boolean;
  /** Distance from `from` (forward side) or to `to` (backward side) of every entity within the radius. */
  dist: Map<string, number>;
  /** The entities at each distance; the last level is the frontier, its index the radius. */
  levels: string[][];
  /** Relations the frontier would walk, once known. */
  frontierCost?: number;
}

/** A simple path from one end towards the middle: its entities (ids and records), relations and their product. */
interface Half {
  ids: string[];
  nodes: EntityAttributes[];
  relations: RelationAttributes[];
  confidence: number;
}

type StepCallback = (
  key: string,
  relation: RelationAttributes,
  source: string,
  target: string,
  sourceAttributes: EntityAttributes,
  targetAttributes: EntityAttributes,
) => void;

/** A candidate kept for ranking, from `from` to `to`. */
interface Found {
  nodes: EntityAttributes[];
  relations: RelationAttributes[];
  confidence: number;
}

/**
 * The candidates rankPaths needs for the k best paths from `from` to `to`: the simple paths of the lengths the
 * rule asks for, less those that cannot make the top k (materialising thousands that rankPaths would drop would
 * cost more than the search). No candidates when an end is unknown or no path fits in maxHops. `truncated` when
 * a length held more than `limits.maxCandidatesPerLength` candidates or the walk met `limits.maxEdgeVisits`: the
 * candidates are then those counted before the cap, and a better path may exist.
 */
export function findPaths(
  graph: EntityGraph,
  from: string,
  to: string,
  options: PathOptions,
  limits: PathSearchLimits = DEFAULT_PATH_SEARCH_LIMITS,
): FoundPaths {
  const none: FoundPaths = { candidates: [], truncated: false };
  if (!graph.hasNode(from) || !graph.hasNode(to)) return none;
  if (from === to)
    return { candidates: [{ nodes: [summaryOf(graph.getNodeAttributes(from))], relations: [] }], truncated: false };
  const maxHops = Math.floor(options.maxHops);
  const k = Math.floor(options.k);
  if (!(maxHops >= 1) || !(k >= 1)) return none;
  const walkable = compileRelationFilter({
    types: options.types,
    stances: options.stances,
    time: options.asOf ? { asOf: options.asOf } : undefined,
  });
  const search = new PathSearch(graph, from, to, options.direction === "any", walkable, limits);
  const shortest = search.shortestLength(maxHops);
  if (shortest === undefined) return none;
  for (let length = shortest; length <= maxHops && search.count < k; length++) search.enumerate(length, k);
  return {
    candidates: shortlist(search.found, k).map((f) => ({ nodes: f.nodes.map(summaryOf), relations: f.relations })),
    truncated: search.truncated,
  };
}

/** Whether a has fewer relations than b, or as many and a higher confidence. */
function isBetter(a: Found, b: Found): boolean {
  return (
    a.relations.length < b.relations.length ||
    (a.relations.length === b.relations.length && a.confidence > b.confidence)
  );
}

/** The found paths that may rank in the top k: all at least as good as the k-th best, give or take a tie. */
function shortlist(found: Found[], k: number): Found[] {
  if (found.length <= k) return found;
  // The k best so far, best first; k is small, so insertion beats sorting.
  const top: Found[] = [];
  for (const f of found) {
    if (top.length === k && !isBetter(f, top[k - 1]!)) continue;
    let i = top.length === k ? k - 1 : top.length;
    for (; i > 0 && isBetter(f, top[i - 1]!); i--) top[i] = top[i - 1]!;
    top[i] = f;
  }
  const last = top[k - 1]!;
  return found.filter(
    (f) =>
      f.relations.length < last.relations.length ||
      (f.relations.length === last.relations.length && f.confidence >= last.confidence - TIE_MARGIN),
  );
}

/**
 * One query's search state. The graphology callbacks are fields, bound once per query, that read the current step
 * from other fields: walking a million relations allocates nothing per relation.
 */
class PathSearch {
  /** Candidates counted so far, over all lengths. */
  count = 0;
  /** Set when a cap stopped the search before it had counted every candidate of a length it needed. */
  truncated = false;
  /** The candidates that may still rank in the top k. */
  readonly found: Found[] = [];
  private readonly forwardSide: Side;
  private readonly backwardSide: Side;
  private shortest = Infinity;
  private visits = 0;

  // Breadth-first state: the side growing, the other one, the entity being expanded and the next frontier.
  private growing!: Side;
  private other!: Side;
  private at = "";
  private next: string[] = [];

  // Half-path state: the side whose end it starts at, its length and the whole path's, the walk so far.
  private halfSide!: Side;
  private farSide!: Side;
  private halfLength = 0;
  private pathLength = 0;
  private depth = 0;
  /** How many entities the half may end on when they are all in the far ball (else Infinity), and which. */
  private endCount = Infinity;
  private ends: string[] | undefined;
  private halves: Half[] = [];
  private readonly ids: string[] = [];
  private readonly nodes: EntityAttributes[] = [];
  private readonly relations: RelationAttributes[] = [];
  private readonly confidences: number[] = [1];

  constructor(
    private readonly graph: EntityGraph,
    from: string,
    to: string,
    private readonly any: boolean,
    private readonly walkable: RelationTest | undefined,
    private readonly limits: PathSearchLimits,
  ) {
    this.forwardSide = { end: from, forward: true, dist: new Map([[from, 0]]), levels: [[from]] };
    this.backwardSide = { end: to, forward: false, dist: new Map([[to, 0]]), levels: [[to]] };
  }

  /**
   * The number of relations on a shortest path, or undefined when none has at most maxHops. Grows whichever ball
   * is cheaper to grow by one level until they touch; then the radii add up to that length, and every entity
   * within a ball knows its exact distance to the ball's end.
   */
  shortestLength(maxHops: number): number | undefined {
    const f = this.forwardSide;
    const b = this.backwardSide;
    while (radius(f) + radius(b) < maxHops) {
      if (frontier(f).length === 0 || frontier(b).length === 0) return undefined;
      if (this.frontierCost(f) <= this.frontierCost(b)) this.grow(f, b);
      else this.grow(b, f);
      // The balls were disjoint before this level, so no path was shorter than the radii's new sum; any meeting
      // now is a path of exactly that sum.
      if (this.shortest !== Infinity) return this.shortest;
    }
    return undefined;
  }

  /** Relations the side's frontier would walk, to grow the cheaper side first. */
  private frontierCost(side: Side): number {
    if (side.frontierCost === undefined) {
      let cost = 0;
      for (const id of frontier(side)) cost += this.degree(id, side);
      side.frontierCost = cost;
    }
    return side.frontierCost;
  }

  private degree(id: string, side: Side): number {
    if (this.any) return this.graph.degree(id);
    return side.forward ? this.graph.outDegree(id) : this.graph.inDegree(id);
  }

  /** Calls back for each relation walkable away from `id` on this side: along arrows forward, against backward. */
  private forEachStep(id: string, side: Side, callback: StepCallback): void {
    if (this.any) this.graph.forEachEdge(id, callback);
    else if (side.forward) this.graph.forEachOutEdge(id, callback);
    else this.graph.forEachInEdge(id, callback);
  }

  private grow(side: Side, other: Side): void {
    this.growing = side;
    this.other = other;
    this.next = [];
    for (const id of frontier(side)) {
      this.at = id;
      this.forEachStep(id, side, this.onGrowEdge);
    }
    side.levels.push(this.next);
    side.frontierCost = undefined;
  }

  private readonly onGrowEdge = (_key: string, r: RelationAttributes, source: string, target: string): void => {
    if (++this.visits % CLOCK_EVERY === 0) this.checkDeadline();
    if (this.walkable !== undefined && !this.walkable(r)) return;
    const v = source === this.at ? target : source;
    const side = this.growing;
    if (side.dist.has(v)) return;
    const d = side.levels.length;
    side.dist.set(v, d);
    this.next.push(v);
    const rest = this.other.dist.get(v);
    if (rest !== undefined && d + rest < this.shortest) this.shortest = d + rest;
  };

  /** Throws StoreTimeoutError once the deadline has passed; the graph walk that called it unwinds with it. */
  private checkDeadline(): void {
    const deadline = this.limits.deadline;
    if (deadline && performance.now() > deadline.at)
      throw new StoreTimeoutError("the path search", deadline.timeoutMs, PATHS_NARROWER);
  }

  /**
   * A lower bound on the relations between `id` and the end of `side`: exact inside its ball; outside it more
   * than the radius, and (triangle inequality) at least the shortest length less the distance to the other end.
   */
  private atLeast(id: string, side: Side): number {
    const exact = side.dist.get(id);
    if (exact !== undefined) return exact;
    const beyond = side.levels.length;
    const toOther = (side.forward ? this.backwardSide : this.forwardSide).dist.get(id);
    return toOther !== undefined && this.shortest - toOther > beyond ? this.shortest - toOther : beyond;
  }

  /**
   * Counts the simple paths of exactly `length` relations (up to the cap) and keeps those that may make the top
   * k. The length is split between the two halves; a half longer than its ball's radius walks beyond it, so the
   * extra steps go first to the side whose frontier is cheaper to walk.
   */
  enumerate(length: number, k: number): void {
    if (this.visits >= this.limits.maxEdgeVisits) {
      this.truncated = true;
      return;
    }
    const f = this.forwardSide;
    const b = this.backwardSide;
    let forwardLength = radius(f);
    let backwardLength = radius(b);
    const cheaperForward = this.frontierCost(f) <= this.frontierCost(b);
    for (let extra = 0; extra < length - this.shortest; extra++) {
      if ((extra % 2 === 0) === cheaperForward) forwardLength++;
      else backwardLength++;
    }
    const forward = this.halvesFrom(f, b, forwardLength, length);
    const backward = this.halvesFrom(b, f, backwardLength, length);
    this.join(forward, backward, k - this.count);
  }

  /** Every simple half-path of `halfLength` relations from the end of `side` that may still reach the far end. */
  private halvesFrom(side: Side, far: Side, halfLength: number, pathLength: number): Half[] {
    const start = this.graph.getNodeAttributes(side.end);
    this.halves = [];
    if (halfLength === 0) return [{ ids: [side.end], nodes: [start], relations: [], confidence: 1 }];
    this.halfSide = side;
    this.farSide = far;
    this.halfLength = halfLength;
    this.pathLength = pathLength;
    this.depth = 0;
    this.ids[0] = side.end;
    this.nodes[0] = start;
    // The half must end within (pathLength - halfLength) of the far end; inside the far ball those are listed.
    const rest = pathLength - halfLength;
    this.endCount = Infinity;
    this.ends = undefined;
    if (rest <= radius(far)) {
      this.endCount = 0;
      for (let d = 0; d <= rest; d++) this.endCount += far.levels[d]!.length;
    }
    this.step(side.end);
    return this.halves;
  }

  /** Walks on from `id`, the entity at this.depth. */
  private step(id: string): void {
    if (this.depth + 1 < this.halfLength || this.degree(id, this.halfSide) <= this.endCount) {
      this.forEachStep(id, this.halfSide, this.onHalfEdge);
      return;
    }
    // The last step out of a hub: ask for its relations with each possible end instead of walking them all.
    const rest = this.pathLength - this.halfLength;
    this.ends ??= this.farSide.levels.slice(0, rest + 1).flat();
    for (const end of this.ends) {
      if (this.any) this.graph.forEachEdge(id, end, this.onHalfEdge);
      else if (this.halfSide.forward) this.graph.forEachOutEdge(id, end, this.onHalfEdge);
      else this.graph.forEachInEdge(id, end, this.onHalfEdge);
    }
  }

  private readonly onHalfEdge = (
    _key: string,
    r: RelationAttributes,
    source: string,
    target: string,
    sourceAttributes: EntityAttributes,
    targetAttributes: EntityAttributes,
  ): void => {
    if (++this.visits > this.limits.maxEdgeVisits) {
      this.truncated = true;
      return;
    }
    if (this.visits % CLOCK_EVERY === 0) this.checkDeadline();
    if (this.walkable !== undefined && !this.walkable(r)) return;
    const depth = this.depth;
    const ids = this.ids;
    const outward = source === ids[depth];
    const v = outward ? target : source;
    const steps = depth + 1;
    // The far end may only close a half that is the whole path; inside a half it would be visited twice.
    if (v === this.farSide.end && steps !== this.pathLength) return;
    for (let i = 0; i <= depth; i++) if (ids[i] === v) return;
    if (this.atLeast(v, this.farSide) > this.pathLength - steps) return;
    ids[steps] = v;
    this.nodes[steps] = outward ? targetAttributes : sourceAttributes;
    this.relations[depth] = r;
    this.confidences[steps] = this.confidences[depth]! * r.confidence;
    if (steps === this.halfLength) {
      this.halves.push({
        ids: ids.slice(0, steps + 1),
        nodes: this.nodes.slice(0, steps + 1),
        relations: this.relations.slice(0, steps),
        confidence: this.confidences[steps]!,
      });
      return;
    }
    this.depth = steps;
    this.step(v);
    this.depth = depth;
  };

  /**
   * Pairs forward and backward halves that meet on the same entity and share no other, counts them as paths and
   * keeps those that may rank among the `need` best of this length.
   */
  private join(forward: Half[], backward: Half[], need: number): void {
    const byMiddle = new Map<string, Half[]>();
    for (const h of backward) {
      const middle = h.ids[h.ids.length - 1]!;
      const list = byMiddle.get(middle);
      if (list) list.push(h);
      else byMiddle.set(middle, [h]);
    }
    // The `need` best confidences so far, best first: a path below the last cannot make the top.
    const best: number[] = [];
    let counted = 0;
    let capped = false;
    for (const f of forward) {
      if (capped) break;
      const list = byMiddle.get(f.ids[f.ids.length - 1]!);
      if (list === undefined) continue;
      for (const h of list) {
        if (!disjoint(f, h)) continue;
        // One candidate more than the cap exists: stop, and say so.
        if (counted === this.limits.maxCandidatesPerLength) {
          capped = this.truncated = true;
          break;
        }
        counted++;
        const confidence = f.confidence * h.confidence;
        if (best.length === need && confidence < best[need - 1]! - TIE_MARGIN) continue;
        if (best.length < need || confidence > best[need - 1]!) {
          let i = best.length < need ? best.length : need - 1;
          for (; i > 0 && confidence > best[i - 1]!; i--) best[i] = best[i - 1]!;
          best[i] = confidence;
        }
        this.found.push({
          nodes: f.nodes.concat(h.nodes.slice(0, -1).reverse()),
          relations: f.relations.concat(h.relations.slice().reverse()),
          confidence,
        });
      }
    }
    this.count += counted;
  }
}

function radius(side: Side): number {
  return side.levels.length - 1;
}

function frontier(side: Side): string[] {
  return side.levels[side.levels.length - 1]!;
}

/** True when two halves meeting on their last entity share no other. */
function disjoint(a: Half, b: Half): boolean {
  for (let i = 0; i < a.ids.length - 1; i++) {
    for (let j = 0; j < b.ids.length - 1; j++) if (a.ids[i] === b.ids[j]) return false;
  }
  return true;
}
