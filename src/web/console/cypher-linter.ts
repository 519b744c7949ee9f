// The editor's lint extension: after a pause in typing, the text goes through the Cypher 5 syntax check
// (cypher-lint.ts) and each error becomes a red mark with its message. The grammar (about a megabyte) loads with the
// first check, not with the console; a failure to load it leaves the editor without marks and says so once.

import { linter, type Diagnostic } from "@codemirror/lint";
import type { Extension } from "@codemirror/state";
import { lintCypher, type CypherLanguage } from "./cypher-lint.ts";

let language: Promise<CypherLanguage> | null = null;

function loadLanguage(): Promise<CypherLanguage> {
  language ??= import("./cypher-language.ts").then((m) => m.cypherLanguage);
  return language;
}

export function cypherLinter(): Extension {
  let failed = false;
  return linter(
    async (view): Promise<Diagnostic[]> => {
      const text = view.state.doc.toString();
      let cypher: CypherLanguage;
      try {
        cypher = await loadLanguage();
      } catch (e) {
        language = null;
        if (!failed) console.warn("statecraft/console: the Cypher syntax check could not load; reload to retry", e);
        failed = true;
        return [];
      }
      // The text may have changed while the grammar loaded: CodeMirror drops an answer for an older document.
      return lintCypher(cypher, text).map((mark) => ({
        from: mark.from,
        to: mark.to,
        severity: "error",
        source: "Cypher 5",
        message: mark.message,
      }));
    },
    { delay: 400 },
  );
}
