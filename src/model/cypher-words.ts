// Cypher text as a flat list of words and symbols, read from the shared lexer's tokens (model/cypher-lexer.ts):
// what the Cypher guard walks to find options, USE, procedure and function calls. One forward pass over the text,
// no regular expression over more than one character, so a hostile text of n characters costs O(n), never more
// (a backtracking pattern over `a . a . a …` or `CYPHER CYPHER …` once held the server's event loop for seconds).

import { backquotedName, lexCypher, type CypherToken } from "./cypher-lexer.ts";

export const CYPHER_WORD_KINDS = ["word", "symbol", "string", "name"] as const;
export type CypherWordKind = (typeof CYPHER_WORD_KINDS)[number];

/**
 * One unit of the text, `text.slice(from, to)`: a `word` (letters, digits, `_` and `$`: a keyword, a plain name, a
 * number or a parameter), a `symbol` (one character of punctuation), a `string` literal, or a backquoted `name`
 * (`text` is then the name it stands for). White space and comments are left out.
 */
export interface CypherWord {
  kind: CypherWordKind;
  text: string;
  from: number;
  to: number;
}

const WORD_CHAR = /^[\p{L}\p{N}_$]$/u;
const SPACE_CHAR = /^\s$/u;

/** The code point at `i` as a string: one or two UTF-16 units, so a letter outside the BMP stays one letter. */
function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i)!);
}

/** Counts the work a reading did, one step per character or word looked at: a test's proof that it is linear. */
export interface CypherWork {
  steps: number;
}

/** Splits one code token into words and symbols; each character is looked at once. */
function pushCodeWords(text: string, token: CypherToken, words: CypherWord[], work: CypherWork): void {
  let i = token.from;
  while (i < token.to) {
    work.steps++;
    const ch = charAt(text, i);
    if (SPACE_CHAR.test(ch)) {
      i += ch.length;
    } else if (WORD_CHAR.test(ch)) {
      const from = i;
      i += ch.length;
      while (i < token.to) {
        work.steps++;
        const next = charAt(text, i);
        if (!WORD_CHAR.test(next)) break;
        i += next.length;
      }
      words.push({ kind: "word", text: text.slice(from, i), from, to: i });
    } else {
      words.push({ kind: "symbol", text: ch, from: i, to: i + ch.length });
      i += ch.length;
    }
  }
}

/** The words and symbols of the text, in order, with their places in it. Linear in the text's length. */
export function cypherWords(text: string, work: CypherWork = { steps: 0 }): CypherWord[] {
  const words: CypherWord[] = [];
  for (const token of lexCypher(text)) {
    // The lexer's pass over the token, and slicing or unquoting it.
    work.steps += 1 + token.to - token.from;
    if (token.kind === "code") pushCodeWords(text, token, words, work);
    else if (token.kind === "string")
      words.push({ kind: "string", text: text.slice(token.from, token.to), ...at(token) });
    else if (token.kind === "name") words.push({ kind: "name", text: backquotedName(text, token), ...at(token) });
  }
  return words;
}

function at(token: CypherToken): { from: number; to: number } {
  return { from: token.from, to: token.to };
}

/** True for a word that names something (a keyword or identifier), not a number or a `$parameter`. */
export function isNameWord(word: CypherWord | undefined): boolean {
  if (!word) return false;
  if (word.kind === "name") return word.text !== "";
  return word.kind === "word" && /^[\p{L}_]/u.test(word.text);
}

/** True when the word is the keyword `keyword` (keywords are case-insensitive; a backquoted name is no keyword). */
export function isKeyword(word: CypherWord | undefined, keyword: string): boolean {
  return word?.kind === "word" && word.text.toUpperCase() === keyword;
}
