// Where to mark an error in the editor. Neo4j reports a position in the statement it ran; the editor may hold several
// statements, so the position is moved by the statement's place in the text, and the mark spans the word (or the
// one character) found there.

import type { ErrorPosition } from "../api/errors.ts";
import type { Statement } from "./statements.ts";

export interface TextRange {
  from: number;
  to: number;
  /** 1-based line and column of `from` in the whole text. */
  line: number;
  column: number;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
  }
  return offset + Math.max(0, column - 1);
}

/** 1-based line and column of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - nl };
}

/**
 * The range of the whole text to mark for an error at `position` of `statement` (whose text starts at
 * statement.from). The offset is used when it agrees with the statement, else line and column.
 */
export function errorRange(text: string, statement: Statement, position: ErrorPosition): TextRange {
  const local =
    position.offset >= 0 && position.offset <= statement.text.length
      ? position.offset
      : offsetOf(statement.text, position.line, position.column);
  let from = Math.min(statement.from + local, Math.max(statement.from, statement.to - 1));
  from = Math.max(0, Math.min(from, text.length - 1));
  let to = from;
  while (to < statement.to && /[\p{L}\p{N}_$]/u.test(text[to]!)) to++;
  if (to === from) to = Math.min(text.length, from + 1);
  return { from, to, ...lineColumnAt(text, from) };
}
