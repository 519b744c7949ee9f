// What the server cut from a Cypher answer, in words for the result's summary line: the rows past the row or byte
// cap, or the long lists and deep values it shortened (CypherResult's `truncatedBy`).

import type { CypherResult } from "../../model/index.ts";

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** The summary's words for a cut answer; undefined when nothing was cut. */
export function truncationText(result: Pick<CypherResult, "rows" | "truncated" | "truncatedBy">): string | undefined {
  if (!result.truncated) return undefined;
  const rows = plural(result.rows.length, "row", "rows");
  switch (result.truncatedBy) {
    case "bytes":
      return `truncated at ${rows}: the answer reached the server's size cap`;
    case "list":
      return "long lists cut to their first items";
    case "depth":
      return "values nested too deep cut (null in their place)";
    default:
      return `truncated at ${rows}`;
  }
}
