// The console's parameters: JSON text read into the object sent with the query, with messages that say what is
// wrong and where (line and column) in words an analyst can act on; and the parameters a query uses but lacks.

export type ParamsParse =
  { ok: true; params: Record<string, unknown> } | { ok: false; message: string; line?: number; column?: number };

export const PARAMS_EXAMPLE = '{"id": "china"}';

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** The first place where `text` stops being JSON, and what was expected there; null when it is JSON. */
export function findJsonError(text: string): { offset: number; problem: string } | null {
  let i = 0;
  const fail = (problem: string): never => {
    throw { offset: i, problem };
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const what = () => (i >= text.length ? "the end of the text" : `“${text[i]}”`);
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("expected four hex digits after \\u");
          i += 4;
        } else if (i >= text.length || !'"\\/bfnrt'.includes(text[i]!)) fail("expected a valid escape after \\");
      } else if (text.charCodeAt(i) < 0x20) {
        fail("a string cannot hold a line break or a tab as is (write \\n or \\t)");
      }
      i++;
    }
    if (i >= text.length) fail("a string is not closed with a double quote");
    i++;
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === "{") {
      i++;
      space();
      if (text[i] === "}") return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail(`expected a name in double quotes, found ${what()}`);
        string();
        space();
        if (text[i] !== ":") fail(`expected “:” after the name, found ${what()}`);
        i++;
        value();
        space();
        if (text[i] === ",") {
          i++;
          space();
          if (text[i] === "}") fail("expected another name after the comma, found “}”");
          continue;
        }
        if (text[i] === "}") return void i++;
        fail(`expected “,” or “}”, found ${what()}`);
      }
    }
    if (ch === "[") {
      i++;
      space();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ",") {
          i++;
          space();
          if (text[i] === "]") fail("expected another value after the comma, found “]”");
          continue;
        }
        if (text[i] === "]") return void i++;
        fail(`expected “,” or “]”, found ${what()}`);
      }
    }
    if (ch === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (literal && !/^[\p{L}\p{N}_]/u.test(text.slice(i + literal[0].length))) {
      i += literal[0].length;
      return;
    }
    fail(`expected a value (text in double quotes, a number, true, false, null, a list or an object), found ${what()}`);
  };
  try {
    value();
    space();
    if (i < text.length) fail(`expected the end after the value, found ${what()}`);
    return null;
  } catch (error) {
    if (typeof error === "object" && error !== null && "problem" in error)
      return error as { offset: number; problem: string };
    throw error;
  }
}

function hint(text: string): string {
  if (/'/.test(text)) return `use double quotes, not single quotes, e.g. ${PARAMS_EXAMPLE}`;
  if (/[{,]\s*[\p{L}_$][\p{L}\p{N}_$]*\s*:/u.test(text))
    return `put each name in double quotes, e.g. ${PARAMS_EXAMPLE}`;
  if (/,\s*[}\]]/.test(text)) return "remove the comma before the closing bracket";
  return `write a JSON object, e.g. ${PARAMS_EXAMPLE}`;
}

function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "true or false";
  return typeof value;
}

/**
 * Reads the parameters text. Blank text means no parameters. Anything else must be a JSON object; the message of a
 * failure names the line and column and suggests the usual fix.
 */
export function parseParams(text: string): ParamsParse {
  if (text.trim() === "") return { ok: true, params: {} };
  const problem = findJsonError(text);
  let value: unknown;
  try {
    if (problem) throw new Error(problem.problem);
    value = JSON.parse(text);
  } catch (error) {
    const place = problem ? lineColumn(text, problem.offset) : undefined;
    const where = place ? ` at line ${place.line}, column ${place.column}` : "";
    const words = problem ? problem.problem : error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `The parameters are not valid JSON${where}: ${words}. To fix it, ${hint(text)}.`,
      ...place,
    };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: `The parameters must be a JSON object of names and values, such as ${PARAMS_EXAMPLE}, not ${describeKind(value)}.`,
    };
  }
  return { ok: true, params: value as Record<string, unknown> };
}

/** The names the query uses that the parameters do not set. */
export function missingParameters(used: readonly string[], params: Record<string, unknown>): string[] {
  return used.filter((name) => !Object.prototype.hasOwnProperty.call(params, name));
}

/** Parameters as text for the editor: blank when there are none, else short JSON on one line. */
export function formatParams(params: Record<string, unknown> | undefined): string {
  if (!params || Object.keys(params).length === 0) return "";
  const oneLine = JSON.stringify(params, null, 1).replace(/\n\s*/g, " ");
  return oneLine.length <= 80 ? oneLine.replace(/^\{ /, "{").replace(/ \}$/, "}") : JSON.stringify(params, null, 2);
}
