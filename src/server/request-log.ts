// Request logging that stays readable: each request at debug (LOG_LEVEL=debug shows them all), and at info one line
// a minute saying how many requests were answered and how many failed, so a busy server does not flood its log.

import type { FastifyInstance } from "fastify";

const SUMMARY_EVERY_MS = 60_000;

interface Tally {
  requests: number;
  clientErrors: number;
  serverErrors: number;
  slowestMs: number;
}

const empty = (): Tally => ({ requests: 0, clientErrors: 0, serverErrors: 0, slowestMs: 0 });

/** Logs each answered request at debug and a summary of the last minute at info (nothing when it was idle). */
export function registerRequestLog(app: FastifyInstance, everyMs = SUMMARY_EVERY_MS): void {
  let tally = empty();
  app.addHook("onResponse", async (request, reply) => {
    const ms = reply.elapsedTime;
    request.log.debug({ method: request.method, url: request.url, status: reply.statusCode, ms }, "answered");
    tally.requests++;
    if (reply.statusCode >= 500) tally.serverErrors++;
    else if (reply.statusCode >= 400) tally.clientErrors++;
    tally.slowestMs = Math.max(tally.slowestMs, ms);
  });
  const timer = setInterval(() => {
    if (tally.requests === 0) return;
    const t = tally;
    tally = empty();
    app.log.info(
      { ...t, slowestMs: Math.round(t.slowestMs) },
      `${t.requests} requests in the last minute, ${t.clientErrors} refused (4xx), ${t.serverErrors} failed (5xx)`,
    );
  }, everyMs);
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
}
