// The guard in front of the Cypher endpoint, a security boundary: a query runs only if Neo4j's own EXPLAIN says it
// is read-only and its plan holds nothing that reaches outside the graph (LOAD CSV, procedures other than schema
// introspection, user-defined functions, CALL … IN TRANSACTIONS, administration commands). A light lexical check
// (unicode escapes decoded as Neo4j decodes them, then the words of the shared lexer's code, comments and strings
// left out) runs first as defence in depth and catches what a plan cannot show: several statements, query options,
// USE, and calls to procedures or functions that are not installed (which EXPLAIN would reject with an error rather
// than a plan). It is linear in the query's length: no pattern ever runs over the whole text.

import type { Plan, ResultSummary } from "neo4j-driver";
import { CYPHER_MAX_DEPTH } from "../../model/api-requests.ts";
import { cypherWords, isKeyword, isNameWord, type CypherWord, type CypherWork } from "../../model/cypher-words.ts";
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

/** What precedes the user's query when it is explained; error positions are moved back by it. */
export const EXPLAIN_PREFIX = "EXPLAIN\n";

function isHexDigit(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= "0" && ch <= "9") || (ch >= "a" && ch <= "f") || (ch >= "A" && ch <= "F"));
}

/**
 * Decodes \uXXXX escapes everywhere, as Neo4j's parser does before it reads keywords (`\u0053ET` is SET there), so
 * the lexical check sees what Neo4j will see. A backslash escaped by another backslash starts no escape. One pass,
 * each character looked at a bounded number of times (`work` counts them).
 */
export function decodeUnicodeEscapes(text: string, work: CypherWork = { steps: 0 }): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    work.steps++;
    if (text[i] !== "\\") {
      out += text[i];
      i++;
      continue;
    }
    let run = 0;
    while (text[i + run] === "\\") run++;
    let hex = i + run;
    while (run % 2 === 1 && text[hex] === "u") hex++;
    work.steps += hex - i;
    const escape = hex > i + run && [0, 1, 2, 3].every((k) => isHexDigit(text[hex + k]));
    if (escape) {
      out += "\\".repeat(run - 1) + String.fromCharCode(parseInt(text.slice(hex, hex + 4), 16));
      i = hex + 4;
    } else {
      out += "\\".repeat(run);
      i += run;
    }
  }
  return out;
}

function isSymbol(word: CypherWord | undefined, symbol: string): boolean {
  return word?.kind === "symbol" && word.text === symbol;
}

/**
 * What comes before the query proper: Neo4j's pre-parser reads any run of EXPLAIN, PROFILE and CYPHER clauses
 * (a version, `key=value` options such as runtime=, planner=, debug=) at the start of the text.
 */
export interface QueryPrefix {
  /** Index in the words of the first word of the query proper. */
  body: number;
  /** The EXPLAIN and PROFILE words of the prefix. */
  modes: CypherWord[];
  /** The first CYPHER clause that is more than `CYPHER 5`, as written (`CYPHER runtime=legacy`), if any. */
  option?: string;
}

/** True when the CYPHER word at `i` is followed by the version 5 and nothing else: no `5.x`, no `key=value`. */
function isBareVersion(words: readonly CypherWord[], i: number): boolean {
  const version = words[i + 1];
  const next = words[i + 2];
  if (version?.kind !== "word" || version.text !== "5") return false;
  return !isSymbol(next, ".") && !isSymbol(next, "=") && !isSymbol(words[i + 3], "=");
}

/**
 * The CYPHER clause at `i` as written, for the refusal: `CYPHER runtime=legacy`, `CYPHER 4.4`, `CYPHER 5 debug=ast`
 * (the version and the first option after it, a few words at most).
 */
function describeOption(words: readonly CypherWord[], i: number): string {
  const shown = ["CYPHER"];
  let j = i + 1;
  while (j < words.length && shown.length < 3) {
    let group = words[j]!.text;
    j++;
    while (j < i + 8 && (isSymbol(words[j], "=") || isSymbol(words[j], ".")) && words[j + 1]) {
      group += words[j]!.text + words[j + 1]!.text;
      j += 2;
    }
    shown.push(group);
    if (group !== "5") break;
  }
  return shown.join(" ");
}

/** Reads the pre-parser's prefix, one word at a time. */
export function readQueryPrefix(words: readonly CypherWord[], work: CypherWork = { steps: 0 }): QueryPrefix {
  const modes: CypherWord[] = [];
  let i = 0;
  while (i < words.length) {
    work.steps++;
    const word = words[i]!;
    if (isKeyword(word, "EXPLAIN") || isKeyword(word, "PROFILE")) {
      modes.push(word);
      i++;
    } else if (isKeyword(word, "CYPHER")) {
      if (!isBareVersion(words, i)) return { body: i, modes, option: describeOption(words, i) };
      i += 2;
    } else {
      break;
    }
  }
  return { body: i, modes };
}

/** A name made of name words joined by dots (`db.labels`, `apoc`.`text`.`join`), from word `start` to before `end`. */
interface DottedName {
  name: string;
  start: number;
  end: number;
}

/** The longest dotted name starting at the name word `start`; the dots may have white space or comments around. */
function dottedNameAt(words: readonly CypherWord[], start: number, work: CypherWork): DottedName {
  const parts = [words[start]!.text];
  let end = start + 1;
  while (isSymbol(words[end], ".") && isNameWord(words[end + 1])) {
    work.steps++;
    parts.push(words[end + 1]!.text);
    end += 2;
  }
  return { name: parts.join("."), start, end };
}

/**
 * Every call in the words, in order: `procedure` for a name after the keyword CALL (dotted, or followed by `(`; so a
 * variable named `call` is no call, nor is n.call), `function` for a dotted name followed by `(` elsewhere. Names
 * are read whole, then skipped, so each word is looked at a bounded number of times.
 */
function namedCalls(
  words: readonly CypherWord[],
  work: CypherWork,
): { kind: "procedure" | "function"; name: string }[] {
  const calls: { kind: "procedure" | "function"; name: string }[] = [];
  let i = 0;
  while (i < words.length) {
    work.steps++;
    if (!isNameWord(words[i])) {
      i++;
      continue;
    }
    const dotted = dottedNameAt(words, i, work);
    const opens = isSymbol(words[dotted.end], "(");
    const namespaced = dotted.name.includes(".");
    const afterCall = isKeyword(words[i - 1], "CALL") && !isSymbol(words[i - 2], ".");
    if (afterCall && (namespaced || opens)) calls.push({ kind: "procedure", name: dotted.name });
    else if (opens && namespaced) calls.push({ kind: "function", name: dotted.name });
    i = dotted.end;
  }
  return calls;
}

/**
 * True when a USE clause opens the query or a part of it: at the start (after EXPLAIN, PROFILE or CYPHER 5),
 * after `{` (a subquery) or after UNION [ALL | DISTINCT]. A graph name or a `(` must follow, so `{use: 1}` is a map.
 */
function hasUseClause(words: readonly CypherWord[], body: number, work: CypherWork): boolean {
  for (let i = body; i < words.length; i++) {
    work.steps++;
    if (!isKeyword(words[i], "USE")) continue;
    if (!isNameWord(words[i + 1]) && !isSymbol(words[i + 1], "(")) continue;
    const before = words[i - 1];
    const union =
      isKeyword(before, "UNION") ||
      ((isKeyword(before, "ALL") || isKeyword(before, "DISTINCT")) && isKeyword(words[i - 2], "UNION"));
    if (i === body || isSymbol(before, "{") || union || isKeyword(before, "EXPLAIN") || isKeyword(before, "PROFILE")) {
      return true;
    }
  }
  return false;
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

function refuseQueryOption(option: string): CypherRefusedError {
  return new CypherRefusedError(
    "query-option",
    `Query options are not allowed (${option}): queries run with the server's own runtime, planner and settings. ` +
      "Only CYPHER 5 (the language version) may come before a query, with EXPLAIN or PROFILE.",
  );
}

/** The procedure a ProcedureCall operator's details name (`db.labels() :: (label :: STRING)`), and what follows. */
function procedureOfDetails(details: string): { proc?: string; rest: string } {
  const words = cypherWords(details);
  if (!isNameWord(words[0])) return { rest: details };
  const dotted = dottedNameAt(words, 0, { steps: 0 });
  const open = words[dotted.end];
  if (!isSymbol(open, "(")) return { rest: details };
  return { proc: dotted.name, rest: details.slice(open!.from) };
}

/** Namespaced function calls in a plan's details that are not built-ins, by their plain name. */
function disallowedFunctions(details: string): string[] {
  return namedCalls(cypherWords(details), { steps: 0 })
    .filter((call) => call.kind === "function" && !ALLOWED_FUNCTIONS.has(call.name.toLowerCase()))
    .map((call) => call.name);
}

/**
 * Refuses brackets, parentheses and braces nested deeper than CYPHER_MAX_DEPTH: Neo4j's parser (or the driver, on
 * the answer) overflows its stack on a few thousand, which came back as an internal error. One pass over the words;
 * strings, names and comments are no brackets.
 */
function checkNesting(words: readonly CypherWord[], work: CypherWork): void {
  let depth = 0;
  for (const word of words) {
    work.steps++;
    if (word.kind !== "symbol") continue;
    if (word.text === "(" || word.text === "[" || word.text === "{") depth++;
    else if (word.text === ")" || word.text === "]" || word.text === "}") depth = Math.max(0, depth - 1);
    if (depth > CYPHER_MAX_DEPTH) {
      throw new CypherRefusedError(
        "depth",
        `Brackets nest more than ${CYPHER_MAX_DEPTH} deep in the query: write it with less nesting.`,
      );
    }
  }
}

/** The name a word stands for as a variable: a plain word or a backquoted name; undefined for anything else. */
function variableName(word: CypherWord | undefined): string | undefined {
  return word && (word.kind === "name" || (word.kind === "word" && isNameWord(word))) ? word.text : undefined;
}

/** A bracket open while checkGrowth walks: a reduce's own `(` carries its accumulator and its uses so far. */
interface GrowthFrame {
  accumulator?: string;
  inStep: boolean;
  uses: number;
}

/**
 * Refuses a `reduce(acc = init, x IN list | step)` whose step names `acc` more than once (`s + s`, `l + l`): each
 * element then doubles the value, and forty doublings of one character need a terabyte. Neo4j counts no memory for
 * values an expression builds (db.memory.transaction.max does not see them) and checks no timeout inside one
 * expression, so such a query would hold a thread and the heap until Java itself ran out. One walk with a stack of
 * open brackets; a use counts for the innermost open reduce of that accumulator, found in a map, so each word costs
 * O(1).
 */
function checkGrowth(words: readonly CypherWord[], work: CypherWork): void {
  const stack: GrowthFrame[] = [];
  const inStep = new Map<string, GrowthFrame[]>();
  for (let i = 0; i < words.length; i++) {
    work.steps++;
    const w = words[i]!;
    if (w.kind === "symbol" && (w.text === "(" || w.text === "[" || w.text === "{")) {
      const prev = words[i - 1];
      const isReduce =
        w.text === "(" &&
        prev?.kind === "word" &&
        prev.text.toLowerCase() === "reduce" &&
        !isSymbol(words[i - 2], ".") &&
        isSymbol(words[i + 2], "=");
      const accumulator = isReduce ? variableName(words[i + 1]) : undefined;
      stack.push({ ...(accumulator !== undefined ? { accumulator } : {}), inStep: false, uses: 0 });
      // The accumulator's declaration is no use of an outer accumulator of the same name.
      if (accumulator !== undefined) i++;
    } else if (w.kind === "symbol" && (w.text === ")" || w.text === "]" || w.text === "}")) {
      const frame = stack.pop();
      if (frame?.accumulator === undefined || !frame.inStep) continue;
      inStep.get(frame.accumulator)?.pop();
      if (frame.uses > 1) {
        throw new CypherRefusedError(
          "growth",
          `reduce(${frame.accumulator} = …) names ${frame.accumulator} ${frame.uses} times after its |: each step ` +
            "could double the value, beyond any memory limit. Write the step with the accumulator once.",
        );
      }
    } else if (isSymbol(w, "|")) {
      const frame = stack[stack.length - 1];
      if (frame?.accumulator === undefined || frame.inStep) continue;
      frame.inStep = true;
      const frames = inStep.get(frame.accumulator) ?? [];
      frames.push(frame);
      inStep.set(frame.accumulator, frames);
    } else {
      const name = variableName(w);
      if (name === undefined || isSymbol(words[i - 1], ".")) continue;
      const frames = inStep.get(name);
      const innermost = frames?.[frames.length - 1];
      if (innermost) innermost.uses++;
    }
  }
}

/**
 * How long the lexical checks may take, in ms. They are linear and a query is at most CYPHER_MAX_QUERY_BYTES (16 KB by
 * default: about a millisecond), so only a machine already overloaded, or a far larger limit, reaches it; the query
 * is then refused rather than allowed to hold the event loop that every other request waits on.
 */
export const GUARD_BUDGET_MS = 100;

/**
 * The checks that need no database: throws CypherRefusedError for an empty query, several statements (one trailing
 * `;` is fine, Neo4j accepts it), brackets nested too deep, a reduce that can double its value at each step, a query option other than `CYPHER 5`, USE, or a call to a procedure or namespaced
 * function outside the allowlists. Linear in the query's length: one pass to decode, one to lex, then walks over
 * the words that never step back; `work` counts the steps. Past `budgetMs` between two passes the query is refused
 * (rule "budget").
 */
export function precheckCypher(
  query: string,
  work: CypherWork = { steps: 0 },
  budgetMs: number = GUARD_BUDGET_MS,
): void {
  const started = performance.now();
  // Between the passes: each is linear, so none runs long before the next look at the clock.
  const inBudget = () => {
    if (performance.now() - started > budgetMs) {
      throw new CypherRefusedError(
        "budget",
        `Checking the query took longer than ${budgetMs} ms, so it was refused: write a shorter query, or try again ` +
          "when the server is less busy.",
      );
    }
  };
  const decoded = decodeUnicodeEscapes(query, work);
  inBudget();
  const words = cypherWords(decoded, work);
  inBudget();
  if (words.length === 0) throw new CypherRefusedError("empty", "The query is empty: write a Cypher statement.");
  const semicolon = words.findIndex((word) => isSymbol(word, ";"));
  work.steps += words.length;
  if (semicolon !== -1 && semicolon < words.length - 1) {
    throw new CypherRefusedError(
      "multiple-statements",
      "Only one statement can run at a time: the query has more after a ';'.",
    );
  }
  checkNesting(words, work);
  checkGrowth(words, work);
  inBudget();
  const prefix = readQueryPrefix(words, work);
  if (prefix.option !== undefined) throw refuseQueryOption(prefix.option);
  if (hasUseClause(words, prefix.body, work)) {
    throw new CypherRefusedError("use", "USE is not allowed: queries run against the Statecraft database only.");
  }
  const calls = namedCalls(words, work);
  inBudget();
  for (const call of calls) {
    if (call.kind === "procedure" && !ALLOWED_PROCEDURES.has(call.name)) throw refuseProcedure(call.name);
    if (call.kind === "function" && !ALLOWED_FUNCTIONS.has(call.name.toLowerCase())) throw refuseFunction(call.name);
  }
}

/**
 * The query with its PROFILE words (before the query proper) blanked out, to run as a plain read: the console shows
 * rows, not profiler statistics, and a PROFILE cut short at the row cap is an error in Neo4j (a profile needs every
 * row). Blanks keep every offset, so Neo4j's error positions still point into the user's text.
 */
export function withoutProfile(query: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (const mode of readQueryPrefix(cypherWords(query)).modes) {
    if (!isKeyword(mode, "PROFILE")) continue;
    parts.push(query.slice(copied, mode.from), " ".repeat(mode.to - mode.from));
    copied = mode.to;
  }
  parts.push(query.slice(copied));
  return parts.join("");
}

/**
 * The text to EXPLAIN for a query: `EXPLAIN` and a newline before it, PROFILE blanked out (Neo4j refuses EXPLAIN
 * with PROFILE as conflicting modes), so a PROFILE of a read gets the same plan check as any query.
 */
export function explainText(query: string): string {
  return EXPLAIN_PREFIX + withoutProfile(query);
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
        const { proc, rest } = procedureOfDetails(details);
        if (!proc || !ALLOWED_PROCEDURES.has(proc)) refusals.push(refuseProcedure(proc ?? "(unnamed)"));
        scanned = rest;
      }
      // Backquoted names (aliases such as `count(n)`) are names, not calls: the word reader keeps them whole.
      for (const fn of disallowedFunctions(scanned)) refusals.push(refuseFunction(fn));
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

/** "(line X, column Y (offset: Z))", read where it starts: a pattern anchored there cannot backtrack over the text. */
const POSITION_AT = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/y;

/** The position Neo4j 5 puts in a message, and where it starts with the white space before it, if there is one. */
function positionInMessage(
  message: string,
): { line: number; column: number; offset: number; from: number; to: number } | undefined {
  for (let at = message.indexOf("(line "); at !== -1; at = message.indexOf("(line ", at + 1)) {
    POSITION_AT.lastIndex = at;
    const m = POSITION_AT.exec(message);
    if (!m) continue;
    let from = at;
    while (from > 0 && /\s/.test(message[from - 1]!)) from--;
    return { line: Number(m[1]), column: Number(m[2]), offset: Number(m[3]), from, to: at + m[0].length };
  }
  return undefined;
}

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
    const m = positionInMessage(e.message);
    if (m) pos = { line: m.line, column: m.column, offset: m.offset };
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
  const line = message.split("\n")[0]!;
  const m = positionInMessage(line);
  return (m ? line.slice(0, m.from) + line.slice(m.to) : line).trim();
}
