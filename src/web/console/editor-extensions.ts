// The console's own CodeMirror extensions, added after @neo4j-cypher/codemirror's: Ctrl/Cmd+Enter runs (ahead of
// the default keymap's Mod-Enter), and the mark of a server error at the place Neo4j reported, with its message as
// a tooltip and a wavy underline, cleared as soon as the text changes. (The Cypher 5 syntax check, cypher-linter.ts,
// loads with the editor and joins these.)

import { Prec, StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, keymap, type DecorationSet } from "@codemirror/view";

export interface ErrorMark {
  from: number;
  to: number;
  message: string;
}

export const setErrorMark = StateEffect.define<ErrorMark | null>();

export const errorMarkField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) {
      if (!effect.is(setErrorMark)) continue;
      const mark = effect.value;
      if (!mark) return Decoration.none;
      const from = Math.max(0, Math.min(mark.from, tr.state.doc.length));
      const to = Math.max(from, Math.min(mark.to, tr.state.doc.length));
      const line = tr.state.doc.lineAt(from);
      const decorations = [Decoration.line({ class: "cm-console-error-line" }).range(line.from)];
      if (to > from) {
        decorations.push(
          Decoration.mark({
            class: "cm-console-error-mark",
            attributes: { title: mark.message, "data-testid": "console-error-mark" },
          }).range(from, to),
        );
      }
      return Decoration.set(decorations, true);
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const errorMarkTheme = EditorView.baseTheme({
  ".cm-console-error-mark": {
    textDecoration: "underline wavy #b3261e",
    textDecorationSkipInk: "none",
    backgroundColor: "rgba(179, 38, 30, 0.12)",
  },
  ".cm-console-error-line": { backgroundColor: "rgba(179, 38, 30, 0.05)" },
});

/** Extensions for the console's editor; `run` is read when the keys are pressed, so it may change. */
export function consoleExtensions(run: () => void): Extension[] {
  return [
    errorMarkField,
    errorMarkTheme,
    Prec.highest(
      keymap.of([
        {
          key: "Mod-Enter",
          run: () => {
            run();
            return true;
          },
        },
      ]),
    ),
  ];
}

/** Marks an error (and moves the cursor there, scrolled into view), or clears the mark with null. */
export function markError(view: EditorView, mark: ErrorMark | null): void {
  view.dispatch({
    effects: [
      setErrorMark.of(mark),
      ...(mark ? [EditorView.scrollIntoView(Math.min(mark.from, view.state.doc.length), { y: "center" })] : []),
    ],
    ...(mark ? { selection: { anchor: Math.min(mark.from, view.state.doc.length) } } : {}),
  });
}
