// Limits on how much one client, and all of them together, may ask of the server: per-client rate limits on the
// routes that cost the most (the Cypher console, path searches) and on every write route (@fastify/rate-limit), and
// a 503 at once when the event loop lags (@fastify/under-pressure) instead of a queue that makes every answer late.
// Register before the routes: the limits attach to each route as it is declared.

import rateLimit from "@fastify/rate-limit";
import underPressure from "@fastify/under-pressure";
import type { FastifyInstance, RouteOptions } from "fastify";
import type { ServerConfig } from "./config.ts";

/** What a rate limit counts: requests of one client (its address) per minute. */
const RATE_WINDOW_MS = 60_000;
/** Methods that read; a route with another method writes unless it declares itself a read (access.ts). */
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The client sent more requests to a limited route than its limit allows in a minute. */
export class RateLimitedError extends Error {
  override name = "RateLimitedError";
  readonly rule = "rate-limit";
  constructor(message: string) {
    super(message);
  }
}

/** The server is too busy to answer in time; the client should try again shortly. */
export class OverloadedError extends Error {
  override name = "OverloadedError";
  readonly rule = "overloaded";
  constructor(message: string) {
    super(message);
  }
}

/** Health answers even while the server sheds load, so a probe tells a busy server from a dead one. */
export const ANSWER_UNDER_PRESSURE = { pressureHandler: () => undefined };

/** How often the loop-hold watch ticks, and how far back it remembers (about under-pressure's sampling window). */
const HOLD_TICK_MS = 20;
const HOLD_MEMORY_MS = 200;

/**
 * The figure a 503 names, or undefined when the request should be answered after all. under-pressure reports an
 * event loop delay of Infinity when its sampling window held no sample, which a hold only a little longer than the
 * window gives as well (a 300 ms hold against a 1000 ms bound): then the longest recent hold decides.
 */
export function pressureFigure(type: string, value: number, heldMs: () => number, boundMs: number): number | undefined {
  if (type !== "eventLoopDelay" || Number.isFinite(value)) return value;
  const held = heldMs();
  return held > boundMs ? held : undefined;
}

/**
 * Watches how long the event loop is held: a ticker every 20 ms notes each tick that came late. Answers a function
 * giving the longest hold of the last 200 ms, the one in progress included.
 */
function watchLoopHolds(app: FastifyInstance): () => number {
  let last = performance.now();
  const holds: { at: number; ms: number }[] = [];
  const timer = setInterval(() => {
    const now = performance.now();
    const held = now - last - HOLD_TICK_MS;
    last = now;
    if (held > HOLD_TICK_MS) holds.push({ at: now, ms: held });
    while (holds.length > 0 && holds[0]!.at < now - HOLD_MEMORY_MS) holds.shift();
  }, HOLD_TICK_MS).unref();
  app.addHook("onClose", async () => clearInterval(timer));
  return () => {
    const now = performance.now();
    let longest = Math.max(0, now - last - HOLD_TICK_MS);
    for (const hold of holds) if (hold.at >= now - HOLD_MEMORY_MS) longest = Math.max(longest, hold.ms);
    return longest;
  };
}

/** Which limit a route falls under, by its path and method; undefined when none. */
export function rateLimitFor(
  route: { url: string; method: string | string[]; config?: { access?: string } },
  config: Pick<ServerConfig, "rateLimitCypher" | "rateLimitPaths" | "rateLimitWrites">,
): { name: string; setting: string; max: number } | undefined {
  if (route.url === "/api/cypher")
    return { name: "the Cypher console", setting: "RATE_LIMIT_CYPHER", max: config.rateLimitCypher };
  if (route.url === "/api/paths")
    return { name: "path searches", setting: "RATE_LIMIT_PATHS", max: config.rateLimitPaths };
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const writes = methods.some((m) => !READ_METHODS.has(m.toUpperCase())) && route.config?.access !== "read";
  if (writes) return { name: "writes", setting: "RATE_LIMIT_WRITES", max: config.rateLimitWrites };
  return undefined;
}

/**
 * Attaches the rate limits to the routes declared after it (in a plugin registered after this call: Fastify
 * declares root routes before plugins load) and turns on the event loop watch. A limit of 0 turns that limit off.
 */
export function registerLoadLimits(app: FastifyInstance, config: ServerConfig): void {
  app.addHook("onRoute", (route: RouteOptions) => {
    const limit = rateLimitFor(route as RouteOptions & { config?: { access?: string } }, config);
    if (!limit || limit.max === 0) return;
    route.config = { ...(route.config ?? {}), rateLimit: { max: limit.max, timeWindow: RATE_WINDOW_MS } };
    (route.config as { rateLimitName?: string }).rateLimitName = `${limit.name} (${limit.setting})`;
  });
  app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => {
      const named = (request.routeOptions.config as { rateLimitName?: string }).rateLimitName ?? "this route";
      return new RateLimitedError(
        `statecraft/server: too many requests: ${named} allows ${context.max} a minute from one client; ` +
          `try again in ${context.after}`,
      );
    },
  });
  if (config.maxEventLoopDelayMs === 0) return;
  const heldMs = watchLoopHolds(app);
  app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    // Sampled often, so a lag is seen within a tenth of a second and gone as soon as it passes.
    sampleInterval: 100,
    pressureHandler: async (_request, reply, type, value) => {
      const lag = pressureFigure(type, Number(value ?? 0), heldMs, config.maxEventLoopDelayMs);
      if (lag === undefined) return;
      reply.header("retry-after", "1");
      throw new OverloadedError(
        `statecraft/server: the server is too busy to answer now (${type} ${Math.round(lag)} ms, ` +
          `above MAX_EVENT_LOOP_DELAY_MS ${config.maxEventLoopDelayMs}); try again in a second`,
      );
    },
  });
}
