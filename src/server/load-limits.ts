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
  app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    // Sampled often, so a lag is seen within a tenth of a second and gone as soon as it passes.
    sampleInterval: 100,
    pressureHandler: async (_request, reply, type, value) => {
      reply.header("retry-after", "1");
      throw new OverloadedError(
        `statecraft/server: the server is too busy to answer now (${type} ${Math.round(Number(value ?? 0))} ms, ` +
          `above MAX_EVENT_LOOP_DELAY_MS ${config.maxEventLoopDelayMs}); try again in a second`,
      );
    },
  });
}
