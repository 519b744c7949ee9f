// Asking again when the server says "not now": a 503 (too busy, its event loop lagging; or its database unreachable
// for a moment) is retried after a growing delay, and the caller is told before each wait so the page can show that
// it is retrying rather than look stuck or fail. Any other error, and an abort, ends the retries at once.

import { ApiError } from "./errors.ts";

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the first retry; each further wait doubles, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/** The explorer's first load: about half a minute of retries (1, 2, 4, 8, 8, 8 s) before it reports the error. */
export const FIRST_LOAD_RETRY: RetryPolicy = { attempts: 7, firstDelayMs: 1000, maxDelayMs: 8000 };

/** What the caller is told before a wait. */
export interface RetryNotice {
  /** 1 for the first retry. */
  retry: number;
  /** Retries there may be in all. */
  of: number;
  delayMs: number;
  error: ApiError;
}

export interface RetryHooks {
  onRetry?: (notice: RetryNotice) => void;
  /** Ends the waiting and the retries (the page was left). */
  signal?: AbortSignal;
  /** Waits; tests replace it so that no test waits for real. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** True for the answers worth asking again: 503, the server's "too busy now" and "database unreachable". */
export function isRetryable(error: unknown): error is ApiError {
  return error instanceof ApiError && error.kind === "http" && error.status === 503;
}

/** The wait before retry number `retry` (from 1): doubling from the first, capped, never under the server's ask. */
export function retryDelay(policy: RetryPolicy, retry: number, retryAfterMs = 0): number {
  const grown = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (retry - 1));
  return Math.max(grown, Math.min(retryAfterMs, policy.maxDelayMs));
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Runs `task`, retrying it by the policy while it fails with a retryable answer; the last error is thrown. */
export async function withRetry<T>(task: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  const wait = hooks.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!isRetryable(error) || attempt >= policy.attempts || hooks.signal?.aborted) throw error;
      const delayMs = retryDelay(policy, attempt, error.retryAfterMs);
      hooks.onRetry?.({ retry: attempt, of: policy.attempts - 1, delayMs, error });
      await wait(delayMs, hooks.signal);
    }
  }
}
