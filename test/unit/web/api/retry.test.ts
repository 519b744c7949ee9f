// Retrying a first load the server answered 503: which errors are retried, the growing waits (never under the
// server's Retry-After), the notice before each wait, giving up after the last try, and an abort ending it.

import { describe, expect, it } from "vitest";
import { createApiClient } from "../../../../src/web/api/client.ts";
import { ApiError, errorFromBody, parseRetryAfter } from "../../../../src/web/api/errors.ts";
import {
  FIRST_LOAD_RETRY,
  isRetryable,
  retryDelay,
  withRetry,
  type RetryNotice,
  type RetryPolicy,
} from "../../../../src/web/api/retry.ts";
import { fetchStub } from "./fetch-stub.ts";

const POLICY: RetryPolicy = { attempts: 4, firstDelayMs: 100, maxDelayMs: 300 };
const SUMMARY = {
  entities: 0,
  relations: 0,
  sources: 0,
  byKind: {},
  byType: {},
  byStance: {},
  dateRange: {},
  datasets: [],
};
const busy = () => errorFromBody(503, { error: { status: 503, message: "too busy" } }, "", "1");

/** A task that fails with the given errors in turn, then answers "done"; counts its calls. */
function failing(errors: unknown[]): { task: () => Promise<string>; calls: () => number } {
  let n = 0;
  return {
    task: async () => {
      const error = errors[n++];
      if (error !== undefined) throw error;
      return "done";
    },
    calls: () => n,
  };
}

/** Runs withRetry with a sleep that only records the waits. */
async function run(errors: unknown[], policy = POLICY, signal?: AbortSignal) {
  const waits: number[] = [];
  const notices: RetryNotice[] = [];
  const { task, calls } = failing(errors);
  const outcome = await withRetry(task, policy, {
    onRetry: (n) => notices.push(n),
    sleep: async (ms) => void waits.push(ms),
    ...(signal ? { signal } : {}),
  }).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return { outcome, waits, notices, calls: calls() };
}

describe("retry", () => {
  it.each([
    ["a 400", errorFromBody(400, { error: { message: "bad field" } })],
    ["a 500", errorFromBody(500, undefined, "Internal Server Error")],
    ["a 429 (rate limit: waiting a second does not help)", errorFromBody(429, undefined)],
    ["a network failure", new ApiError({ kind: "network", status: 0, message: "offline" })],
    ["an abort", new DOMException("aborted", "AbortError")],
  ])("should not retry %s", async (_name, error) => {
    expect(isRetryable(error)).toBe(false);
    const { outcome, calls, notices } = await run([error]);
    expect(outcome).toEqual({ error });
    expect(calls).toBe(1);
    expect(notices).toEqual([]);
  });

  it.each([
    { retry: 1, retryAfterMs: 0, delay: 100 },
    { retry: 2, retryAfterMs: 0, delay: 200 },
    { retry: 3, retryAfterMs: 0, delay: 300 },
    { retry: 9, retryAfterMs: 0, delay: 300 },
    { retry: 1, retryAfterMs: 250, delay: 250 },
    { retry: 1, retryAfterMs: 60_000, delay: 300 },
  ])("should wait $delay ms before retry $retry (Retry-After $retryAfterMs ms)", ({ retry, retryAfterMs, delay }) => {
    expect(retryDelay(POLICY, retry, retryAfterMs)).toBe(delay);
  });

  it.each([
    ["1", 1000],
    [" 3 ", 3000],
    ["Wed, 21 Oct 2015 07:28:00 GMT", undefined],
    ["-1", undefined],
    [null, undefined],
  ])("should read Retry-After %j as %j ms", (header, ms) => {
    expect(parseRetryAfter(header)).toBe(ms);
  });

  it("should retry 503s with growing waits, telling the caller before each, and answer once the server does", async () => {
    const policy = { attempts: 4, firstDelayMs: 500, maxDelayMs: 4000 };
    const { outcome, waits, notices, calls } = await run([busy(), busy(), busy()], policy);
    expect(outcome).toEqual({ value: "done" });
    expect(calls).toBe(4);
    // The server asked for a second (Retry-After: 1), more than the first waits would be.
    expect(waits).toEqual([1000, 1000, 2000]);
    expect(notices.map(({ retry, of, delayMs }) => ({ retry, of, delayMs }))).toEqual([
      { retry: 1, of: 3, delayMs: 1000 },
      { retry: 2, of: 3, delayMs: 1000 },
      { retry: 3, of: 3, delayMs: 2000 },
    ]);
  });

  it("should throw the last 503 once every try is used", async () => {
    const last = busy();
    const { outcome, calls, waits } = await run([busy(), busy(), busy(), last]);
    expect(outcome).toEqual({ error: last });
    expect(calls).toBe(POLICY.attempts);
    expect(waits).toHaveLength(POLICY.attempts - 1);
  });

  it("should stop retrying once the caller aborts", async () => {
    const controller = new AbortController();
    controller.abort();
    const { outcome, calls } = await run([busy(), busy()], POLICY, controller.signal);
    expect(outcome).toMatchObject({ error: expect.any(ApiError) });
    expect(calls).toBe(1);
  });

  it("should retry the API client's summary call that the server answered 503", async () => {
    let n = 0;
    const { fetch, sent } = fetchStub(() =>
      n++ === 0
        ? { status: 503, body: { error: { status: 503, message: "statecraft/server: too busy" } } }
        : { status: 200, body: SUMMARY },
    );
    const api = createApiClient({ fetch });
    const notices: RetryNotice[] = [];
    const summary = await withRetry(() => api.summary(), FIRST_LOAD_RETRY, {
      onRetry: (notice) => notices.push(notice),
      sleep: async () => {},
    });
    expect(summary).toEqual(SUMMARY);
    expect(sent.map((r) => r.url)).toEqual(["/api/summary", "/api/summary"]);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.error.status).toBe(503);
  });
});
