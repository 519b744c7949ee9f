// Reading the console's text as Cypher does, without parsing it: which characters are code, string literals,
// backquoted names or comments. On that: splitting the text into statements at the `;` that end them (not those in
// strings, comments or backquoted names), and finding the $parameters a query uses.

/** What a character of the text is part of. */
export const Lexeme = { Code: 0, String: 1, Name: 2, Comment: 3 } as const;
export type Lexeme = (typeof Lexeme)[keyof typeof Lexeme];

/**
 * One lexeme kind per character. Strings ('…' or "…") honour backslash escapes; a backquoted name ends at the next
 * backquote (a doubled backquote inside reads as two names back to back, which classifies the same); `//` comments
 * end at the line's end, `/* … *\/` at their close. Something left open runs to the end of the text.
 */
export function classify(text: string): Uint8Array {
  const kinds = new Uint8Array(text.length);
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    let end: number;
    let kind: Lexeme;
    if (ch === "/" && next === "/") {
      const nl = text.indexOf("\n", i + 2);
      end = nl === -1 ? text.length : nl;
      kind = Lexeme.Comment;
    } else if (ch === "/" && next === "*") {
      const close = text.indexOf("*/", i + 2);
      end = close === -1 ? text.length : close + 2;
      kind = Lexeme.Comment;
    } else if (ch === "'" || ch === '"') {
      end = i + 1;
      while (end < text.length && text[end] !== ch) end += text[end] === "\\" ? 2 : 1;
      end = Math.min(text.length, end + 1);
      kind = Lexeme.String;
    } else if (ch === "`") {
      const close = text.indexOf("`", i + 1);
      end = close === -1 ? text.length : close + 1;
      kind = Lexeme.Name;
    } else {
      i++;
      continue;
    }
    kinds.fill(kind, i, end);
    i = end;
  }
  return kinds;
}

/** One statement of the console's text: its text (trimmed) and where it sits in the whole text. */
export interface Statement {
  text: string;
  /** Offset of the statement's first character in the whole text. */
  from: number;
  /** Offset just past its last character. */
  to: number;
}

function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "\v" || ch === "\u00a0";
}

/**
 * The statements of the text, in order: split at each `;` that is code, each trimmed of white space, without its
 * `;`. Pieces holding nothing but white space and comments are dropped (`a; ; // note` is one statement).
 */
export function splitStatements(text: string): Statement[] {
  const kinds = classify(text);
  const out: Statement[] = [];
  let start = 0;
  let hasCode = false;
  const finish = (end: number) => {
    if (hasCode) {
      let from = start;
      let to = end;
      while (from < to && isSpace(text[from]!)) from++;
      while (to > from && isSpace(text[to - 1]!)) to--;
      out.push({ text: text.slice(from, to), from, to });
    }
    hasCode = false;
  };
  for (let i = 0; i < text.length; i++) {
    const kind = kinds[i];
    if (kind === Lexeme.Code && text[i] === ";") {
      finish(i);
      start = i + 1;
    } else if (kind !== Lexeme.Comment && !isSpace(text[i]!)) {
      hasCode = true;
    }
  }
  finish(text.length);
  return out;
}

const PARAMETER = /\$(?:([\p{L}_][\p{L}\p{N}_]*)|(\d+)|`([^`]*)`)/uy;

/** The names of the $parameters the text uses (outside strings and comments), each once, in order of first use. */
export function queryParameters(text: string): string[] {
  const kinds = classify(text);
  const names = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "$" || kinds[i] !== Lexeme.Code) continue;
    PARAMETER.lastIndex = i;
    const m = PARAMETER.exec(text);
    if (m) names.add(m[1] ?? m[2] ?? m[3]!);
  }
  return [...names];
}
