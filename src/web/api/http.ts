// The one place the web app calls `fetch`: JSON in and out, every failure an ApiError (see errors.ts), answers read
// through a Reader so a wrong shape fails here, named by route and path, instead of deep inside a screen. An abort
// (the caller's AbortSignal) is rethrown as it is, so callers can tell "cancelled" from "failed". A stored editor
// token (editor-token.ts) goes with every request as `Authorization: Bearer`. `fetch` and the token can be replaced
// for tests.

import type { z } from "zod";
import { formatIssuePath } from "../../model/deck.ts";
import { storedEditorToken } from "./editor-token.ts";
import { ApiError, errorFromBody } from "./errors.ts";

export type Fetch = typeof fetch;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; path: string; message: string };

/** Reads an answer's body into the type the caller wants, or says where it is wrong. */
export type Reader<T> = (body: unknown) => ReadResult<T>;

/** A Reader from a zod schema (src/model/api-responses.ts). */
export function schemaReader<T>(schema: z.ZodType<T>): Reader<T> {
  return (body) => {
    const result = schema.safeParse(body);
    if (result.success) return { ok: true, value: result.data };
    const first = result.error.issues[0];
    const more = result.error.issues.length - 1;
    return {
      ok: false,
      path: first && first.path.length > 0 ? formatIssuePath(first.path) : "(answer)",
      message: (first?.message ?? "not the expected shape") + (more > 0 ? ` (and ${more} more)` : ""),
    };
  };
}

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface Http {
  /** Sends a request and reads its answer with `read`. */
  send<T>(
    method: Method,
    path: string,
    read: Reader<T>,
    options?: { body?: unknown; signal?: AbortSignal },
  ): Promise<T>;
  /** Sends a request whose answer has no body the caller needs (a DELETE). */
  sendOnly(method: Method, path: string, options?: { body?: unknown; signal?: AbortSignal }): Promise<void>;
}

export function createHttp(
  fetchImpl: Fetch = (input, init) => globalThis.fetch(input, init),
  token: () => string | undefined = storedEditorToken,
): Http {
  async function exchange(
    method: Method,
    path: string,
    options: { body?: unknown; signal?: AbortSignal },
  ): Promise<{ status: number; answer: unknown }> {
    const { body, signal } = options;
    const headers: Record<string, string> = { accept: "application/json" };
    const init: RequestInit = { method, headers };
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (signal) init.signal = signal;
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetchImpl(path, init);
    } catch (error) {
      if (signal?.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new ApiError({ kind: "network", status: 0, message: `${method} ${path}: ${message}` });
    }
    let answer: unknown = undefined;
    try {
      const text = await response.text();
      answer = text === "" ? undefined : JSON.parse(text);
    } catch (error) {
      if (signal?.aborted) throw error;
      // Not JSON (a proxy's error page): the status says enough.
    }
    if (!response.ok)
      throw errorFromBody(response.status, answer, response.statusText, response.headers.get("retry-after"));
    return { status: response.status, answer };
  }

  return {
    async send(method, path, read, options = {}) {
      const { status, answer } = await exchange(method, path, options);
      const result = read(answer);
      if (result.ok) return result.value;
      throw new ApiError({
        kind: "shape",
        status,
        field: result.path,
        message: `statecraft/web: ${method} ${path} answered what this page cannot read (${result.path}: ${result.message})`,
      });
    },
    async sendOnly(method, path, options = {}) {
      await exchange(method, path, options);
    },
  };
}
