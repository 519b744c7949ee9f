// The editor's error mark as CodeMirror state (no DOM needed): set at a range, replaced, cleared by null and by any
// edit of the text.

import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { errorMarkField, setErrorMark } from "../../../../src/web/console/editor-extensions.ts";

function marks(state: EditorState): { from: number; to: number; cls: string }[] {
  const out: { from: number; to: number; cls: string }[] = [];
  state.field(errorMarkField).between(0, state.doc.length, (from, to, deco) => {
    out.push({ from, to, cls: String(deco.spec.class) });
  });
  return out;
}

describe("errorMarkField", () => {
  const doc = "MATCH (n)\nRETURN n LIMT 5";
  const start = EditorState.create({ doc, extensions: [errorMarkField] });
  const at = doc.indexOf("LIMT");

  it("marks the range and its line", () => {
    const state = start.update({
      effects: setErrorMark.of({ from: at, to: at + 4, message: "Invalid input 'LIMT'" }),
    }).state;
    expect(marks(state)).toEqual([
      { from: 10, to: 10, cls: "cm-console-error-line" },
      { from: at, to: at + 4, cls: "cm-console-error-mark" },
    ]);
  });

  it("clears on null and on any edit", () => {
    const marked = start.update({ effects: setErrorMark.of({ from: at, to: at + 4, message: "x" }) }).state;
    expect(marks(marked.update({ effects: setErrorMark.of(null) }).state)).toEqual([]);
    expect(marks(marked.update({ changes: { from: at, to: at + 4, insert: "LIMIT" } }).state)).toEqual([]);
  });

  it("keeps a range that runs past the end inside the text", () => {
    const state = start.update({
      effects: setErrorMark.of({ from: doc.length + 5, to: doc.length + 9, message: "x" }),
    }).state;
    expect(marks(state).every((m) => m.from <= doc.length && m.to <= doc.length)).toBe(true);
  });
});
