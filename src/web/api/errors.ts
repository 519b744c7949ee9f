// Errors from the API as values the UI can show: what went wrong and what to do about it. The server answers
// {error: {status, message, field?}}; a failed fetch means the server is not there at all.

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The request never got an answer (server down, network gone). */
export class NetworkError extends Error {
  override name = "NetworkError";
}

export interface ErrorReport {
  message: string;
  action: string;
}

export function describeError(error: unknown, doing: string): ErrorReport {
  if (error instanceof NetworkError) {
    return {
      message: `Could not reach the Statecraft server while ${doing}.`,
      action: "Check that the server is running (npm start) and reload the page.",
    };
  }
  if (error instanceof ApiError) {
    switch (error.status) {
      case 400:
        return {
          message: `The server refused the request while ${doing}: ${error.message}`,
          action: error.field ? `Correct “${error.field}” and try again.` : "Change the request and try again.",
        };
      case 404:
        return {
          message: `Not found while ${doing}: ${error.message}`,
          action: "It may not be in this store: search for it again or clear the link's selection.",
        };
      case 501:
        return { message: error.message, action: "This needs the Neo4j store: start the server with NEO4J_URI set." };
      case 503:
        return {
          message: `The database is unavailable while ${doing}: ${error.message}`,
          action: "Start Neo4j (npm run neo4j) or restart the server without NEO4J_URI, then retry.",
        };
      default:
        return {
          message: `The server failed while ${doing}: ${error.message}`,
          action: "Retry; if it persists, check the server's log.",
        };
    }
  }
  const text = error instanceof Error ? error.message : String(error);
  return { message: `Something went wrong while ${doing}: ${text}`, action: "Retry, or reload the page." };
}

/** Reads an error body, falling back to the status text when it is not the API's JSON. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { status?: number; message?: string; field?: string } };
    if (body.error?.message) return new ApiError(response.status, body.error.message, body.error.field);
  } catch {
    // not JSON
  }
  return new ApiError(response.status, response.statusText || `HTTP ${response.status}`);
}
