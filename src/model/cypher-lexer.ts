// Reading Cypher text as Neo4j's lexer does, without parsing it: which stretches are code, string literals,
// backquoted names or comments. One reading for every part that looks inside a query without running it: the Cypher
// guard strips comments and strings before its lexical check (src/store/neo4j/cypher-guard.ts), and the console
// splits its text into statements at the `;` that are code (src/web/console/statements.ts).

export const CYPHER_LEXEMES = ["code", "string", "name", "comment"] as const;
export type CypherLexeme = (typeof CYPHER_LEXEMES)[number];

/** A stretch of the text, `text.slice(from, to)`, of one lexeme. */
export interface CypherToken {
  kind: CypherLexeme;
  from: number;
  to: number;
  /**
   * False when a string, backquoted name or block comment is still open at the end of the text (it then runs to the
   * end, so a half-typed query never splits or scans inside it). Always true for code and `//` comments.
   */
  closed: boolean;
}

/** The index of the first of `chars` at or after `from`, or the text's length. */
function indexOfAny(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text[i]!)) return i;
  return text.length;
}

/** Where the string opened by the quote at `start` ends (just past its closing quote), honouring backslash escapes. */
function stringEnd(text: string, start: number): { end: number; closed: boolean } {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === "\\" ? 2 : 1;
  return i < text.length ? { end: i + 1, closed: true } : { end: text.length, closed: false };
}

/** Where the name opened by the backquote at `start` ends; a doubled backquote inside is one escaped backquote. */
function nameEnd(text: string, start: number): { end: number; closed: boolean } {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] !== "`") i++;
    else if (text[i + 1] === "`") i += 2;
    else return { end: i + 1, closed: true };
  }
  return { end: text.length, closed: false };
}

/**
 * The text as consecutive tokens from its start to its end (code runs merged). Strings ('…' or "…") honour backslash
 * escapes; a backquoted name ends at a backquote that is not doubled; `//` comments end before the line's end (`\n`
 * or `\r`), `/* … *\/` at their close. Something left open runs to the end of the text.
 */
export function lexCypher(text: string): CypherToken[] {
  const tokens: CypherToken[] = [];
  let code = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    let kind: CypherLexeme;
    let end: number;
    let closed = true;
    if (ch === "/" && next === "/") {
      kind = "comment";
      end = indexOfAny(text, "\n\r", i + 2);
    } else if (ch === "/" && next === "*") {
      kind = "comment";
      const close = text.indexOf("*/", i + 2);
      closed = close !== -1;
      end = closed ? close + 2 : text.length;
    } else if (ch === "'" || ch === '"') {
      kind = "string";
      ({ end, closed } = stringEnd(text, i));
    } else if (ch === "`") {
      kind = "name";
      ({ end, closed } = nameEnd(text, i));
    } else {
      i++;
      continue;
    }
    if (code < i) tokens.push({ kind: "code", from: code, to: i, closed: true });
    tokens.push({ kind, from: i, to: end, closed });
    i = code = end;
  }
  if (code < text.length) tokens.push({ kind: "code", from: code, to: text.length, closed: true });
  return tokens;
}

/** The name a backquoted-name token stands for: without its backquotes, doubled backquotes read as one. */
export function backquotedName(text: string, token: CypherToken): string {
  return text.slice(token.from + 1, token.closed ? token.to - 1 : token.to).replaceAll("``", "`");
}
