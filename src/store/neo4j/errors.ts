// Driver errors classified by their code, never by their message text.

export type Neo4jErrorKind = "unavailable" | "auth" | "syntax" | "timeout" | "forbidden" | "constraint" | "client";

export function classifyNeo4jError(error: unknown): Neo4jErrorKind {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return "client";
  if (code === "ServiceUnavailable" || code === "SessionExpired" || code === "Neo.TransientError.General.DatabaseUnavailable")
    return "unavailable";
  if (code.startsWith("Neo.ClientError.Security.Unauthorized") || code === "Neo.ClientError.Security.AuthenticationRateLimit")
    return "auth";
  if (code === "Neo.ClientError.Statement.SyntaxError" || code === "Neo.ClientError.Statement.ParameterMissing") return "syntax";
  if (
    code === "Neo.ClientError.Transaction.TransactionTimedOut" ||
    code === "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration" ||
    code === "Neo.TransientError.Transaction.LockClientStopped"
  )
    return "timeout";
  if (code === "Neo.ClientError.Security.Forbidden" || code === "Neo.ClientError.Statement.AccessMode") return "forbidden";
  if (code === "Neo.ClientError.Schema.ConstraintValidationFailed") return "constraint";
  return "client";
}

export function isUnavailable(error: unknown): boolean {
  return classifyNeo4jError(error) === "unavailable";
}
