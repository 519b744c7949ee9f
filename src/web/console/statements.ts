// The console's text read as statements: split at the `;` that end them (not those in strings, comments or backquoted
// names, as the shared Cypher lexer reads them), and the $parameters a query uses.

import { lexCypher, type CypherLexeme } from "../../model/cypher-lexer.ts";

/** What a character of the text is part of. */
export const Lexeme = { Code: 0, String: 1, Name: 2, Comment: 3 } as const;
export type Lexeme = (typeof Lexeme)[keyof typeof Lexeme];

const LEXEME_OF: Record<CypherLexeme, Lexeme> = {
  code: Lexeme.Code,
  string: Lexeme.String,
  name: Lexeme.Name,
  comment: Lexeme.Comment,
};

/** One lexeme kind per character, as the shared Cypher lexer (model/cypher-lexer.ts) reads the text. */
export function classify(text: string): Uint8Array {
  const kinds = new Uint8Array(text.length);
  for (const token of lexCypher(text)) kinds.fill(LEXEME_OF[token.kind], token.from, token.to);
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
