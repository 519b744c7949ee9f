// The guard in front of the Cypher endpoint, a security boundary: a query runs only if Neo4j's own EXPLAIN says it
// is read-only and its plan holds nothing that reaches outside the graph (LOAD CSV, procedures other than schema
// introspection, user-defined functions, CALL … IN TRANSACTIONS, administration commands). A light lexical check
// (comments and string literals stripped, unicode escapes decoded as Neo4j decodes them) runs first as defence in
// depth and catches what a plan cannot show: several statements, USE, and calls to procedures or functions that
// are not installed (which EXPLAIN would reject with an error rather than a plan).

import type { Plan, ResultSummary } from "neo4j-driver";
import { backquotedName, lexCypher } from "../../model/cypher-lexer.ts";
import { classifyNeo4jError, CypherRefusedError, type CypherPosition } from "./errors.ts";

/** Procedures the endpoint may call: read-only introspection of the graph's own schema. */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
]);

/**
 * Namespaced functions that are Cypher built-ins (all lower case; function names are case-insensitive). Any other
 * namespaced name is a user-defined function (a plugin such as APOC) and may read files, call URLs or write.
 */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  ...["date", "datetime", "localdatetime", "localtime", "time"].flatMap((t) =>
    ["realtime", "statement", "transaction", "truncate"].map((f) => `${t}.${f}`),
  ),
  "datetime.fromepoch",
  "datetime.fromepochmillis",
  "duration.between",
  "duration.indays",
  "duration.inmonths",
  "duration.inseconds",
  "point.distance",
  "point.withinbbox",
  "vector.similarity.cosine",
  "vector.similarity.euclidean",
]);

/**
 * Decodes \uXXXX escapes everywhere, as Neo4j's parser does before it reads keywords (`\u0053ET` is SET there), so
 * the lexical check sees what Neo4j will see. A backslash escaped by another backslash starts no escape.
 */
export function decodeUnicodeEscapes(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "\\") {
      out += text[i];
      i++;
      continue;
    }
    let run = 0;
    while (text[i + run] === "\\") run++;
    const escape = run % 2 === 1 ? /^u+([0-9a-fA-F]{4})/.exec(text.slice(i + run)) : null;
    if (escape) {
      out += "\\".repeat(run - 1) + String.fromCharCode(parseInt(escape[1]!, 16));
      i += run + escape[0].length;
    } else {
      out += "\\".repeat(run);
      i += run;
    }
  }
  return out;
}

/**
 * The query as code only, as the shared Cypher lexer reads it (model/cypher-lexer.ts, the one the console splits
 * statements with): comments become white space, string literals become '', and a backquoted name becomes its
 * text with every character that cannot appear in a plain name turned into `_` (dots kept, so `apoc`.`x` and
 * `apoc.x` both read apoc.x). Input must already be unicode-decoded.
 */
export function stripForScan(text: string): string {
  let out = "";
  for (const token of lexCypher(text)) {
    if (token.kind === "code") out += text.slice(token.from, token.to);
    else if (token.kind === "comment") out += " ";
    else if (token.kind === "string") out += "''";
    else out += backquotedName(text, token).replace(/[^\p{L}\p{N}_$.]/gu, "_") || "_";
  }
  return out;
}

const NAME = String.raw`[\p{L}_][\p{L}\p{N}_$]*`;
const DOTTED = String.raw`${NAME}(?:\s*\.\s*${NAME})+`;
// A procedure name after CALL is dotted (Neo4j allows no procedure in the root namespace) or followed by `(`; so a
// variable named `call` is no call. Not after `.` or `$`: n.call and $call are a property and a parameter.
const CALL_PROCEDURE = new RegExp(String.raw`(?<![\p{L}\p{N}_$.])CALL\s+(${DOTTED}|${NAME}(?=\s*\())`, "giu");
const NAMESPACED_CALL = new RegExp(String.raw`(^|[^\p{L}\p{N}_$.])(${DOTTED})\s*\(`, "gu");
// USE opens a query or a subquery: at the start (after EXPLAIN/PROFILE or CYPHER options), after `{`, after UNION.
const CYPHER_OPTIONS = String.raw`\bCYPHER(?:\s+[\w.]+(?:\s*=\s*[\w.]+)?)*`;
const USE_CLAUSE = new RegExp(
  String.raw`(?:^|\{|\bUNION(?:\s+ALL|\s+DISTINCT)?|\bEXPLAIN|\bPROFILE|${CYPHER_OPTIONS})\s*USE\s+[\p{L}_]`,
  "iu",
);

function plainName(name: string): string {
  return name.replace(/\s+/g, "");
}

const PROCEDURES_ALLOWED = `Only these can be called: ${[...ALLOWED_PROCEDURES].join(", ")}.`;

function refuseProcedure(name: string): CypherRefusedError {
  return new CypherRefusedError("procedure", `Calling the procedure ${name} is not allowed. ${PROCEDURES_ALLOWED}`);
}

function refuseFunction(name: string): CypherRefusedError {
  return new CypherRefusedError(
    "function",
    `The function ${name} is not allowed: only Cypher's built-in functions can be used, not plugin functions.`,
  );
}

/** Namespaced function calls in code (already stripped) that are not built-ins, by their plain name. */
function disallowedFunctions(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(NAMESPACED_CALL)) {
    const name = plainName(m[2]!);
    if (!ALLOWED_FUNCTIONS.has(name.toLowerCase())) found.push(name);
  }
  return found;
}

/**
 * The checks that need no database: throws CypherRefusedError for an empty query, several statements (one trailing
 * `;` is fine, Neo4j accepts it), USE, or a call to a procedure or namespaced function outside the allowlists.
 */
export function precheckCypher(query: string): void {
  const code = stripForScan(decodeUnicodeEscapes(query));
  if (code.trim() === "") throw new CypherRefusedError("empty", "The query is empty: write a Cypher statement.");
  const semicolon = code.indexOf(";");
  if (semicolon !== -1 && code.slice(semicolon + 1).trim() !== "") {
    throw new CypherRefusedError(
      "multiple-statements",
      "Only one statement can run at a time: the query has more after a ';'.",
    );
  }
  if (USE_CLAUSE.test(code)) {
    throw new CypherRefusedError("use", "USE is not allowed: queries run against the Statecraft database only.");
  }
  const procedureAt = new Set<number>();
  for (const m of code.matchAll(CALL_PROCEDURE)) {
    const name = plainName(m[1]!);
    procedureAt.add(m.index + m[0].length - m[1]!.length);
    if (!ALLOWED_PROCEDURES.has(name)) throw refuseProcedure(name);
  }
  for (const m of code.matchAll(NAMESPACED_CALL)) {
    // A procedure name after CALL was judged above.
    if (procedureAt.has(m.index + m[1]!.length)) continue;
    const name = plainName(m[2]!);
    if (!ALLOWED_FUNCTIONS.has(name.toLowerCase())) throw refuseFunction(name);
  }
}

const WRITE_CLAUSES: [RegExp, string][] = [
  [/^Create$/, "CREATE"],
  [/Merge/, "MERGE"],
  [/^(Set|Remove)/, "SET/REMOVE"],
  [/Delete/, "DELETE"],
  [/^Foreach/, "FOREACH"],
];

function isAdminOperator(name: string): boolean {
  return (
    /^(Show|Terminate|Drop|DoNothingIf|Administration|System|AssertAllowed|Ensure|Alter|Rename)/.test(name) ||
    /^Create.*(Index|Constraint)$/.test(name)
  );
}

function detailsOf(plan: Plan): string {
  const details = plan.arguments?.Details;
  return typeof details === "string" ? details : "";
}

function walk(plan: Plan, visit: (op: Plan) => void): void {
  visit(plan);
  for (const child of plan.children ?? []) walk(child, visit);
}

/**
 * Judges EXPLAIN's answer. Throws CypherRefusedError unless the query is read-only (queryType 'r') and its plan
 * has no LOAD CSV, no procedure outside the allowlist, no plugin function, no CALL … IN TRANSACTIONS, no
 * administration or schema command and runs on the session's own database.
 */
export function checkExplain(summary: Pick<ResultSummary, "queryType" | "plan" | "database">): void {
  const database = summary.database?.name;
  const refusals: CypherRefusedError[] = [];
  const writes: string[] = [];
  if (summary.plan) {
    walk(summary.plan, (op) => {
      const [name = "", db] = op.operatorType.split("@");
      const details = detailsOf(op);
      if (db && database && db !== database) {
        refusals.push(
          new CypherRefusedError("use", `The query runs against the ${db} database; only ${database} is allowed.`),
        );
      }
      if (isAdminOperator(name)) {
        const what = details ? `${name} (${details})` : name;
        refusals.push(
          new CypherRefusedError("admin", `${what} is an administration or schema command and is not allowed.`),
        );
      }
      if (name === "LoadCSV") {
        refusals.push(
          new CypherRefusedError("load-csv", "LOAD CSV is not allowed: queries may not read files or URLs."),
        );
      }
      if (name === "TransactionApply" || name === "TransactionForeach") {
        refusals.push(
          new CypherRefusedError(
            "in-transactions",
            "CALL { … } IN TRANSACTIONS is not allowed: queries run in one transaction.",
          ),
        );
      }
      let scanned = details;
      if (name.startsWith("ProcedureCall")) {
        const proc = /^\s*([^\s(]+)\s*\(/.exec(details)?.[1];
        if (!proc || !ALLOWED_PROCEDURES.has(proc)) refusals.push(refuseProcedure(proc ?? "(unnamed)"));
        scanned = proc ? details.slice(details.indexOf(proc) + proc.length) : details;
      }
      // Backquoted names (aliases such as `count(n)`) are names, not calls.
      for (const fn of disallowedFunctions(scanned.replace(/`(?:[^`]|``)*`/g, "_"))) refusals.push(refuseFunction(fn));
      for (const [pattern, clause] of WRITE_CLAUSES) if (pattern.test(name)) writes.push(clause);
    });
  }
  const order = ["admin", "use", "load-csv", "in-transactions", "procedure", "function"];
  refusals.sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule));
  if (refusals[0]) throw refusals[0];
  if (summary.queryType === "s") {
    throw new CypherRefusedError(
      "admin",
      "Schema and administration commands are not allowed: the endpoint only reads.",
    );
  }
  if (summary.queryType !== "r") {
    const what = writes.length > 0 ? ` (${[...new Set(writes)].join(", ")})` : "";
    throw new CypherRefusedError("write", `The query would change the graph${what}: the endpoint only reads.`);
  }
}

/**
 * The refusal an EXPLAIN error stands for, decided by Neo4j's error code: a procedure that is not installed, an
 * administration command the edition lacks, a write refused by the read transaction. Undefined for ordinary
 * errors (syntax and such), which the caller reports as they are.
 */
export function refusalForExplainError(error: unknown): CypherRefusedError | undefined {
  switch (classifyNeo4jError(error)) {
    case "procedure":
      return new CypherRefusedError(
        "procedure",
        `The query calls a procedure that is not allowed. ${PROCEDURES_ALLOWED}`,
      );
    case "admin":
      return new CypherRefusedError("admin", "Administration commands are not allowed: the endpoint only reads.");
    case "forbidden":
      return new CypherRefusedError("write", "The query would change the graph: the endpoint only reads.");
    default:
      return undefined;
  }
}

const POSITION_IN_MESSAGE = /\s*\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/**
 * Where Neo4j located an error: from the diagnostic record's _position when the server sends one, else from the
 * "(line X, column Y (offset: Z))" Neo4j 5 puts in the message. `prefixLines` and `prefixLength` undo text the
 * caller put before the user's query (EXPLAIN and a newline).
 */
export function errorPosition(error: unknown, prefixLines = 0, prefixLength = 0): CypherPosition | undefined {
  const e = error as { diagnosticRecord?: { _position?: Record<string, unknown> }; message?: unknown };
  const raw = e?.diagnosticRecord?._position;
  let pos: CypherPosition | undefined;
  if (raw && raw.line !== undefined && raw.column !== undefined && raw.offset !== undefined) {
    pos = { line: Number(raw.line), column: Number(raw.column), offset: Number(raw.offset) };
  } else if (typeof e?.message === "string") {
    const m = POSITION_IN_MESSAGE.exec(e.message);
    if (m) pos = { line: Number(m[1]), column: Number(m[2]), offset: Number(m[3]) };
  }
  // Neo4j reports "line 0, column 0" when it has no real position.
  if (!pos || pos.line < 1) return undefined;
  return {
    line: Math.max(1, pos.line - prefixLines),
    column: pos.column,
    offset: Math.max(0, pos.offset - prefixLength),
  };
}

/** Neo4j's message without the position and the echo of the query text it appends (which shows our prefix). */
export function errorMessage(error: unknown): string {
  const message = String((error as { message?: unknown })?.message ?? error);
  return message.split("\n")[0]!.replace(POSITION_IN_MESSAGE, "").trim();
}
