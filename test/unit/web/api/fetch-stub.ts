// A stand-in for `fetch` in the API client's tests: answers from a function of the request, and keeps every request
// it was sent (method, URL, parsed JSON body) so a test can check what went over the wire.

import type { Fetch } from "../../../../src/web/api/http.ts";

export interface SentRequest {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

export type Answer = { status: number; body?: unknown; statusText?: string };

export function fetchStub(answer: (request: SentRequest) => Answer): { fetch: Fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetch = (async (url: string, init: RequestInit = {}) => {
    const request: SentRequest = {
      method: init.method ?? "GET",
      url,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
      headers: { ...(init.headers as Record<string, string>) },
    };
    sent.push(request);
    const { status, body, statusText } = answer(request);
    const text = body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status, statusText: statusText ?? "" });
  }) as unknown as Fetch;
  return { fetch, sent };
}
