// Request validation for the routes' zod schemas (src/model/api-requests.ts), declared through
// fastify-type-provider-zod: a failed parse becomes the project's own 400, whose `field` is the path of the first
// problem ("types", "ids[1]", "scenes[0].relations[0].confidence") and whose message says what that field expects.

import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";
import { formatIssuePath } from "../model/deck.ts";

/** A request the server refuses with 400; `field` names the bad part of it. */
export class BadRequestError extends Error {
  override name = "BadRequestError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** The part of the request a problem at the root of its schema is about: `body`, `querystring`, `params`. */
function fieldOf(path: readonly PropertyKey[], httpPart: string | undefined): string {
  return path.length ? formatIssuePath(path) : (httpPart ?? "request");
}

/**
 * One 400 for all the problems of a request: the first names the field, up to three more follow
 * ("types: unknown relation type ... (also limit: ...; 2 more)").
 */
export function badRequestFromIssues(issues: readonly z.core.$ZodIssue[], httpPart?: string): BadRequestError {
  const [first, ...rest] = issues;
  if (!first) return new BadRequestError(httpPart ?? "request", "not valid");
  const listed = rest.slice(0, 3).map((issue) => `${fieldOf(issue.path, httpPart)}: ${issue.message}`);
  const more = rest.length > listed.length ? `; ${rest.length - listed.length} more` : "";
  const also = listed.length ? ` (also ${listed.join("; ")}${more})` : "";
  return new BadRequestError(fieldOf(first.path, httpPart), first.message + also);
}

/**
 * Fastify's validator compiler for zod schemas: the parsed value replaces the request part (defaults filled in,
 * lists split), and a failure is a BadRequestError, which Fastify hands to the app's error handler as a 400.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: badRequestFromIssues(result.error.issues, httpPart) };
  };
